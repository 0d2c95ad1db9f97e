#!/usr/bin/env node
// npm run test:ui — the node in n8n's real editor, in headless Debian Chromium.
//   1. Chromium: /usr/bin/chromium, else `apt-get update && apt-get install -y chromium`, as root
//      or through `sudo -n` (no TTY in CI)
//   2. test/ui's own deps (playwright-core, pinned in test/ui/package.json): `npm ci` if missing
//   3. build + pack the package (test/e2e/lib/package.mjs)
//   4. per n8n version: Norce sandbox + `n8n start` (package installed like the Community Nodes
//      screen, owner, sandbox credential, a workflow), then `node --test` on every test/ui/*.test.mjs
//
//   node test/ui/run.mjs [--versions=2.41.1,2.8.4] [--all] [--no-build] [--files=<part of a file name>]
// Default: the newest pinned version (test/e2e/versions.json) the harness can install and run;
// --all: every pinned version. Screenshots: test/ui/.artifacts/n8n-<version>/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureN8n, pinnedMatrix, resolveMatrix } from '../e2e/lib/install.mjs';
import { buildAndPack } from '../e2e/lib/package.mjs';
import { fmtMs, log, parseArgs, run, runMain } from '../e2e/lib/util.mjs';

const UI_DIR = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const args = parseArgs();

/**
 * apt-get as root, or through `sudo -n` (a hosted CI runner, a dev machine with passwordless
 * sudo); -n because there is no TTY to ask for a password. Undefined: no way to install.
 */
async function aptGet() {
	if (typeof process.getuid === 'function' && process.getuid() === 0)
		return (args) => ['apt-get', args];
	const probe = await run('sudo', ['-n', 'true'], { timeoutMs: 10_000 }).catch(() => undefined);
	if (probe?.code !== 0) return undefined;
	// sudo resets the environment: pass DEBIAN_FRONTEND through env(1)
	return (args) => ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]];
}

async function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	const apt = process.platform === 'linux' ? await aptGet() : undefined;
	if (!apt)
		throw new Error(
			`${CHROMIUM} is missing; install Debian's chromium (sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium/Chrome binary`,
		);
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const [cmd, cmdArgs] of [apt(['update']), apt(['install', '-y', 'chromium'])]) {
		log(`${cmd} ${cmdArgs.join(' ')} ...`);
		const r = await run(cmd, cmdArgs, { env, timeoutMs: 20 * 60_000 });
		if (r.code !== 0)
			throw new Error(
				`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.code}):\n${(r.stderr || r.stdout).slice(-3000)}`,
			);
	}
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
	log(`chromium installed in ${fmtMs(Date.now() - started)}`);
}

async function ensureUiDeps() {
	const want = JSON.parse(fs.readFileSync(path.join(UI_DIR, 'package.json'), 'utf8')).dependencies[
		'playwright-core'
	];
	const pj = path.join(UI_DIR, 'node_modules', 'playwright-core', 'package.json');
	if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).version === want) return;
	log(`npm ci in test/ui (playwright-core ${want}) ...`);
	const r = await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: UI_DIR,
		timeoutMs: 10 * 60_000,
	});
	if (r.code !== 0)
		throw new Error(
			`npm ci in test/ui failed (exit ${r.code}):\n${(r.stderr || r.stdout).slice(-3000)}`,
		);
}

/** Newest pinned version the harness can install and run here (first entry that ensureN8n accepts). */
async function pickEntries() {
	const spec = typeof args.versions === 'string' ? args.versions : process.env.E2E_N8N_VERSIONS;
	if (spec) return resolveMatrix(spec);
	if (args.all) return pinnedMatrix();
	const problems = [];
	for (const entry of pinnedMatrix()) {
		try {
			await ensureN8n(entry);
			return [entry];
		} catch (e) {
			problems.push(`n8n ${entry.n8n}: ${e.message.split('\n')[0]}`);
			log(
				`n8n ${entry.n8n} (Node ${entry.node}) is not usable here, trying the next pinned version: ${e.message.split('\n')[0]}`,
			);
		}
	}
	throw new Error(`no pinned n8n version can run here:\n${problems.join('\n')}`);
}

function nodeTest(stackInfo) {
	return new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			// every test file of test/ui, one after another, against the same stack
			[
				'--test',
				'--test-concurrency=1',
				'--test-reporter=spec',
				...fs
					.readdirSync(UI_DIR)
					.filter((file) => file.endsWith('.test.mjs'))
					.filter((file) => typeof args.files !== 'string' || file.includes(args.files))
					.sort()
					.map((file) => path.join(UI_DIR, file)),
			],
			{
				stdio: 'inherit',
				env: { ...process.env, UI_STACK: JSON.stringify(stackInfo) },
			},
		);
		const kill = () => child.kill('SIGKILL'); // run.mjs stopped (Ctrl-C): no orphaned test run
		process.once('exit', kill);
		child.on('close', (code, signal) => {
			process.removeListener('exit', kill);
			resolve(code ?? (signal ? 1 : 0));
		});
	});
}

async function main() {
	const started = Date.now();
	await ensureChromium();
	await ensureUiDeps();
	const entries = await pickEntries();
	const tarball = process.env.E2E_TARBALL || (await buildAndPack({ build: !args['no-build'] }));
	process.env.E2E_TARBALL = tarball; // the stack installs this tarball, no second build
	const { startUiStack } = await import('./lib/stack.mjs');
	const results = [];
	for (const entry of entries) {
		const t0 = Date.now();
		log(`UI test on n8n ${entry.n8n} (Node ${entry.node}) ...`);
		const stack = await startUiStack(entry);
		let code;
		try {
			log(
				`n8n ${stack.info.n8nVersion} at ${stack.info.baseUrl} (server start ${fmtMs(stack.info.serverStartMs)}), sandbox ${stack.info.sandbox.baseUrl}`,
			);
			code = await nodeTest(stack.info);
		} finally {
			await stack.close();
		}
		results.push({ entry, code, ms: Date.now() - t0 });
	}
	for (const r of results)
		log(
			`n8n ${r.entry.n8n}: ${r.code === 0 ? 'passed' : 'FAILED'} in ${fmtMs(r.ms)} (screenshots: test/ui/.artifacts/n8n-${r.entry.n8n}/)`,
		);
	log(`total ${fmtMs(Date.now() - started)}`);
	return results.every((r) => r.code === 0) ? 0 : 1;
}

runMain(main, '[ui]');

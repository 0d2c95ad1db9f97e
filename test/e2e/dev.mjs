#!/usr/bin/env node
// npm run dev — n8n's editor on http://127.0.0.1:5678 with the node from the working tree.
//
//   node test/e2e/dev.mjs [--version=2.41.1] [--reset]
//
// * `npx gulp watch` rebuilds dist/ on every change in nodes/, credentials/ or package.json.
//   After each build that passed gulp's `verify`, package.json (without devDependencies,
//   peerDependencies, optionalDependencies, like the Community Nodes screen) and dist/ are COPIED
//   into <user folder>/.n8n/nodes/node_modules/n8n-nodes-norce-checkout: n8n loads it as the
//   community package `n8n-nodes-norce-checkout` (the node type the examples use), and
//   `n8n-workflow` resolves to n8n's own copy, never to the repo's node_modules (a symlink would
//   resolve to the repo: n8n-conventions.md §4.2). n8n runs with N8N_DEV_RELOAD=true and reloads
//   the package when the copy changes (editor: reopen the node panel / reload the page).
// * The Norce sandbox runs on a free port; a credential "Norce sandbox (local)" (environment
//   Custom → the sandbox) is created or updated at every start; the examples in examples/ are
//   created once, pointed at it. The sandbox's demo orders are dated relative to the start
//   (test/e2e/lib/examples.mjs relativeDemoOrders), so the examples' own date filters find them.
// * Persistent user folder: .n8n-dev/ in the repo (gitignored); --reset starts from scratch.
//   The owner is set up on the first start, so the editor opens straight to the canvas after
//   signing in with the printed login.
// * Ctrl-C (or SIGTERM) stops n8n, gulp and the sandbox.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
	EDITOR_OWNER,
	RestClient,
	ensureSandboxCredential,
	importExamples,
	ownerSession,
} from './lib/editor.mjs';
import { relativeDemoOrders } from './lib/examples.mjs';
import { ensureN8n, n8nInstallDir, pinnedMatrix, resolveMatrix } from './lib/install.mjs';
import { NODE_TYPE, PACKAGE_NAME, baseEnv } from './lib/n8n.mjs';
import {
	REPO_ROOT,
	fmtMs,
	freePort,
	killAllChildren,
	mkdirp,
	parseArgs,
	readJson,
	startProcess,
	tail,
	waitFor,
	writeJson,
} from './lib/util.mjs';

const require = createRequire(import.meta.url);
const PORT = 5678;
const HOST = '127.0.0.1';
const URL_ = `http://${HOST}:${PORT}`;
const USER_FOLDER = path.join(REPO_ROOT, '.n8n-dev');
const NODES_DIR = path.join(USER_FOLDER, '.n8n', 'nodes');
const PKG_DIR = path.join(NODES_DIR, 'node_modules', PACKAGE_NAME);

const args = parseArgs();

const say = (msg) => process.stdout.write(`[dev] ${msg}\n`);
const stamp = () => new Date().toISOString().slice(11, 19);

/** --version, else the newest pinned version already installed, else the newest installable. */
async function pickInstall() {
	if (typeof args.version === 'string') return ensureN8n(resolveMatrix(args.version)[0]);
	const pinned = pinnedMatrix();
	const installed = pinned.filter((e) =>
		fs.existsSync(path.join(n8nInstallDir(e), '.e2e-install-complete.json')),
	);
	let lastErr;
	for (const e of [...installed, ...pinned.filter((p) => !installed.includes(p))]) {
		try {
			return await ensureN8n(e);
		} catch (err) {
			lastErr = err;
			say(`n8n ${e.n8n} is not usable here: ${err.message.split('\n')[0]}`);
		}
	}
	throw lastErr;
}

function portInUse(port) {
	return new Promise((resolve) => {
		const s = net.connect({ port, host: HOST });
		s.once('connect', () => {
			s.destroy();
			resolve(true);
		});
		s.once('error', () => resolve(false));
	});
}

/** Copy the working tree's build into n8n's community-package folder (atomic swap of dist/). */
function syncPackage() {
	const src = path.join(REPO_ROOT, 'dist');
	mkdirp(PKG_DIR);
	const pj = readJson(path.join(REPO_ROOT, 'package.json'));
	const { devDependencies, peerDependencies, optionalDependencies, scripts, ...kept } = pj;
	writeJson(path.join(PKG_DIR, 'package.json'), kept);
	const next = path.join(PKG_DIR, '.dist-next');
	fs.rmSync(next, { recursive: true, force: true });
	fs.cpSync(src, next, { recursive: true });
	fs.rmSync(path.join(PKG_DIR, 'dist'), { recursive: true, force: true });
	fs.renameSync(next, path.join(PKG_DIR, 'dist'));
	writeJson(path.join(NODES_DIR, 'package.json'), {
		name: 'installed-nodes',
		private: true,
		dependencies: { [PACKAGE_NAME]: kept.version },
	});
}

/** Calls onLine for every complete output line of a started process. */
function onLines(proc, onLine) {
	let buf = '';
	const feed = (d) => {
		buf += d;
		let i;
		while ((i = buf.indexOf('\n')) >= 0) {
			onLine(buf.slice(0, i).replace(/\x1b\[[0-9;]*m/g, ''));
			buf = buf.slice(i + 1);
		}
	};
	proc.child.stdout.on('data', feed);
	proc.child.stderr.on('data', feed);
}

async function main() {
	const started = Date.now();
	if (await portInUse(PORT))
		throw new Error(
			`port ${PORT} on ${HOST} is already in use (another n8n or npm run dev?). Stop it first.`,
		);
	if (args.reset) {
		fs.rmSync(USER_FOLDER, { recursive: true, force: true });
		say('--reset: removed .n8n-dev/');
	}
	mkdirp(USER_FOLDER);
	const install = await pickInstall();
	say(`${install.label} (${install.dir})`);

	// 1. gulp watch: first build, then rebuilds; every verified build is copied into n8n's folder
	let firstBuild;
	const firstBuildDone = new Promise((resolve, reject) => (firstBuild = { resolve, reject }));
	let builds = 0;
	const gulp = startProcess('npx', ['gulp', 'watch'], {
		cwd: REPO_ROOT,
		env: { ...process.env, FORCE_COLOR: '0' },
		logFile: path.join(USER_FOLDER, 'gulp.log'),
	});
	state.gulp = gulp;
	onLines(gulp, (line) => {
		if (/error|failed/i.test(line) && !/0 errors/i.test(line)) say(`gulp: ${line}`);
		if (/^dist\/ verified/.test(line)) {
			try {
				syncPackage();
				builds++;
				if (builds === 1) firstBuild.resolve();
				else
					say(
						`${stamp()} rebuilt dist/ and copied it into n8n (build #${builds}); n8n reloads the node`,
					);
			} catch (e) {
				say(`copying dist/ into n8n failed: ${e.message}`);
			}
		} else if (/Starting 'clean'/.test(line) && builds >= 1) {
			say(`${stamp()} change detected, rebuilding ...`);
		}
	});
	gulp.exited.then(({ code, signal }) => {
		if (!state.stopping) {
			say(`gulp watch exited (${code ?? signal}):\n${tail(gulp.output(), 20)}`);
			firstBuild.reject(new Error('gulp watch exited before the first build'));
		}
	});
	const t0 = Date.now();
	say('building (npx gulp watch) ...');
	await firstBuildDone;
	say(
		`first build done in ${fmtMs(Date.now() - t0)}, copied to ${path.relative(REPO_ROOT, PKG_DIR)}`,
	);

	// 2. sandbox
	const { startSandbox } = require('../sandbox');
	state.sandbox = await startSandbox({ port: 0, latencyMs: 0, orders: relativeDemoOrders() });

	// 3. n8n start on 5678 with hot reload
	const env = install.env({
		...baseEnv(USER_FOLDER, await freePort()),
		N8N_PORT: String(PORT),
		N8N_LISTEN_ADDRESS: HOST,
		N8N_HOST: HOST,
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${URL_}/`,
		WEBHOOK_URL: `${URL_}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DEV_RELOAD: 'true',
		// The dev folder persists, so its credentials keep their own key.
		N8N_ENCRYPTION_KEY: 'norce-dev-encryption-key-local-only',
		N8N_LOG_LEVEL: 'info',
		// n8n <= 2.8 only watches for hot reload in development mode
		...(Number(install.n8nVersion.split('.')[1]) <= 8 && install.n8nVersion.startsWith('2.')
			? { NODE_ENV: 'development' }
			: {}),
	});
	const t1 = Date.now();
	say(`starting n8n (log: ${path.relative(REPO_ROOT, path.join(USER_FOLDER, 'n8n.log'))}) ...`);
	const n8n = startProcess(install.node.node, [install.n8nBin, 'start'], {
		cwd: USER_FOLDER,
		env,
		logFile: path.join(USER_FOLDER, 'n8n.log'),
	});
	state.n8n = n8n;
	onLines(n8n, (line) => {
		if (/Hot reload (triggered|failed)/.test(line)) say(`${stamp()} n8n: ${line.trim()}`);
	});
	n8n.exited.then(({ code, signal }) => {
		if (!state.stopping) {
			say(`n8n exited (${code ?? signal}):\n${tail(n8n.output(), 30)}`);
			void shutdown(1);
		}
	});
	await waitFor(
		async () => {
			const r = await fetch(`${URL_}/rest/settings`).catch(() => null);
			return r?.ok && (r.headers.get('content-type') ?? '').includes('application/json');
		},
		{ timeoutMs: 180_000, intervalMs: 300, what: `n8n on ${URL_}` },
	).catch((e) => {
		throw new Error(`${e.message}\n--- n8n output ---\n${tail(n8n.output(), 40)}`);
	});
	say(`n8n is up in ${fmtMs(Date.now() - t1)}`);

	// 4. owner, sandbox credential, examples
	const client = new RestClient(URL_);
	const how = await ownerSession(client);
	const credential = await ensureSandboxCredential(client, state.sandbox);
	const created = await importExamples(client, credential);
	const types = await client.request('GET', '/types/nodes.json');
	const loaded = Array.isArray(types.json) && types.json.some((t) => t.name === NODE_TYPE);
	if (!loaded) say(`WARNING: ${NODE_TYPE} is not in /types/nodes.json; see .n8n-dev/n8n.log`);

	const line = '─'.repeat(66);
	console.log(`\n${line}
  n8n editor   ${URL_}        (${install.label})
  login        ${EDITOR_OWNER.email}  /  ${EDITOR_OWNER.password}   (${how === 'setup' ? 'owner just set up' : 'existing owner'})
  node         ${NODE_TYPE}  ${loaded ? 'loaded' : 'NOT loaded'}
  credential   "${credential.name}" → sandbox ${state.sandbox.baseUrl}
               (merchant ${state.sandbox.merchant}, channel ${state.sandbox.channels[0]}; demo order ids: test/sandbox/README.md)
  examples     ${created.length ? `created: ${created.join(', ')}` : 'already there (kept as you left them)'}
  rebuilds     npx gulp watch → dist/ → copied into .n8n-dev/.n8n/nodes (hot reload)
  logs         .n8n-dev/n8n.log, .n8n-dev/gulp.log
  ready in ${fmtMs(Date.now() - started)}.  Ctrl-C stops n8n, gulp and the sandbox.
${line}\n`);
}

const state = { stopping: false };

async function shutdown(code) {
	if (state.stopping) return;
	state.stopping = true;
	say('stopping ...');
	await state.n8n?.stop(10_000).catch(() => {});
	await state.gulp?.stop(3000).catch(() => {});
	await state.sandbox?.close().catch(() => {});
	killAllChildren();
	say('stopped.');
	process.exit(code);
}

// Graceful stop (n8n gets SIGTERM and 10 s) instead of the harness's immediate SIGKILL hooks.
function takeOverSignals() {
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.removeAllListeners(sig);
		process.on(sig, () => void shutdown(130));
	}
}

takeOverSignals();
main()
	.then(takeOverSignals) // startProcess installs the harness's hooks on first use
	.catch((e) => {
		console.error(`[dev] ${e.message}`);
		void shutdown(1);
	});

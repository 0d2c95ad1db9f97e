#!/usr/bin/env node
// npm run scan — the checks of n8n's community package scanner (@n8n/scan-community-package,
// pinned in test/scan/package.json) on this package, before it is on the registry.
//
// `npx @n8n/scan-community-package <name>` only scans a *published* version (scanner/scanner.mjs,
// analyzePackageByName): it requires an npm provenance attestation, downloads the GitHub source
// the attestation names and the tarball from the registry, then lints both with ESLint, inline
// `eslint-disable` comments ignored:
//   source:  package.json, {nodes,credentials}/**/*.{js,ts,json}   (SOURCE_FILE_PATTERNS)
//   tarball: **/*.js, package.json
// Here the same two lint passes run through the scanner's own analyzePackage() (its ESLint config
// and rule versions) on the working tree's sources and on the tarball `npm pack` makes now. The
// provenance step cannot run before the first publish; publish.yml publishes with provenance.
// A planted violation must be rejected too, so a scan that lints nothing cannot pass.
//
//   node test/scan/run.mjs [--no-build]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT, fmtMs, parseArgs, readJson, run, tail } from '../e2e/lib/util.mjs';

const SCAN_DIR = path.dirname(fileURLToPath(import.meta.url));
const SCANNER = '@n8n/scan-community-package';
const TARBALL_PATTERNS = ['**/*.js', 'package.json']; // scanner.mjs, analyzePackageByName
const args = parseArgs();
const say = (msg) => console.log(`[scan] ${msg}`);

async function ensureScanner() {
	const want = readJson(path.join(SCAN_DIR, 'package.json')).dependencies[SCANNER];
	const pj = path.join(SCAN_DIR, 'node_modules', SCANNER, 'package.json');
	if (fs.existsSync(pj) && readJson(pj).version === want) return want;
	say(`npm ci in test/scan (${SCANNER} ${want}) ...`);
	// --ignore-scripts: the scanner depends on eslint-plugin-n8n-nodes-base (preinstall fails
	// under npm) and, through n8n-workflow, on isolated-vm, which need not be compiled to lint
	const r = await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: SCAN_DIR,
		timeoutMs: 10 * 60_000,
	});
	if (r.code !== 0)
		throw new Error(`npm ci in test/scan failed:\n${tail(r.stderr || r.stdout, 30)}`);
	return want;
}

async function step(cmd, cmdArgs, opts) {
	const r = await run(cmd, cmdArgs, { timeoutMs: 10 * 60_000, ...opts });
	if (r.code !== 0)
		throw new Error(
			`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.code}):\n${tail(r.stdout + r.stderr, 30)}`,
		);
	return r;
}

async function main() {
	const started = Date.now();
	const version = await ensureScanner();
	const scannerDir = path.join(SCAN_DIR, 'node_modules', SCANNER);
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
		pathToFileURL(path.join(scannerDir, 'scanner', 'scanner.mjs')).href
	);
	const { default: glob } = await import(
		pathToFileURL(path.join(SCAN_DIR, 'node_modules', 'fast-glob', 'out', 'index.js')).href
	);
	const pkg = readJson(path.join(REPO_ROOT, 'package.json'));
	say(`${SCANNER} ${version} rules on ${pkg.name}@${pkg.version}`);

	if (!args['no-build']) await step('npm', ['run', 'build'], { cwd: REPO_ROOT });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
	try {
		// the tarball exactly as npm would publish it, unpacked the way the scanner unpacks it
		const packed = await step(
			'npm',
			['pack', '--json', '--ignore-scripts', `--pack-destination=${work}`],
			{ cwd: REPO_ROOT },
		);
		const { filename } = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')))[0];
		const packageDir = path.join(work, 'package');
		fs.mkdirSync(packageDir);
		await step('tar', [
			'-xzf',
			path.join(work, filename),
			'-C',
			packageDir,
			'--strip-components=1',
		]);
		// the source the attestation would point at (the working tree; in CI the checked-out commit)
		const sourceDir = path.join(work, 'source');
		fs.mkdirSync(sourceDir);
		// Everything the linted files refer to (icons/, shared/) comes along, as in the source
		// tarball the real scanner downloads; what it lints is SOURCE_FILE_PATTERNS only.
		for (const entry of ['package.json', 'nodes', 'credentials', 'shared', 'icons'])
			fs.cpSync(path.join(REPO_ROOT, entry), path.join(sourceDir, entry), { recursive: true });

		const legs = [
			{ label: 'source', dir: sourceDir, patterns: SOURCE_FILE_PATTERNS },
			{ label: `tarball ${filename}`, dir: packageDir, patterns: TARBALL_PATTERNS },
		];
		let failed = false;
		for (const leg of legs) {
			const files = glob.sync(leg.patterns, {
				cwd: leg.dir,
				ignore: ['node_modules/**', '**/package-lock.json'],
			});
			const result = await analyzePackage(leg.dir, leg.patterns);
			// "No files found to analyze" is a pass in the scanner; here it means the scan is blind
			const ok = result.passed && files.length > 0;
			say(
				`${leg.label}: ${files.length} files (${leg.patterns.join(', ')}): ${ok ? 'passed' : 'FAILED'}`,
			);
			if (!ok) {
				failed = true;
				console.log(result.details ?? result.message ?? 'no files to lint');
			}
		}

		// canary: the same pass must reject a console.log and a process access in a shipped file
		fs.writeFileSync(
			path.join(packageDir, 'dist', 'canary.js'),
			'console.log(process.env.HOME);\n',
		);
		const canary = await analyzePackage(packageDir, TARBALL_PATTERNS);
		const caught = !canary.passed && /canary\.js/.test(canary.details ?? '');
		say(
			`canary (console.log + process in dist/canary.js): ${caught ? 'rejected, as it must be' : 'NOT rejected'}`,
		);
		if (!caught) failed = true;

		say('provenance: not checked here (needs a published version; publish.yml publishes with it)');
		say(`${failed ? 'FAILED' : 'passed'} in ${fmtMs(Date.now() - started)}`);
		return failed ? 1 : 0;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main()
	.then((code) => process.exit(code))
	.catch((e) => {
		console.error(`[scan] ${e.stack || e.message}`);
		process.exit(1);
	});

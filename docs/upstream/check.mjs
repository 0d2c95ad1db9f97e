#!/usr/bin/env node
// Re-runs the upstream change's check: unpacks the published @n8n/backend-network 1.15.1 (npm
// pack, or --tarball=<file>) into a temp dir, checks that keep-alive-agents.patch applies cleanly
// (`patch -p1 --dry-run`), applies it and runs node-agents.keep-alive.test.js against the result
// with `node --test`, on the Node of the pinned n8n 2.41.1 install, whose node_modules provide the
// package's dependencies (test/e2e installs it; this waits for an install under way). Nothing of
// n8n is written into this repository; the temp dir is removed.
//
//   node docs/upstream/check.mjs [--tarball=<n8n-backend-network-1.15.1.tgz>] [--stock] [--keep]
//   node docs/upstream/check.mjs --figures   (figures.js: stock and patched side by side)
//
// --stock runs the test against the unpatched package instead: it must fail (the test can fail).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureN8n, resolveMatrix } from '../../test/e2e/lib/install.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PATCH = path.join(HERE, 'keep-alive-agents.patch');
export const TEST = path.join(HERE, 'node-agents.keep-alive.test.js');
export const PACKAGE = '@n8n/backend-network';
export const VERSION = '1.15.1';
export const N8N_VERSION = '2.41.1';
const NO_PROXY_ENV = Object.fromEntries(
	['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'].map((k) => [
		k,
		'',
	]),
);

/** `patch -p1` in `dir` (dry run first, so a rejected hunk leaves nothing half-applied). */
export function applyPatch(dir) {
	for (const args of [['--dry-run'], []]) {
		const r = spawnSync('patch', ['-p1', '--forward', '--batch', ...args, '-i', PATCH], {
			cwd: dir,
			encoding: 'utf8',
		});
		if (r.status !== 0)
			throw new Error(
				`${PATCH} does not apply to ${dir}${args.length ? ' (dry run)' : ''}:\n${r.stdout}${r.stderr}`,
			);
	}
}

/** The package inside an n8n install; throws unless it is the version the patch is made for. */
export function installedPackageDir(installDir) {
	const dir = path.join(installDir, 'node_modules', PACKAGE);
	const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	if (version !== VERSION)
		throw new Error(`${dir} is ${PACKAGE} ${version}; the patch is made for ${VERSION}`);
	return dir;
}

/** NODE_PATH that resolves the package's dependencies from the install, nested ones first. */
export function dependencyPath(installDir) {
	const dir = path.join(installDir, 'node_modules');
	return [path.join(dir, PACKAGE, 'node_modules'), dir].join(path.delimiter);
}

async function main() {
	const flags = Object.fromEntries(
		process.argv.slice(2).map((a) => {
			const [k, ...v] = a.replace(/^--/, '').split('=');
			return [k, v.length ? v.join('=') : true];
		}),
	);
	const install = await ensureN8n(resolveMatrix(N8N_VERSION)[0]);
	installedPackageDir(install.dir);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-check-'));
	try {
		let tarball = flags.tarball ? path.resolve(String(flags.tarball)) : undefined;
		if (!tarball) {
			const out = execFileSync(
				'npm',
				['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', tmp, '--silent'],
				{ encoding: 'utf8' },
			);
			tarball = path.join(tmp, out.trim().split('\n').pop());
		}
		execFileSync('tar', ['-xzf', tarball, '-C', tmp]);
		const pkg = path.join(tmp, 'package');
		const { name, version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
		if (name !== PACKAGE || version !== VERSION)
			throw new Error(`${tarball} is ${name}@${version}, not ${PACKAGE}@${VERSION}`);
		if (flags.figures) {
			// the stock package beside the patched one, for figures.js
			fs.cpSync(pkg, path.join(tmp, 'stock'), { recursive: true });
		}
		if (!flags.stock) {
			applyPatch(pkg);
			console.log(`${path.basename(PATCH)} applies cleanly to ${name}@${version}`);
		}
		if (flags.figures) {
			const r = spawnSync(install.node.node, [path.join(HERE, 'figures.js')], {
				stdio: 'inherit',
				env: {
					...process.env,
					STOCK_DIR: path.join(tmp, 'stock'),
					PATCHED_DIR: pkg,
					NODE_PATH: dependencyPath(install.dir),
					...NO_PROXY_ENV,
				},
			});
			process.exitCode = r.status;
			return;
		}
		const r = spawnSync(install.node.node, ['--test', '--test-reporter=spec', TEST], {
			stdio: 'inherit',
			env: {
				...process.env,
				BACKEND_NETWORK_DIR: pkg,
				NODE_PATH: dependencyPath(install.dir),
				...NO_PROXY_ENV,
			},
		});
		const passed = r.status === 0;
		console.log(
			flags.stock
				? `stock ${name}@${version}: the test ${passed ? 'PASSED (it cannot fail: a defect)' : 'failed, as it must'}`
				: `patched ${name}@${version} on Node ${install.node.version}: the test ${passed ? 'passed' : 'FAILED'}`,
		);
		process.exitCode = passed === !flags.stock ? 0 : 1;
	} finally {
		if (flags.keep) console.log(`kept ${tmp}`);
		else fs.rmSync(tmp, { recursive: true, force: true });
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
	main().catch((e) => {
		console.error(e.stack ?? e);
		process.exitCode = 1;
	});

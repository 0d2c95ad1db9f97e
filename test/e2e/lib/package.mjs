// Build + `npm pack` the package under test once; the tarball goes to test/e2e/.artifacts/pack.
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, REPO_ROOT, fmtMs, log, mkdirp, readJson, run, tail } from './util.mjs';

export const PACK_DIR = path.join(ARTIFACTS_DIR, 'pack');

export async function buildAndPack({ build = true } = {}) {
	const pj = readJson(path.join(REPO_ROOT, 'package.json'));
	if (build) {
		const started = Date.now();
		log('npm run build ...');
		const b = await run('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 10 * 60_000 });
		if (b.code !== 0)
			throw new Error(
				`npm run build failed (exit ${b.code}):\n${tail(b.stdout, 25)}\n--- stderr ---\n${tail(b.stderr, 8)}`,
			);
		log(`npm run build: ${fmtMs(Date.now() - started)}`);
	}
	const missing = (pj.n8n?.nodes ?? [])
		.concat(pj.n8n?.credentials ?? [])
		.filter((f) => !fs.existsSync(path.join(REPO_ROOT, f)));
	if (missing.length)
		throw new Error(
			`the build did not produce ${missing.join(', ')} (listed in package.json "n8n")`,
		);
	mkdirp(PACK_DIR);
	for (const f of fs.readdirSync(PACK_DIR))
		if (f.endsWith('.tgz')) fs.rmSync(path.join(PACK_DIR, f));
	const p = await run('npm', ['pack', '--json', `--pack-destination=${PACK_DIR}`], {
		cwd: REPO_ROOT,
		timeoutMs: 120_000,
	});
	if (p.code !== 0)
		throw new Error(`npm pack failed (exit ${p.code}):\n${tail(p.stdout + p.stderr, 30)}`);
	let filename;
	try {
		filename = JSON.parse(p.stdout.slice(p.stdout.indexOf('[')))[0].filename;
	} catch {
		filename = `${pj.name}-${pj.version}.tgz`;
	}
	const tarball = path.join(PACK_DIR, path.basename(filename));
	if (!fs.existsSync(tarball))
		throw new Error(`npm pack did not write ${tarball}:\n${tail(p.stdout + p.stderr, 20)}`);
	log(`packed ${path.relative(REPO_ROOT, tarball)}`);
	return tarball;
}

let cached;
/**
 * Tarball from E2E_TARBALL (set by run.mjs) or built+packed now. Test files started directly by
 * one `node --test` share a parent pid: the first one builds (under a lock), the others reuse
 * its tarball instead of running `npm run build` concurrently in the same checkout.
 */
export async function getTarball() {
	if (process.env.E2E_TARBALL) return process.env.E2E_TARBALL;
	cached ??= (async () => {
		mkdirp(PACK_DIR);
		const marker = path.join(PACK_DIR, `.built-for-${process.ppid}`);
		const lock = path.join(PACK_DIR, '.lock');
		const deadline = Date.now() + 10 * 60_000;
		for (;;) {
			try {
				fs.mkdirSync(lock);
				break;
			} catch (e) {
				if (e.code !== 'EEXIST') throw e;
				if (Date.now() > deadline)
					throw new Error(`timed out waiting for ${lock} (remove it if no build is running)`);
				await new Promise((r) => setTimeout(r, 500));
			}
		}
		try {
			if (fs.existsSync(marker)) {
				const tgz = fs.readFileSync(marker, 'utf8');
				if (fs.existsSync(tgz)) return tgz;
			}
			for (const f of fs.readdirSync(PACK_DIR))
				if (f.startsWith('.built-for-')) fs.rmSync(path.join(PACK_DIR, f));
			const tgz = await buildAndPack({ build: process.env.E2E_SKIP_BUILD !== '1' });
			fs.writeFileSync(marker, tgz);
			return tgz;
		} finally {
			fs.rmSync(lock, { recursive: true, force: true });
		}
	})();
	return cached;
}

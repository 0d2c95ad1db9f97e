#!/usr/bin/env node
// E2E entry point (npm run test:e2e): build + pack once, make sure every n8n of the matrix is
// installed (cache outside the repo), then run the node:test files for the whole matrix in ONE
// `node --test` so the closing lines are node's test runner summary.
//
//   node test/e2e/run.mjs [--versions=2.8.4,2.41.1@24.21.0] [--no-build] [--only=operations,examples]
//                         [--concurrency=2] [--install-only]
// env: E2E_N8N_VERSIONS (same as --versions), E2E_CACHE_DIR, E2E_KEEP_USER_FOLDER=1, E2E_VERBOSE=1
import fs from 'node:fs';
import path from 'node:path';
import { ensureN8n, resolveMatrix } from './lib/install.mjs';
import { buildAndPack } from './lib/package.mjs';
import { E2E_DIR, REPO_ROOT, fmtMs, log, parseArgs, runMain } from './lib/util.mjs';
import { spawn } from 'node:child_process';

const args = parseArgs();

async function main() {
	const started = Date.now();
	const matrix = resolveMatrix(typeof args.versions === 'string' ? args.versions : undefined);
	log(`matrix: ${matrix.map((e) => `n8n ${e.n8n} on Node ${e.node}`).join(', ')}`);

	// 1. installs (in parallel: they are mostly network + disk; a no-op when cached)
	const t0 = Date.now();
	const results = await Promise.allSettled(matrix.map((e) => ensureN8n(e)));
	const failed = results.map((r, i) => [r, matrix[i]]).filter(([r]) => r.status === 'rejected');
	if (failed.length) {
		for (const [r, e] of failed)
			console.error(`\n[e2e] n8n ${e.n8n} (Node ${e.node}) is not usable:\n${r.reason.message}\n`);
		return 1;
	}
	for (const r of results)
		log(
			`${r.value.label} ready in ${r.value.dir}${r.value.installInfo?.installMs ? ` (installed in ${fmtMs(r.value.installInfo.installMs)})` : ''}`,
		);
	log(`installs checked in ${fmtMs(Date.now() - t0)}`);
	if (args['install-only']) return 0;

	// 2. build + pack once
	// (E2E_TARBALL: test a given tarball, e.g. a release candidate, without building)
	const tarball = process.env.E2E_TARBALL || (await buildAndPack({ build: !args['no-build'] }));

	// 3. node --test over all files, all versions
	const only = typeof args.only === 'string' ? args.only.split(',') : null;
	const files = fs
		.readdirSync(E2E_DIR)
		.filter((f) => f.endsWith('.test.mjs'))
		.filter((f) => !only || only.some((o) => f.startsWith(o)))
		.sort()
		.map((f) => path.join(E2E_DIR, f));
	if (!files.length) {
		console.error('[e2e] no test files selected');
		return 2;
	}
	const concurrency = String(args.concurrency ?? process.env.E2E_CONCURRENCY ?? 2);
	const env = {
		...process.env,
		E2E_MATRIX: JSON.stringify(matrix),
		E2E_TARBALL: tarball,
	};
	log(
		`node --test (${files.length} files × ${matrix.length} n8n versions, concurrency ${concurrency})`,
	);
	const code = await new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			[
				'--test',
				`--test-concurrency=${concurrency}`,
				// reliability.test.mjs runs two 10,000-item soaks per version; with the node-wide
				// rate-limit pauses its concurrency-5 soak waits out every 429 as a whole run.
				'--test-timeout=1800000',
				'--test-reporter=spec',
				...files,
			],
			{ cwd: REPO_ROOT, env, stdio: 'inherit' },
		);
		child.on('close', (c, s) => resolve(c ?? (s ? 1 : 0)));
		for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => child.kill(sig));
	});
	// nothing is printed after node's summary: its closing lines are what CI reads
	if (process.env.E2E_VERBOSE) log(`total ${fmtMs(Date.now() - started)}`);
	return code;
}

runMain(main, '[e2e]');

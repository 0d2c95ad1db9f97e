#!/usr/bin/env node
// npm run test:queue — the package in n8n's queue mode (see test/queue/README.md):
//   1. Debian's redis-server and postgresql: apt-get if missing (root, or sudo -n)
//   2. the pinned n8n versions (test/e2e/versions.json; cached, see test/e2e/lib/install.mjs)
//   3. build + pack the package once
//   4. `node --test test/queue/queue.test.mjs`: per n8n version, one after the other, Redis,
//      PostgreSQL, `n8n start` + 2 `n8n worker`, the runs and checks; everything stopped by PID
//
//   node test/queue/run.mjs [--versions=2.8.4] [--no-build]
// env: QUEUE_N8N_VERSIONS or E2E_N8N_VERSIONS (same as --versions), E2E_KEEP_USER_FOLDER=1
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureN8n, resolveMatrix } from '../e2e/lib/install.mjs';
import { buildAndPack } from '../e2e/lib/package.mjs';
import { REPO_ROOT, fmtMs, log, parseArgs, runMain } from '../e2e/lib/util.mjs';
import { QUEUE_DIR } from './lib/suite.mjs';
import { ensureServices } from './lib/services.mjs';

const args = parseArgs();

async function main() {
	const started = Date.now();
	const spec =
		typeof args.versions === 'string'
			? args.versions
			: process.env.QUEUE_N8N_VERSIONS || process.env.E2E_N8N_VERSIONS;
	const matrix = resolveMatrix(spec);
	log(`queue mode suite: ${matrix.map((e) => `n8n ${e.n8n} on Node ${e.node}`).join(', ')}`);

	const services = await ensureServices();
	log(
		services.installed.length
			? `apt-get installed ${services.installed.join(', ')} (${fmtMs(services.ms)})`
			: 'redis-server and postgresql already installed',
	);
	for (const entry of matrix) {
		const install = await ensureN8n(entry);
		log(`${install.label} ready in ${install.dir}`);
	}
	const tarball = process.env.E2E_TARBALL || (await buildAndPack({ build: !args['no-build'] }));

	const code = await new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			[
				'--test',
				'--test-concurrency=1',
				'--test-timeout=3600000',
				'--test-reporter=spec',
				path.join(QUEUE_DIR, 'queue.test.mjs'),
			],
			{
				cwd: REPO_ROOT,
				env: { ...process.env, E2E_MATRIX: JSON.stringify(matrix), E2E_TARBALL: tarball },
				stdio: 'inherit',
			},
		);
		child.on('close', (c, s) => resolve(c ?? (s ? 1 : 0)));
		for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => child.kill(sig));
	});
	log(`test:queue took ${fmtMs(Date.now() - started)}`);
	return code;
}

runMain(main, '[queue]');

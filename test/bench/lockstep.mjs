#!/usr/bin/env node
// Experiment behind the BENCHMARKS.md analysis: does a fixed per-request CPU cost (what n8n's
// request path costs per call) turn into `concurrency × cost` per round trip, because C workers
// started together stay in lock-step against a server with a constant latency?
// A keep-alive client with C workers; each answer is followed by `--cpu` ms of busy work (the
// stand-in for n8n-core's per-request work); `--stagger` starts worker k after k × latency / C ms.
//   node test/bench/lockstep.mjs [--n=1000] [--c=5] [--latency=20] [--cpu=1.5]
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { generatedOrderId } = require('../sandbox');
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'sandbox', 'cli.js');
const flags = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [k, v] = a.replace(/^--/, '').split('=');
		return [k, v ?? true];
	}),
);
const N = Number(flags.n ?? 1000);
const C = Number(flags.c ?? 5);
const LATENCY = Number(flags.latency ?? 20);
const CPU = Number(flags.cpu ?? 1.5);
const REPEAT = Number(flags.repeat ?? 3);

function spin(ms) {
	const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
	while (process.hrtime.bigint() < end);
}

async function once(sandbox, stagger, cpu) {
	const url = new URL(sandbox.baseUrl);
	const agent = new http.Agent({ keepAlive: true, maxSockets: C });
	const headers = {
		Authorization: `Bearer ${sandbox.apiKey}`,
		'x-merchant': sandbox.merchant,
		'x-channel': sandbox.channels[0],
		Accept: 'application/json',
	};
	const call = (id) =>
		new Promise((resolve, reject) => {
			const req = http.request(
				{
					host: url.hostname,
					port: url.port,
					method: 'POST',
					path: `${url.pathname}/api/v0/checkout/orders/${id}/validate`,
					headers,
					agent,
				},
				(res) => {
					let body = '';
					res.on('data', (d) => (body += d));
					res.on('end', () => resolve(body));
				},
			);
			req.on('error', reject);
			req.end();
		});
	let next = 0;
	const t0 = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: C }, async (_, k) => {
			if (stagger) await new Promise((r) => setTimeout(r, (k * LATENCY) / C));
			while (next < N) {
				const id = generatedOrderId(++next);
				spin(cpu / 2); // building the request
				await call(id);
				spin(cpu / 2); // handling the answer
			}
		}),
	);
	agent.destroy();
	return Number(process.hrtime.bigint() - t0) / 1e6;
}

// the sandbox in its own process, as in the bench (the busy work must not delay its timers)
const child = spawn(
	process.execPath,
	[
		CLI,
		'--port',
		'0',
		'--latency',
		String(LATENCY),
		'--generated',
		String(N),
		'--no-record',
		'--exit-on-stdin-close',
	],
	{ stdio: ['pipe', 'pipe', 'inherit'] },
);
const sandbox = await new Promise((resolve, reject) => {
	let out = '';
	child.stdout.on('data', (d) => {
		out += d;
		const line = out.split('\n').find((l) => l.startsWith('{'));
		if (line && out.includes('\n')) resolve(JSON.parse(line));
	});
	child.on('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
});
const floor = (N * LATENCY) / C;
const rows = [];
for (const cpu of [0, CPU])
	for (const stagger of [false, true]) {
		const ms = [];
		for (let r = 0; r < REPEAT; r++) ms.push(await once(sandbox, stagger, cpu));
		ms.sort((a, b) => a - b);
		const med = ms[Math.floor(ms.length / 2)];
		rows.push({
			cpuMsPerRequest: cpu,
			staggeredStart: stagger,
			medianMs: Math.round(med),
			ratioToFloor: +(med / floor).toFixed(3),
		});
	}
child.stdin.end();
child.kill();
console.log(`N=${N} C=${C} latency=${LATENCY} ms, floor ${floor} ms`);
console.table(rows);

#!/usr/bin/env node
// `npm run bench`: the Norce node inside real n8n vs n8n's HTTP Request node vs a raw keep-alive
// client vs the latency floor, validating N generated orders against the local sandbox.
//
//   node test/bench/run.mjs [--n=5000] [--repeat=3] [--quick] [--version=2.8.4|2.41.1]
//                           [--no-build] [--no-memory] [--no-profile] [--no-write]
//
// Times of the n8n contenders are the measured node's `executionTime` from n8n's run data (not
// process start-up). Every contender run gets its own fresh in-process sandbox with the same
// configuration, so the sandbox's maxInFlight / status counts belong to that run alone.
// Exit code is non-zero only when the harness fails; missed targets are reported in the table.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureN8n, resolveMatrix } from '../e2e/lib/install.mjs';
import { N8nInstance, NODE_TYPE, CREDENTIAL_TYPE } from '../e2e/lib/n8n.mjs';
import { buildAndPack } from '../e2e/lib/package.mjs';
import { fmtMs, freePort, killAllChildren, log, readJson, run, tail } from '../e2e/lib/util.mjs';
import { chainWorkflow, makeId, manualTrigger, norceCredential } from '../e2e/lib/workflows.mjs';

const require = createRequire(import.meta.url);
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..', '..');
const OUT_DIR = path.join(REPO_ROOT, 'test', 'e2e', '.artifacts', 'bench');

// ---------------------------------------------------------------------------------------------
// Flags
const argv = process.argv.slice(2);
const flags = Object.fromEntries(
	argv.map((a) => {
		const [k, ...v] = a.replace(/^--/, '').split('=');
		return [k, v.length ? v.join('=') : true];
	}),
);
const QUICK = !!flags.quick;
const N = Number(flags.n ?? (QUICK ? 400 : 5000));
const REPEAT = Number(flags.repeat ?? (QUICK ? 2 : 3));
const VERSION = String(flags.version ?? '2.8.4');
// Concurrency 1 at 20 ms is N × 20 ms per contender and repetition (100 s at N = 5,000): it runs
// a smaller N. The ratios are per item, so they stay comparable.
const N_C1 = Number(flags['n-c1'] ?? Math.min(N, QUICK ? 200 : 1000));
const N_HIGH = Number(flags['n-high'] ?? 2000); // the issue's N = 2,000 × 20 ms comparison
const HIGH_C = 100;
const RATE = Number(flags.rate ?? 100); // sandbox rate limit, requests per second
const N_RATE = Number(flags['n-rate'] ?? (QUICK ? 300 : 1000));
const RATE_C = 5;
const MEMORY_SIZES = (flags['memory-sizes'] ?? '1000,10000').split(',').map(Number);
const LATENCIES = [20, 0];
const CONCURRENCIES = [1, 5, 20];
for (const [k, v] of Object.entries({ N, REPEAT, N_C1, N_HIGH, RATE, N_RATE }))
	if (!Number.isInteger(v) || v < 1)
		throw new Error(`--${k.toLowerCase()} must be a positive integer`);

const MEASURED = 'Measured';
const { startSandbox, generatedOrderId, DEFAULTS } = require('../sandbox');

// ---------------------------------------------------------------------------------------------
const median = (xs) => {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!s.length) return NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ids = (n) => Array.from({ length: n }, (_, i) => generatedOrderId(i + 1));
/** Validation items the generated orders 1..n answer (order i has i % 4). */
const expectedValidations = (n) => {
	let s = 0;
	for (let i = 1; i <= n; i++) s += i % 4;
	return s;
};
/** Smallest n whose orders answer at least `v` validations. */
const ordersForValidations = (v) => {
	let s = 0;
	let i = 0;
	while (s < v) s += ++i % 4;
	return i;
};

// ---------------------------------------------------------------------------------------------
// Workflow builders
let posX = 0;
const wfNode = (name, type, typeVersion, parameters, extra = {}) => ({
	id: makeId('n'),
	name,
	type,
	typeVersion,
	position: [(posX += 220), 300],
	parameters,
	...extra,
});

function inputNodes(n) {
	return [
		wfNode('Input JSON', 'n8n-nodes-base.set', 3.4, {
			mode: 'raw',
			jsonOutput: JSON.stringify({ items: ids(n).map((id) => ({ id })) }),
			options: {},
		}),
		wfNode('Input Items', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'items', options: {} }),
	];
}

function norceMeasured({ credential, concurrency, output = 'validations', onError }) {
	return wfNode(
		MEASURED,
		NODE_TYPE,
		1,
		{
			resource: 'order',
			operation: 'validate',
			orderId: '={{ $json.id }}',
			output,
			options: { concurrency },
		},
		{
			credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			...(onError ? { onError } : {}),
		},
	);
}

/**
 * The HTTP Request node making the same call: explicit headers (no n8n credential), the same
 * four headers the node sends. batch: {batchSize, batchInterval} or undefined (no batching).
 * neverError: a validate 400 (the order has failed validations) is an answer, as for the node.
 */
function httpMeasured({ sandbox, batch, neverError = true, onError }) {
	const options = {};
	if (batch)
		options.batching = {
			batch: { batchSize: batch.batchSize, batchInterval: batch.batchInterval },
		};
	if (neverError) options.response = { response: { neverError: true } };
	return wfNode(
		MEASURED,
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'POST',
			url: `={{ "${sandbox.baseUrl}/api/v0/checkout/orders/" + encodeURIComponent($json.id) + "/validate" }}`,
			authentication: 'none',
			sendHeaders: true,
			specifyHeaders: 'keypair',
			headerParameters: {
				parameters: [
					{ name: 'Authorization', value: `Bearer ${sandbox.apiKey}` },
					{ name: 'x-merchant', value: sandbox.merchant },
					{ name: 'x-channel', value: sandbox.channels[0] },
					{ name: 'Accept', value: 'application/json' },
				],
			},
			options,
		},
		onError ? { onError } : {},
	);
}

// ---------------------------------------------------------------------------------------------
// The plan: configurations × contenders × repetitions
function buildPlan() {
	const configs = [];
	for (const latency of LATENCIES)
		for (const c of CONCURRENCIES) {
			const n = latency > 0 && c === 1 ? N_C1 : N;
			const contenders = ['node', 'http', ...(latency > 0 ? ['httpPaced'] : []), 'raw'];
			configs.push({ key: `L${latency}-C${c}`, kind: 'grid', latency, c, n, contenders });
		}
	configs.push({
		key: `L20-C${HIGH_C}`,
		kind: 'high',
		latency: 20,
		c: HIGH_C,
		n: N_HIGH,
		contenders: ['node', 'httpUnbatched', 'raw'],
	});
	configs.push({
		key: `rate${RATE}`,
		kind: 'rate',
		latency: 20,
		c: RATE_C,
		n: N_RATE,
		rateLimit: RATE,
		contenders: ['node', 'http'],
	});
	return configs;
}

function sandboxOptions(cfg, port) {
	return {
		port,
		latencyMs: cfg.latency,
		generated: cfg.n,
		record: false,
		...(cfg.rateLimit ? { rateLimit: { perSecond: cfg.rateLimit } } : {}),
	};
}

// ---------------------------------------------------------------------------------------------
function runDataOf(res) {
	const rd = res?.data?.data?.resultData;
	const task = rd?.runData?.[MEASURED]?.[0];
	if (!res?.ok || !task) {
		throw new Error(
			`workflow did not run ${MEASURED}: ${rd?.error?.message ?? ''}\n${res?.describe?.() ?? ''}`,
		);
	}
	return task;
}

function isRateLimitError(json) {
	const text = JSON.stringify(json.error ?? '');
	return /\b429\b|rate limit/i.test(text);
}

async function runRaw(install, sandbox, cfg) {
	const conf = {
		baseUrl: sandbox.baseUrl,
		apiKey: sandbox.apiKey,
		merchant: sandbox.merchant,
		channel: sandbox.channels[0],
		ids: ids(cfg.n),
		c: cfg.c,
	};
	const r = await run(
		install.node.node,
		[path.join(BENCH_DIR, 'raw-client.mjs'), JSON.stringify(conf)],
		{
			timeoutMs: 15 * 60_000,
		},
	);
	if (r.code !== 0) throw new Error(`raw client failed (${r.code}):\n${tail(r.stderr, 20)}`);
	return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Where a sandbox will listen (ports picked now, so credentials/workflows are imported once). */
async function sandboxSlot() {
	const port = await freePort();
	return {
		port,
		baseUrl: `http://127.0.0.1:${port}/checkout/order`,
		apiKey: DEFAULTS.apiKey,
		merchant: DEFAULTS.merchant,
		channels: DEFAULTS.channels,
	};
}

/** Credentials + workflows of one configuration × repetition (nothing runs yet). */
async function prepareConfig(cfg, rep) {
	const slots = cfg.contenders.filter((c) => c !== 'raw');
	const order = rep % 2 ? [...slots].reverse() : slots; // alternate who goes first
	const prepared = { cfg, rep, creds: [], workflows: [] };
	for (const who of order) {
		const sb = await sandboxSlot();
		let measured;
		if (who === 'node') {
			const credential = norceCredential({
				id: makeId('cred'),
				name: `bench ${cfg.key} ${rep}`,
				sandbox: sb,
			});
			prepared.creds.push(credential);
			measured =
				cfg.kind === 'rate'
					? norceMeasured({
							credential,
							concurrency: cfg.c,
							output: 'summary',
							onError: 'continueRegularOutput',
						})
					: norceMeasured({ credential, concurrency: cfg.c });
		} else if (who === 'http') {
			measured =
				cfg.kind === 'rate'
					? httpMeasured({
							sandbox: sb,
							batch: { batchSize: cfg.c, batchInterval: 0 },
							neverError: false,
							onError: 'continueRegularOutput',
						})
					: httpMeasured({ sandbox: sb, batch: { batchSize: cfg.c, batchInterval: 0 } });
		} else if (who === 'httpPaced') {
			measured = httpMeasured({
				sandbox: sb,
				batch: { batchSize: cfg.c, batchInterval: cfg.latency },
			});
		} else if (who === 'httpUnbatched') {
			measured = httpMeasured({ sandbox: sb });
		}
		const wf = chainWorkflow({
			id: makeId('bench'),
			name: `bench ${cfg.key} ${who} #${rep}`,
			nodes: [manualTrigger(), ...inputNodes(cfg.n), measured],
		});
		prepared.workflows.push({ who, port: sb.port, wf });
	}
	return prepared;
}

/**
 * A warm-up workflow run first in every execute-batch process: both n8n contenders once on a few
 * items, so lazy loading and JIT warm-up of the process are not charged to the first contender.
 */
async function prepareWarmup(rep) {
	const sb = await sandboxSlot();
	const credential = norceCredential({
		id: makeId('cred'),
		name: `bench warm-up ${rep}`,
		sandbox: sb,
	});
	const norce = { ...norceMeasured({ credential, concurrency: 5 }), name: 'Warm Norce' };
	const http = {
		...httpMeasured({ sandbox: sb, batch: { batchSize: 5, batchInterval: 0 } }),
		name: 'Warm HTTP',
	};
	const wf = chainWorkflow({
		id: makeId('warm'),
		name: `bench warm-up #${rep}`,
		nodes: [manualTrigger(), ...inputNodes(200), norce],
		extraConnections: [{ from: 'Input Items', to: 'Warm HTTP' }],
	});
	wf.nodes.push(http);
	return { creds: [credential], port: sb.port, wf };
}

/** One repetition of every configuration: fresh sandboxes, ONE execute-batch, then the raw client runs. */
async function runRep(n8n, install, preparedRep, warm) {
	const sandboxes = [];
	const byWorkflow = new Map();
	const outs = {};
	try {
		sandboxes.push(
			await startSandbox({ port: warm.port, latencyMs: 0, generated: 200, record: false }),
		);
		for (const p of preparedRep)
			for (const w of p.workflows) {
				const sb = await startSandbox(sandboxOptions(p.cfg, w.port));
				sandboxes.push(sb);
				byWorkflow.set(w.wf.id, sb);
			}
		const results = await n8n.executeMany(
			[warm.wf.id, ...preparedRep.flatMap((p) => p.workflows.map((w) => w.wf.id))],
			{ timeoutMs: 60 * 60_000 },
		);
		if (!results.get(warm.wf.id)?.ok)
			throw new Error(`warm-up workflow failed: ${results.get(warm.wf.id)?.describe?.()}`);
		for (const p of preparedRep) {
			const { cfg } = p;
			const out = (outs[cfg.key] = {});
			for (const { who, wf } of p.workflows) {
				const task = runDataOf(results.get(wf.id));
				const main0 = task.data?.main?.[0] ?? [];
				const main1 = task.data?.main?.[1] ?? [];
				const sb = byWorkflow.get(wf.id);
				const m = {
					ms: task.executionTime,
					items: main0.length,
					errorItems: main1.length,
					maxInFlight: sb.stats.maxInFlight,
					requests: sb.stats.total,
					byStatus: { ...sb.stats.byStatus },
				};
				if (cfg.kind === 'rate') {
					const errored = main0.filter((i) => i.json?.error !== undefined);
					const rateLimited = errored.filter((i) => isRateLimitError(i.json));
					// node: summary output, one item per order; HTTP Request: one item per answer or error
					m.ok = main0.length - errored.length;
					m.errored = errored.length;
					m.errored429 = rateLimited.length;
					m.missing = Math.max(0, cfg.n - main0.length - main1.length);
					// lost = not answered by Norce: errored (429 or other non-answer) or missing. A 400 error
					// item of the HTTP Request node is Norce's "invalid order" answer, so not lost.
					const nonAnswerErrors = errored.filter(
						(i) => isRateLimitError(i.json) || !/\b400\b/.test(JSON.stringify(i.json.error ?? '')),
					);
					m.lost = nonAnswerErrors.length + main1.length + m.missing;
				}
				out[who] = m;
			}
		}
	} finally {
		for (const sb of sandboxes) await sb.close().catch(() => {});
	}
	for (const p of preparedRep) {
		if (!p.cfg.contenders.includes('raw')) continue;
		const sb = await startSandbox(sandboxOptions(p.cfg, 0));
		try {
			const r = await runRaw(install, sb, p.cfg);
			outs[p.cfg.key].raw = {
				ms: r.ms,
				items: r.validations,
				maxInFlight: sb.stats.maxInFlight,
				requests: sb.stats.total,
				byStatus: { ...sb.stats.byStatus },
			};
		} finally {
			await sb.close().catch(() => {});
		}
	}
	return outs;
}

// ---------------------------------------------------------------------------------------------
// Memory: heap growth per validation item, measured inside the n8n process by probe.cjs
async function runMemory(n8n) {
	const sb = await startSandbox({
		latencyMs: 0,
		generated: ordersForValidations(Math.max(...MEMORY_SIZES)),
		record: false,
	});
	const probeOut = path.join(n8n.userFolder, `heap-${Date.now()}.jsonl`);
	let warmSb;
	try {
		const credential = norceCredential({ id: makeId('cred'), name: 'bench memory', sandbox: sb });
		const workflows = [];
		for (let rep = 0; rep < REPEAT; rep++)
			for (const v of MEMORY_SIZES) {
				const n = ordersForValidations(v);
				workflows.push(
					chainWorkflow({
						id: makeId('mem'),
						name: `bench memory ${v} #${rep}`,
						nodes: [
							manualTrigger(),
							...inputNodes(n),
							norceMeasured({ credential, concurrency: 5 }),
						],
					}),
				);
			}
		const warm = await prepareWarmup('memory');
		warmSb = await startSandbox({ port: warm.port, latencyMs: 0, generated: 200, record: false });
		await n8n.importCredentials([credential, ...warm.creds]);
		await n8n.importWorkflows([warm.wf, ...workflows]);
		const r = await n8n.cli(
			[
				'execute-batch',
				`--ids=${[warm.wf, ...workflows].map((w) => w.id).join(',')}`,
				'--retries=0',
				'--concurrency=1',
			],
			{
				label: 'execute-batch (memory)',
				timeoutMs: 30 * 60_000,
				env: {
					NODE_OPTIONS: `--expose-gc --require ${path.join(BENCH_DIR, 'probe.cjs')}`,
					BENCH_PROBE: 'heap',
					BENCH_PROBE_OUT: probeOut,
				},
			},
		);
		if (!fs.existsSync(probeOut))
			throw new Error(
				`memory probe wrote nothing (exit ${r.code}):\n${tail(r.stdout + r.stderr, 30)}`,
			);
		const lines = fs
			.readFileSync(probeOut, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l))
			.filter((l) => l.kind === 'norce' && l.nodeName === MEASURED);
		if (!lines.every((l) => l.gc))
			throw new Error('global.gc was not available in the n8n process');
		return MEMORY_SIZES.map((v) => {
			const rows = lines.filter((l) => l.itemsOut === expectedValidations(ordersForValidations(v)));
			return {
				validations: expectedValidations(ordersForValidations(v)),
				orders: ordersForValidations(v),
				runs: rows.length,
				retainedPerItem: median(rows.map((l) => (l.after - l.before) / l.itemsOut)),
				peakPerItem: median(rows.map((l) => (l.peak - l.before) / l.itemsOut)),
				retainedMB: median(rows.map((l) => (l.after - l.before) / 1048576)),
			};
		});
	} finally {
		await sb.close().catch(() => {});
		await warmSb?.close().catch(() => {});
	}
}

// ---------------------------------------------------------------------------------------------
// CPU profile of one execute() of each n8n contender at 0 ms (probe.cjs, inspector Profiler)
function categorize(url, fn) {
	if (fn === '(garbage collector)') return 'GC';
	if (fn === '(idle)') return 'idle';
	if (fn === '(program)') return 'V8/native (program)';
	const i = url.lastIndexOf('node_modules/');
	const pkg = i >= 0 ? url.slice(i + 13).match(/^((?:@[^/]+\/)?[^/]+)/)?.[1] : undefined;
	if (pkg === 'n8n-nodes-norce-checkout') return 'our node (n8n-nodes-norce-checkout/dist)';
	if (pkg === 'n8n-core' || pkg === 'n8n-workflow' || pkg === 'n8n-nodes-base') return pkg;
	if (
		pkg === 'axios' ||
		pkg === 'follow-redirects' ||
		pkg === 'form-data' ||
		pkg === 'proxy-from-env'
	)
		return 'axios + follow-redirects';
	if (url.startsWith('node:') || url === '') return 'Node.js internals (http, net, streams)';
	if (pkg) return `other: ${pkg}`;
	return 'other';
}

function summarizeProfile(file) {
	const p = readJson(file);
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	const self = new Map();
	for (let i = 0; i < p.samples.length; i++) {
		const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
		self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
	}
	const cats = {};
	const fns = new Map();
	let total = 0;
	for (const [id, ms] of self) {
		const n = byId.get(id);
		const { url, functionName, lineNumber } = n.callFrame;
		const cat = categorize(url, functionName);
		cats[cat] = (cats[cat] ?? 0) + ms;
		total += ms;
		const key =
			`${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}` : ''}`.trim();
		fns.set(key, (fns.get(key) ?? 0) + ms);
	}
	const top = [...fns.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
	return { total, cats, top };
}

async function runProfile(n8n, n, { latency = 0, c = 5 } = {}) {
	const out = {};
	const probeOut = path.join(OUT_DIR, `cpu-${Date.now()}.jsonl`);
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const sandboxes = [];
	try {
		const workflows = [];
		const creds = [];
		for (const who of ['node', 'http']) {
			const sb = await startSandbox({ latencyMs: latency, generated: n, record: false });
			sandboxes.push(sb);
			let measured;
			if (who === 'node') {
				const credential = norceCredential({
					id: makeId('cred'),
					name: 'bench profile',
					sandbox: sb,
				});
				creds.push(credential);
				measured = norceMeasured({ credential, concurrency: c });
			} else measured = httpMeasured({ sandbox: sb, batch: { batchSize: c, batchInterval: 0 } });
			workflows.push(
				chainWorkflow({
					id: makeId('prof'),
					name: `bench profile ${who}`,
					nodes: [manualTrigger(), ...inputNodes(n), measured],
				}),
			);
		}
		const warm = await prepareWarmup('profile');
		sandboxes.push(
			await startSandbox({ port: warm.port, latencyMs: 0, generated: 200, record: false }),
		);
		await n8n.importCredentials([...creds, ...warm.creds]);
		workflows.unshift(warm.wf);
		await n8n.importWorkflows(workflows);
		const r = await n8n.cli(
			[
				'execute-batch',
				`--ids=${workflows.map((w) => w.id).join(',')}`,
				'--retries=0',
				'--concurrency=1',
			],
			{
				label: 'execute-batch (profile)',
				timeoutMs: 30 * 60_000,
				env: {
					NODE_OPTIONS: `--require ${path.join(BENCH_DIR, 'probe.cjs')}`,
					BENCH_PROBE: 'cpu',
					BENCH_PROBE_OUT: probeOut,
				},
			},
		);
		if (!fs.existsSync(probeOut))
			throw new Error(
				`cpu probe wrote nothing (exit ${r.code}):\n${tail(r.stdout + r.stderr, 30)}`,
			);
		for (const l of fs
			.readFileSync(probeOut, 'utf8')
			.trim()
			.split('\n')
			.map((x) => JSON.parse(x))) {
			if (l.nodeName !== MEASURED) continue;
			out[l.kind === 'norce' ? 'node' : 'http'] = {
				latency,
				c,
				ms: l.ms,
				itemsIn: l.itemsIn,
				file: path.relative(REPO_ROOT, l.profile),
				...summarizeProfile(l.profile),
			};
		}
		return out;
	} finally {
		for (const sb of sandboxes) await sb.close().catch(() => {});
	}
}

// ---------------------------------------------------------------------------------------------
// Report
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const secs = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');
const mark = (ok) => (ok === undefined ? '' : ok ? '**met**' : '**MISSED**');
const range = (xs) => {
	const f = xs.filter(Number.isFinite);
	return f.length
		? `${(Math.min(...f) / 1000).toFixed(2)}–${(Math.max(...f) / 1000).toFixed(2)}`
		: '–';
};

function aggregate(cfg, reps) {
	const get = (who, k = 'ms') => reps.map((r) => r[who]?.[k]);
	const floor = (cfg.n * cfg.latency) / cfg.c;
	const a = { cfg, floor, med: {}, ranges: {}, inFlight: {}, ratio: {} };
	for (const who of cfg.contenders) {
		a.med[who] = median(get(who));
		a.ranges[who] = range(get(who));
		a.inFlight[who] = Math.max(...get(who, 'maxInFlight'));
		a.items = a.items ?? {};
		a.items[who] = median(get(who, 'items'));
	}
	const ratioMed = (num, den) =>
		median(reps.map((r) => (den === 'floor' ? r[num]?.ms / floor : r[num]?.ms / r[den]?.ms)));
	if (cfg.latency > 0) a.ratio.floor = ratioMed('node', 'floor');
	if (cfg.contenders.includes('raw')) a.ratio.raw = ratioMed('node', 'raw');
	for (const h of ['http', 'httpPaced', 'httpUnbatched'])
		if (cfg.contenders.includes(h)) a.ratio[h] = ratioMed('node', h);
	if (cfg.kind === 'rate') {
		for (const who of cfg.contenders) {
			a[who] = {
				lost: median(get(who, 'lost')),
				lostMax: Math.max(...get(who, 'lost')),
				ok: median(get(who, 'ok')),
				errored: median(get(who, 'errored')),
				r429: median(reps.map((r) => r[who]?.byStatus?.[429] ?? 0)),
				requests: median(get(who, 'requests')),
			};
		}
	}
	return a;
}

function renderReport({ meta, aggs, memory, profile }) {
	const L = [];
	const grid = aggs.filter((a) => a.cfg.kind === 'grid');
	const high = aggs.find((a) => a.cfg.kind === 'high');
	const rate = aggs.find((a) => a.cfg.kind === 'rate');
	L.push('### Latency 20 ms: times (median of repetitions) and ratios\n');
	L.push(
		'| C | N | floor N×lat÷C | node | raw client | HTTP Req. batch C / 0 ms | HTTP Req. paced C / 20 ms | node ÷ floor | node ÷ raw | node ÷ HTTP (batch) | node ÷ HTTP (paced) | max in flight node / raw / HTTP batch / paced | target: node ≤ 1.10 × floor |',
	);
	L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
	for (const a of grid.filter((x) => x.cfg.latency > 0)) {
		const met = a.ratio.floor <= 1.1;
		L.push(
			`| ${a.cfg.c} | ${a.cfg.n} | ${secs(a.floor)} | ${secs(a.med.node)} | ${secs(a.med.raw)} | ${secs(a.med.http)} | ${secs(a.med.httpPaced)} | ${f3(a.ratio.floor)} | ${f2(a.ratio.raw)} | ${f2(a.ratio.http)} | ${f2(a.ratio.httpPaced)} | ${a.inFlight.node} / ${a.inFlight.raw} / ${a.inFlight.http} / ${a.inFlight.httpPaced} | ${mark(met)} |`,
		);
		a.met = met;
	}
	L.push('\n### Latency 0 ms: per-item cost (median of repetitions)\n');
	L.push(
		'| C | N | node | raw client | HTTP Req. batch C / 0 ms | node ms/item | raw ms/item | HTTP ms/item | node ÷ raw | node ÷ HTTP | target: node < HTTP and ≤ 2 × raw |',
	);
	L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
	for (const a of grid.filter((x) => x.cfg.latency === 0)) {
		const n = a.cfg.n;
		const met = a.ratio.http < 1 && a.ratio.raw <= 2;
		L.push(
			`| ${a.cfg.c} | ${n} | ${secs(a.med.node)} | ${secs(a.med.raw)} | ${secs(a.med.http)} | ${f3(a.med.node / n)} | ${f3(a.med.raw / n)} | ${f3(a.med.http / n)} | ${f2(a.ratio.raw)} | ${f2(a.ratio.http)} | ${mark(met)} (< HTTP: ${a.ratio.http < 1 ? 'yes' : 'no'}, ≤ 2 × raw: ${a.ratio.raw <= 2 ? 'yes' : 'no'}) |`,
		);
		a.met = met;
	}
	if (high) {
		const met = high.ratio.httpUnbatched <= 1.2 && high.inFlight.node <= HIGH_C;
		high.met = met;
		L.push(`\n### High concurrency: N = ${high.cfg.n}, latency 20 ms\n`);
		L.push('| contender | time (median) | range | max in flight (sandbox) |');
		L.push('|---|---:|---:|---:|');
		L.push(`| floor N×lat÷${HIGH_C} | ${secs(high.floor)} | | |`);
		L.push(
			`| node, concurrency ${HIGH_C} | ${secs(high.med.node)} | ${high.ranges.node} s | ${high.inFlight.node} |`,
		);
		L.push(
			`| raw client, ${HIGH_C} in flight | ${secs(high.med.raw)} | ${high.ranges.raw} s | ${high.inFlight.raw} |`,
		);
		L.push(
			`| HTTP Request, no batching | ${secs(high.med.httpUnbatched)} | ${high.ranges.httpUnbatched} s | ${high.inFlight.httpUnbatched} |`,
		);
		L.push(
			`\nnode ÷ HTTP unbatched = **${f2(high.ratio.httpUnbatched)}**, node ÷ floor = ${f2(high.ratio.floor)}, node ÷ raw = ${f2(high.ratio.raw)}; target node ≤ 1.2 × HTTP unbatched with ≤ ${HIGH_C} in flight: ${mark(met)}`,
		);
	}
	if (rate) {
		L.push(
			`\n### Rate limited: sandbox answers 429 above ${RATE} req/s, N = ${rate.cfg.n}, latency 20 ms, concurrency ${RATE_C}\n`,
		);
		L.push(
			'| contender | wall (median) | range | orders answered | items lost (median / worst) | 429 answers seen | requests sent | target: 0 lost |',
		);
		L.push('|---|---:|---:|---:|---:|---:|---:|---|');
		const nodeMet = rate.node.lostMax === 0;
		rate.met = nodeMet;
		L.push(
			`| node (maxRetries 3, continue on fail) | ${secs(rate.med.node)} | ${rate.ranges.node} s | ${rate.cfg.n - rate.node.lost} | ${rate.node.lost} / ${rate.node.lostMax} | ${rate.node.r429} | ${rate.node.requests} | ${mark(nodeMet)} |`,
		);
		L.push(
			`| HTTP Request (defaults, batch ${RATE_C} / 0 ms, continue on fail) | ${secs(rate.med.http)} | ${rate.ranges.http} s | ${rate.cfg.n - rate.http.lost} | ${rate.http.lost} / ${rate.http.lostMax} | ${rate.http.r429} | ${rate.http.requests} | (reported) |`,
		);
	}
	if (memory) {
		L.push(
			'\n### Memory: heap growth per validation item (inside n8n, concurrency 5, latency 0)\n',
		);
		L.push(
			'| validation items | orders | runs | retained heap growth | per item (retained) | per item (peak during execute) | target ≤ 2 KB/item |',
		);
		L.push('|---:|---:|---:|---:|---:|---:|---|');
		for (const m of memory) {
			m.met = m.retainedPerItem <= 2048;
			L.push(
				`| ${m.validations} | ${m.orders} | ${m.runs} | ${f2(m.retainedMB)} MB | ${Math.round(m.retainedPerItem)} B | ${Math.round(m.peakPerItem)} B | ${mark(m.met)} |`,
			);
		}
		if (memory.length >= 2) {
			const [a, b] = memory;
			const lin = b.retainedPerItem / a.retainedPerItem;
			memory.linear = lin <= 1.25;
			L.push(
				`\nLinearity: per-item retained growth at ${b.validations} ÷ at ${a.validations} = ${f2(lin)} (linear if ≤ 1.25; above would mean a super-linear cost): ${mark(memory.linear)}`,
			);
		}
	}
	if (profile) {
		L.push(
			`\n### CPU profile of one execute() at latency ${profile.latency} ms, N = ${profile.n}, concurrency ${profile.c} (HTTP Request: batch ${profile.c} / 0 ms) (self time)\n`,
		);
		const cats = [
			...new Set([
				...Object.keys(profile.node?.cats ?? {}),
				...Object.keys(profile.http?.cats ?? {}),
			]),
		];
		const row = (who, c) => {
			const p = profile[who];
			if (!p) return '–';
			const ms = p.cats[c] ?? 0;
			return `${Math.round(ms)} ms (${((100 * ms) / p.total).toFixed(0)} %)`;
		};
		cats.sort((x, y) => (profile.node?.cats[y] ?? 0) - (profile.node?.cats[x] ?? 0));
		L.push('| where | Norce node | HTTP Request node |');
		L.push('|---|---:|---:|');
		const shown = cats.filter(
			(c) => Math.max(profile.node?.cats[c] ?? 0, profile.http?.cats[c] ?? 0) >= 10,
		);
		for (const c of shown) L.push(`| ${c} | ${row('node', c)} | ${row('http', c)} |`);
		L.push('| (everything under 10 ms in both) | | |');
		L.push(
			`| **execute() wall** | ${profile.node ? Math.round(profile.node.ms) : '–'} ms | ${profile.http ? Math.round(profile.http.ms) : '–'} ms |`,
		);
		for (const who of ['node', 'http']) {
			if (!profile[who]) continue;
			L.push(
				`\nTop self time, ${who === 'node' ? 'Norce node' : 'HTTP Request node'} (${profile[who].file}):\n`,
			);
			L.push('| self ms | function |');
			L.push('|---:|---|');
			for (const [k, ms] of profile[who].top)
				L.push(`| ${Math.round(ms)} | \`${k.replace(/\|/g, '\\|')}\` |`);
		}
	}
	return L.join('\n');
}

const ANALYSIS_START =
	'<!-- analysis:start (kept by test/bench/run.mjs when it rewrites this file) -->';
const ANALYSIS_END = '<!-- analysis:end -->';

function writeBenchmarks(meta, body) {
	const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
	let analysis = `${ANALYSIS_START}\n${ANALYSIS_END}`;
	if (fs.existsSync(file)) {
		const old = fs.readFileSync(file, 'utf8');
		const s = old.indexOf(ANALYSIS_START);
		const e = old.indexOf(ANALYSIS_END);
		if (s >= 0 && e > s) analysis = old.slice(s, e + ANALYSIS_END.length);
	}
	const md = `# Benchmarks

Produced by \`${meta.command}\` on ${meta.date} (took ${meta.took}).
Regenerate with \`npm run bench\` (quick: \`npm run bench -- --quick\`). Only the section between
the analysis markers is hand-written; the rest is rewritten by \`test/bench/run.mjs\`.

## Machine and versions

- ${meta.cpus}, ${meta.mem} RAM, ${meta.os}
- load average at start / end: ${meta.loadStart} / ${meta.loadEnd} (the machine was shared with other test runs)
- n8n ${meta.n8n} on Node ${meta.nodeN8n} (the raw client runs on the same Node); the bench process, which hosts the sandboxes, on Node ${meta.nodeBench}
- package under test: ${meta.pkg} (${meta.tarball})
- repetitions: ${REPEAT} per configuration; every ratio is the median of the per-repetition ratios (numerator and denominator from the same repetition)

## Method

- **Workload**: \`POST {base}/api/v0/checkout/orders/{id}/validate\` for the sandbox's generated orders \`o_gen_000001…\`; order *i* answers *i* mod 4 validations (0 → 200 \`[]\`, odd → 400 with the list, 2 → 200 with warnings). Headers \`Authorization: Bearer <key>\`, \`x-merchant\`, \`x-channel\`, \`Accept: application/json\` for every contender.
- **One sandbox per contender run**: each contender run gets a fresh sandbox (\`record: false\`, in the bench process, so neither n8n nor the raw client shares its event loop) with the configuration's latency / rate limit, so \`maxInFlight\`, request and status counts belong to that run.
- **n8n contenders**: workflow Manual Trigger → Set (raw JSON, the N ids) → Split Out → *Measured*. All n8n workflows of one repetition run in one \`n8n execute-batch\` process, after a warm-up workflow (both nodes on 200 items, so lazy loading and JIT warm-up are not charged to whichever contender runs first); the contender order alternates between repetitions, and the raw-client runs of that repetition follow the batch. Time = \`executionTime\` of *Measured* in the run data, so n8n start-up and the input nodes are not counted.
  - **Norce node**: validate, Order ID \`={{ $json.id }}\`, output "One Item per Validation", Options → Concurrency = C.
  - **HTTP Request node** (v4.2): POST, the four headers as explicit header parameters (no n8n credential), Response → Never Error (validate's 400 is an answer, as for the node). "batch C / 0 ms" = Options → Batching, items per batch C, interval 0. **n8n's batching only sleeps between batches when the interval is > 0** (\`HttpRequestV3.node.js\`: \`if (itemIndex > 0 && batchSize >= 0 && batchInterval > 0)\`), so with interval 0 every request is started at once: see its max-in-flight column. "paced C / 20 ms" = items per batch C, interval = latency (the issue's "5 per 20 ms"), the closest the HTTP Request node comes to C in flight.
- **Raw client** (\`test/bench/raw-client.mjs\`): its own process on n8n's Node, \`http.Agent({keepAlive: true, maxSockets: C})\`, C workers, parses every JSON answer; time from first request to last answer.
- **Floor** = N × latency ÷ C.
- **Concurrency 1 at 20 ms** runs N = ${N_C1} (N × 20 ms per contender and repetition would otherwise dominate the run); times are absolute for that N, ratios are per item.
- **Rate limited**: sandbox token bucket of ${RATE} req/s (burst ${RATE}), 429 with \`Retry-After: 1\` above it. Node: output "One Summary per Order", default Max Retries (3), continue on fail. HTTP Request: default settings (no retry, no Never Error), batching ${RATE_C} / 0 ms, continue on fail. Lost = orders without Norce's answer: error items caused by a 429 (or any error that is not Norce's validate-400 answer) plus items missing from the output.
- **Memory** (\`test/bench/probe.cjs\`, preloaded into the n8n process with \`--expose-gc --require\`): wraps the node class's \`execute()\`; \`gc()\` twice and \`heapUsed\` just before execute, then again after execute resolved while its result is still referenced; growth ÷ output items = retained heap per validation item (the output items themselves plus anything the node leaves behind). Peak = highest \`heapUsed\` sampled every 5 ms during execute, minus the start. Input items exist before the measurement and are not counted. Median of ${REPEAT} runs per size.
- **CPU profile**: the same probe starts V8's sampling profiler (inspector, 100 µs) around one \`execute()\` of each n8n contender and stores the \`.cpuprofile\` under \`test/e2e/.artifacts/bench/\` (open it in Chrome DevTools); self time grouped by package.

## Results

${body}

## Targets

| target | result |
|---|---|
${meta.targets.map((t) => `| ${t[0]} | ${t[1]} |`).join('\n')}

${analysis}
`;
	fs.writeFileSync(file, md);
	return file;
}

// ---------------------------------------------------------------------------------------------
async function main() {
	const started = Date.now();
	const loadStart = os
		.loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');
	const entry = resolveMatrix(VERSION)[0];
	log(
		`bench: n8n ${entry.n8n} (Node ${entry.node}), N=${N}, repeat=${REPEAT}${QUICK ? ', quick' : ''}`,
	);
	const install = await ensureN8n(entry);
	const tarball =
		process.env.E2E_TARBALL ??
		(await buildAndPack({ build: !flags['no-build'] && process.env.E2E_SKIP_BUILD !== '1' }));
	const n8n = await new N8nInstance(install, `bench-${Date.now()}`).init({ tarball });
	const plan = buildPlan();
	const results = Object.fromEntries(plan.map((c) => [c.key, []]));
	let memory;
	let profile;
	try {
		const prepared = [];
		const warmups = [];
		for (let rep = 0; rep < (flags['only-profile'] ? 0 : REPEAT); rep++) {
			warmups.push(await prepareWarmup(rep));
			for (const cfg of plan) prepared.push(await prepareConfig(cfg, rep));
		}
		const t0 = Date.now();
		await n8n.importCredentials([...warmups, ...prepared].flatMap((p) => p.creds));
		await n8n.importWorkflows([
			...warmups.map((w) => w.wf),
			...prepared.flatMap((p) => p.workflows.map((w) => w.wf)),
		]);
		log(
			`imported ${prepared.reduce((s, p) => s + p.workflows.length, 0) + REPEAT} workflows [${fmtMs(Date.now() - t0)}]`,
		);
		for (let rep = 0; rep < warmups.length; rep++) {
			const t = Date.now();
			const outs = await runRep(
				n8n,
				install,
				prepared.filter((p) => p.rep === rep),
				warmups[rep],
			);
			for (const cfg of plan) {
				results[cfg.key].push(outs[cfg.key]);
				log(
					`rep ${rep + 1}/${REPEAT} ${cfg.key} N=${cfg.n}: ` +
						Object.entries(outs[cfg.key])
							.map(
								([who, m]) =>
									`${who} ${fmtMs(m.ms)} (${m.maxInFlight} in flight${m.lost !== undefined ? `, lost ${m.lost}` : ''})`,
							)
							.join(', '),
				);
			}
			log(`rep ${rep + 1}/${REPEAT} took ${fmtMs(Date.now() - t)}`);
		}
		if (!flags['no-memory'] && !flags['only-profile']) {
			const t = Date.now();
			memory = await runMemory(n8n);
			log(
				`memory: ${memory.map((m) => `${m.validations}: ${Math.round(m.retainedPerItem)} B/item retained, ${Math.round(m.peakPerItem)} B/item peak`).join('; ')} [${fmtMs(Date.now() - t)}]`,
			);
		}
		if (!flags['no-profile']) {
			const t = Date.now();
			const pn = Number(flags['profile-n'] ?? (QUICK ? Math.min(N, 1000) : Math.min(N, 5000)));
			const pl = Number(flags['profile-latency'] ?? 0);
			const pc = Number(flags['profile-c'] ?? 5);
			profile = {
				n: pn,
				latency: pl,
				c: pc,
				...(await runProfile(n8n, pn, { latency: pl, c: pc })),
			};
			log(
				`profile: node execute ${fmtMs(profile.node?.ms)}, HTTP Request execute ${fmtMs(profile.http?.ms)} [${fmtMs(Date.now() - t)}]`,
			);
		}
	} finally {
		await n8n.cleanup();
	}
	fs.mkdirSync(OUT_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(OUT_DIR, 'results.json'),
		JSON.stringify({ results, memory, profile }, null, 2),
	);

	const aggs = plan.map((cfg) => aggregate(cfg, results[cfg.key]));
	const pj = readJson(path.join(REPO_ROOT, 'package.json'));
	const cpus = os.cpus();
	const meta = {
		command: `${process.env.E2E_TARBALL ? `E2E_TARBALL=${path.relative(REPO_ROOT, process.env.E2E_TARBALL).startsWith('..') ? process.env.E2E_TARBALL : path.relative(REPO_ROOT, process.env.E2E_TARBALL)} ` : ''}node test/bench/run.mjs${argv.length ? ` ${argv.join(' ')}` : ''}`,
		date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		took: fmtMs(Date.now() - started),
		cpus: `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown CPU'}${cpus[0]?.speed ? ` @ ${cpus[0].speed} MHz` : ''}`,
		mem: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		loadStart,
		loadEnd: os
			.loadavg()
			.map((x) => x.toFixed(2))
			.join(' '),
		n8n: entry.n8n,
		nodeN8n: install.node.version,
		nodeBench: process.versions.node,
		pkg: `${pj.name}@${pj.version}`,
		tarball: path.basename(tarball),
	};
	const body = renderReport({ meta, aggs, memory, profile });
	const g20 = aggs.filter((a) => a.cfg.kind === 'grid' && a.cfg.latency > 0);
	const g0 = aggs.filter((a) => a.cfg.kind === 'grid' && a.cfg.latency === 0);
	const high = aggs.find((a) => a.cfg.kind === 'high');
	const rate = aggs.find((a) => a.cfg.kind === 'rate');
	meta.targets = [
		[
			'20 ms, equal concurrency: node ≤ 1.10 × floor',
			g20.map((a) => `C=${a.cfg.c}: ${f3(a.ratio.floor)} ${mark(a.met)}`).join('; '),
		],
		[
			'0 ms: node per item < HTTP Request node',
			g0.map((a) => `C=${a.cfg.c}: ${f2(a.ratio.http)} ${mark(a.ratio.http < 1)}`).join('; '),
		],
		[
			'0 ms: node per item ≤ 2 × raw client',
			g0.map((a) => `C=${a.cfg.c}: ${f2(a.ratio.raw)} ${mark(a.ratio.raw <= 2)}`).join('; '),
		],
		[
			`N=${N_HIGH} × 20 ms, node at concurrency ${HIGH_C} ≤ 1.2 × HTTP Request unbatched, ≤ ${HIGH_C} in flight`,
			high
				? `${f2(high.ratio.httpUnbatched)}, max in flight ${high.inFlight.node} ${mark(high.met)}`
				: 'not run',
		],
		[
			'memory ≤ 2 KB per validation item, linear',
			memory
				? `${memory.map((m) => `${m.validations}: ${Math.round(m.retainedPerItem)} B`).join(', ')} ${mark(memory.every((m) => m.met))}; linear ${mark(memory.linear)}`
				: 'not run',
		],
		[
			`rate limited (${RATE}/s): node loses 0 items`,
			rate
				? `node lost ${rate.node.lostMax} (worst run) ${mark(rate.met)}; HTTP Request lost ${rate.http.lost} (median)`
				: 'not run',
		],
	];
	const text = renderReport({ meta, aggs, memory, profile });
	console.log(text);
	console.log('\n| target | result |\n|---|---|');
	for (const t of meta.targets) console.log(`| ${t[0]} | ${t[1]} |`);
	if (!flags['no-write'] && !flags['only-profile'])
		log(`wrote ${path.relative(process.cwd(), writeBenchmarks(meta, body))}`);
	log(`took ${fmtMs(Date.now() - started)}`);
}

main()
	.then(() => killAllChildren())
	.catch((e) => {
		killAllChildren();
		console.error(e.stack ?? e);
		process.exitCode = 1;
	});

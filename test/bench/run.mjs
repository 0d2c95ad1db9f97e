#!/usr/bin/env node
// `npm run bench`: the Norce node inside real n8n against n8n's HTTP Request node (closed loop at
// equal in-flight), n8n's bare httpRequest helper and a raw node:http(s) client, all in the same
// n8n process, interleaved in short chunks, over HTTP and HTTPS, with the load recorded beside
// every figure; plus the kept targets (concurrency 100, 429 storm, heap per item), one read
// operation per resource, the trigger's poll over 10,000 orders, and the gain of a throw-away
// n8n-core patch (test/bench/n8n-patch.mjs).
//
//   node test/bench/run.mjs [--quick] [--rounds=R] [--version=2.8.4|2.41.1] [--no-build]
//        [--no-write] [--only=grid,high,rate,memory,resources,trigger,patch] [--no-patch]
//        [--before=<tarball of an earlier build>]   (that build runs beside, as contender "before")
//
// Not a test: nothing here is timed against a limit; it prints ratios taken in one run.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureN8n, resolveMatrix } from '../e2e/lib/install.mjs';
import { N8nInstance, NODE_TYPE, CREDENTIAL_TYPE } from '../e2e/lib/n8n.mjs';
import { buildAndPack } from '../e2e/lib/package.mjs';
import {
	fmtMs,
	killAllChildren,
	log,
	mkdirp,
	readJson,
	run,
	tail,
	writeJson,
} from '../e2e/lib/util.mjs';
import { makeId, norceCredential } from '../e2e/lib/workflows.mjs';
import { prepareN8nPatch } from './n8n-patch.mjs';

const require = createRequire(import.meta.url);
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..', '..');
const OUT_DIR = path.join(REPO_ROOT, 'test', 'e2e', '.artifacts', 'bench');
const { startSandbox, generatedOrderId, DEFAULTS } = require('../sandbox');

// ---------------------------------------------------------------------------------------------
// Flags and sizes
const argv = process.argv.slice(2);
const flags = Object.fromEntries(
	argv.map((a) => {
		const [k, ...v] = a.replace(/^--/, '').split('=');
		return [k, v.length ? v.join('=') : true];
	}),
);
const QUICK = !!flags.quick;
// 7 rounds: at 5 a single disturbed round moved a median ratio by up to 0.2 on a shared machine
const ROUNDS = Number(flags.rounds ?? (QUICK ? 3 : 7));
const VERSION = String(flags.version ?? '2.8.4');
const ONLY = flags.only ? new Set(String(flags.only).split(',')) : undefined;
const wants = (section) => (ONLY ? ONLY.has(section) : true);
/**
 * Items per chunk: a chunk of one contender takes about one to two seconds, so rounds interleave
 * closely; at 0 ms 1,000 items, since a 400-item chunk (0.2 s) was swung by a single scheduler stall.
 */
const chunk = (latency, c) =>
	latency === 0 ? (QUICK ? 150 : 1000) : Math.min(QUICK ? 300 : 600, (QUICK ? 40 : 80) * c);
const PROTOS = ['http', 'https'];
const LATENCIES = [20, 0];
const CONCURRENCIES = [1, 5, 20];
const N_HIGH = Number(flags['n-high'] ?? 2000);
const HIGH_C = 100;
const RATE = 100;
const N_RATE = QUICK ? 300 : 1000;
const RATE_C = 5;
const MEMORY_SIZES = QUICK ? [1000, 5000] : [1000, 10000];
const N_RESOURCE = QUICK ? 150 : 400;
const TRIGGER_ORDERS = 10000;
const BENCH_PKG = 'n8n-nodes-norce-bench';
const BENCH_TYPE = `${BENCH_PKG}.norceBench`;
const HTTP_TYPE = 'n8n-nodes-base.httpRequest';

const median = (xs) => {
	const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
	if (!s.length) return NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ids = (n) => Array.from({ length: n }, (_, i) => generatedOrderId(i + 1));
const expectedValidations = (n) => {
	let s = 0;
	for (let i = 1; i <= n; i++) s += i % 4;
	return s;
};
const ordersForValidations = (v) => {
	let s = 0;
	let i = 0;
	while (s < v) s += ++i % 4;
	return i;
};

// ---------------------------------------------------------------------------------------------
// TLS: a throw-away CA and a server certificate for 127.0.0.1, made with openssl per run
function makeTls(dir) {
	const o = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
	o(
		'req',
		'-x509',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-days',
		'2',
		'-subj',
		'/CN=norce bench CA',
		'-keyout',
		'ca.key',
		'-out',
		'ca.pem',
	);
	o(
		'req',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-subj',
		'/CN=127.0.0.1',
		'-keyout',
		'server.key',
		'-out',
		'server.csr',
	);
	fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
	o(
		'x509',
		'-req',
		'-in',
		'server.csr',
		'-CA',
		'ca.pem',
		'-CAkey',
		'ca.key',
		'-CAcreateserial',
		'-days',
		'2',
		'-extfile',
		'ext.cnf',
		'-out',
		'server.pem',
	);
	return {
		ca: path.join(dir, 'ca.pem'),
		key: fs.readFileSync(path.join(dir, 'server.key')),
		cert: fs.readFileSync(path.join(dir, 'server.pem')),
	};
}

// ---------------------------------------------------------------------------------------------
// The bench node package, installed beside the package under test (never published)
function installBenchNode(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dir = mkdirp(path.join(nodesDir, 'node_modules', BENCH_PKG));
	mkdirp(path.join(dir, 'dist'));
	fs.copyFileSync(
		path.join(BENCH_DIR, 'bench-node.cjs'),
		path.join(dir, 'dist', 'NorceBench.node.js'),
	);
	writeJson(path.join(dir, 'package.json'), {
		name: BENCH_PKG,
		version: '0.0.0',
		main: 'dist/NorceBench.node.js',
		n8n: { n8nNodesApiVersion: 1, nodes: ['dist/NorceBench.node.js'] },
	});
	const pj = readJson(path.join(nodesDir, 'package.json'));
	pj.dependencies[BENCH_PKG] = '0.0.0';
	writeJson(path.join(nodesDir, 'package.json'), pj);
}

/**
 * An earlier build of the package as a second community package, so "before" and "after" are
 * compared in the same run: package `n8n-nodes-norce-checkout-before`, its credential type renamed
 * to `norceApiBefore` (n8n keys credential types by name alone).
 */
const BEFORE_PKG = 'n8n-nodes-norce-checkout-before';
const BEFORE_CREDENTIAL = 'norceApiBefore';
async function installBefore(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dir = mkdirp(path.join(nodesDir, 'node_modules', BEFORE_PKG));
	await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { check: true });
	const pj = readJson(path.join(dir, 'package.json'));
	const { devDependencies, peerDependencies, ...kept } = pj;
	writeJson(path.join(dir, 'package.json'), { ...kept, name: BEFORE_PKG });
	const walk = (d) =>
		fs
			.readdirSync(d, { withFileTypes: true })
			.flatMap((e) =>
				e.isDirectory()
					? walk(path.join(d, e.name))
					: e.name.endsWith('.js')
						? [path.join(d, e.name)]
						: [],
			);
	for (const file of walk(path.join(dir, 'dist'))) {
		const text = fs.readFileSync(file, 'utf8');
		if (text.includes(`'${CREDENTIAL_TYPE}'`))
			fs.writeFileSync(file, text.split(`'${CREDENTIAL_TYPE}'`).join(`'${BEFORE_CREDENTIAL}'`));
	}
	const npj = readJson(path.join(nodesDir, 'package.json'));
	npj.dependencies[BEFORE_PKG] = kept.version;
	writeJson(path.join(nodesDir, 'package.json'), npj);
	return path.basename(path.dirname(tarball)) + '/' + path.basename(tarball);
}

// ---------------------------------------------------------------------------------------------
// Workflows
let posX = 0;
const wfNode = (name, type, typeVersion, parameters, extra = {}) => ({
	id: crypto.randomUUID(),
	name,
	type,
	typeVersion,
	position: [(posX += 220), 300],
	parameters,
	...extra,
});
function workflow(name, nodes, links) {
	const connections = {};
	for (const [from, to, output = 0] of links) {
		connections[from] ??= { main: [] };
		while (connections[from].main.length <= output) connections[from].main.push([]);
		connections[from].main[output].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id: makeId('bench'),
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', saveManualExecutions: false },
		pinData: {},
	};
}
const headersOf = (sb) => ({
	Authorization: `Bearer ${sb.apiKey}`,
	'x-merchant': sb.merchant,
	'x-channel': sb.channels[0],
	Accept: 'application/json',
});
const VALIDATE_PATH = '/api/v0/checkout/orders/{id}/validate';

/**
 * One measured chunk: Manual Trigger → Set (raw JSON) → Split Out → Mark start → measured →
 * Mark end. The marks (bench node) take time and /proc schedstat snapshots in the n8n process.
 */
function chunkWorkflow({
	tag,
	n,
	measured,
	patched = false,
	idOf = (i) => generatedOrderId(i + 1),
}) {
	const nodes = [
		wfNode('Start', 'n8n-nodes-base.manualTrigger', 1, {}),
		wfNode('Input JSON', 'n8n-nodes-base.set', 3.4, {
			mode: 'raw',
			jsonOutput: JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: idOf(i) })) }),
			options: {},
		}),
		wfNode('Input Items', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'items', options: {} }),
		wfNode('Mark Start', BENCH_TYPE, 1, { operation: 'mark', phase: 'start', tag, patched }),
		wfNode('Mark End', BENCH_TYPE, 1, { operation: 'mark', phase: 'end', tag }),
	];
	const links = [
		['Start', 'Input JSON'],
		['Input JSON', 'Input Items'],
		['Input Items', 'Mark Start'],
	];
	const m = measured();
	nodes.push(...m.nodes);
	links.push(['Mark Start', m.first], ...m.links, [m.last, 'Mark End', m.lastOutput ?? 0]);
	return workflow(tag, nodes, links);
}

// alwaysOutputData: an answer without items (e.g. an order without payments) must still reach Mark end
const single = (node) => () => ({
	nodes: [{ ...node, alwaysOutputData: true }],
	first: node.name,
	last: node.name,
	links: [],
});

function norceNode({
	credential,
	c,
	operation = 'validate',
	resource = 'order',
	extra = {},
	onError,
	before = false,
}) {
	return wfNode(
		'Measured',
		before ? `${BEFORE_PKG}.norceCheckoutOrder` : NODE_TYPE,
		1,
		{
			resource,
			operation,
			orderId: '={{ $json.id }}',
			...(operation === 'validate' ? { output: 'validations' } : {}),
			...extra,
			options: { concurrency: c },
		},
		{
			credentials: {
				[before ? BEFORE_CREDENTIAL : CREDENTIAL_TYPE]: {
					id: credential.id,
					name: credential.name,
				},
			},
			...(onError ? { onError } : {}),
		},
	);
}
function httpNode(
	sb,
	{
		name = 'Measured',
		batch,
		neverError = true,
		onError,
		method = 'POST',
		urlPath = '/validate',
	} = {},
) {
	const options = {};
	if (batch) options.batching = { batch: { batchSize: batch.size, batchInterval: batch.interval } };
	if (neverError) options.response = { response: { neverError: true } };
	return wfNode(
		name,
		HTTP_TYPE,
		4.2,
		{
			method,
			url: `={{ "${sb.baseUrl}/api/v0/checkout/orders/" + encodeURIComponent($json.id) + "${urlPath}" }}`,
			authentication: 'none',
			sendHeaders: true,
			specifyHeaders: 'keypair',
			headerParameters: {
				parameters: Object.entries(headersOf(sb)).map(([name, value]) => ({ name, value })),
			},
			options,
		},
		onError ? { onError } : {},
	);
}
/** Closed loop: Loop Over Items (batch C) → HTTP Request (C requests, all awaited) → loop. */
const httpLoop = (sb, c) => () => {
	const loop = wfNode('Loop', 'n8n-nodes-base.splitInBatches', 3, { batchSize: c, options: {} });
	// an answer `[]` gives no item; without alwaysOutputData the loop would stop there
	const http = { ...httpNode(sb), alwaysOutputData: true };
	return {
		nodes: [loop, http],
		first: 'Loop',
		last: 'Loop',
		lastOutput: 0, // "done"
		links: [
			['Loop', 'Measured', 1],
			['Measured', 'Loop'],
		],
	};
};
const benchNode = (sb, c, operation, extra = {}) =>
	wfNode('Measured', BENCH_TYPE, 1, {
		operation,
		baseUrl: sb.baseUrl,
		path: VALIDATE_PATH,
		method: 'POST',
		orderId: '={{ $json.id }}',
		headers: JSON.stringify(headersOf(sb)),
		concurrency: c,
		...extra,
	});

// ---------------------------------------------------------------------------------------------
// The plan. Every section is a list of rounds; a round runs one chunk of every contender of a
// configuration, the order rotating per round; all rounds of all sections go into one
// execute-batch, configuration by configuration, so contenders compared share the same minutes.
const CONTENDERS = {
	node: { label: 'Norce node' },
	before: { label: 'Norce node, earlier build (--before)' },
	httpLoop: { label: 'HTTP Request, Loop Over Items (batch C), closed loop' },
	helper: { label: "n8n's bare httpRequest helper (bench node, C workers)" },
	rawKA: { label: 'raw node:http(s), keep-alive agent' },
	rawNew: { label: 'raw node:http(s), new agent per request (as n8n)' },
	httpOpen: { label: 'HTTP Request, batching C / interval = latency (open loop, extra)' },
	httpUnbatched: { label: 'HTTP Request, no batching (all items at once)' },
	nodeP: { label: 'Norce node, n8n patched' },
	helperP: { label: 'bare helper, n8n patched' },
	httpLoopP: { label: 'HTTP Request loop, n8n patched' },
};

async function buildPlan(ctx) {
	const configs = [];
	const sandboxFor = async (key, opts) => {
		ctx.sandboxes[key] ??= await startSandbox({ record: false, ...opts });
		return ctx.sandboxes[key];
	};
	const cred = (sb, key, who) => {
		const c = norceCredential({ id: makeId('cred'), name: `bench ${key}`, sandbox: sb });
		if (who === 'before') c.type = BEFORE_CREDENTIAL;
		ctx.creds.push(c);
		return c;
	};
	const add = async ({ key, section, proto = 'http', latency, c, n, contenders, make }) => {
		const cfg = { key, section, proto, latency, c, n, contenders, rounds: [] };
		const sbs = {};
		for (const who of contenders)
			sbs[who] = await sandboxFor(`${key}|${who}`, {
				latencyMs: latency,
				generated: Math.max(n, 200),
				...(proto === 'https' ? { tls: ctx.tls } : {}),
				...(section === 'rate' ? { rateLimit: { perSecond: RATE } } : {}),
			});
		const creds = Object.fromEntries(
			contenders.map((who) => [who, cred(sbs[who], `${key} ${who}`, who)]),
		);
		const rounds = section === 'rate' && QUICK ? 1 : ROUNDS;
		for (let r = 0; r < rounds; r++) {
			const order = contenders.map((_, i) => contenders[(i + r) % contenders.length]);
			cfg.rounds.push(
				order.map((who) => {
					const tag = `${key}|${who}|${r}`;
					return { who, tag, wf: make(who, sbs[who], creds[who], tag) };
				}),
			);
		}
		cfg.sandboxes = sbs;
		configs.push(cfg);
	};
	const grid = (who, sb, credential, c, latency, tag, n) => {
		const patched = who.endsWith('P');
		const base = patched ? who.slice(0, -1) : who;
		const measured = {
			node: () => single(norceNode({ credential, c })),
			before: () => single(norceNode({ credential, c, before: true })),
			httpLoop: () => httpLoop(sb, c),
			helper: () => single(benchNode(sb, c, 'helper')),
			rawKA: () => single(benchNode(sb, c, 'raw', { keepAlive: true })),
			rawNew: () => single(benchNode(sb, c, 'raw', { keepAlive: false })),
			httpOpen: () => single(httpNode(sb, { batch: { size: c, interval: latency } })),
			httpUnbatched: () => single(httpNode(sb)),
		}[base]();
		return chunkWorkflow({ tag, n, measured, patched });
	};

	if (wants('grid'))
		for (const proto of PROTOS)
			for (const latency of LATENCIES)
				for (const c of CONCURRENCIES) {
					const n = chunk(latency, c);
					const contenders = ['node', 'httpLoop', 'helper', 'rawKA', 'rawNew'];
					if (ctx.before) contenders.splice(1, 0, 'before');
					if (latency > 0 && proto === 'http') contenders.push('httpOpen');
					await add({
						key: `${proto}-L${latency}-C${c}`,
						section: 'grid',
						proto,
						latency,
						c,
						n,
						contenders,
						make: (who, sb, credential, tag) => grid(who, sb, credential, c, latency, tag, n),
					});
				}
	if (wants('patch') && ctx.patch)
		for (const proto of PROTOS)
			for (const latency of LATENCIES)
				for (const c of [1, 5]) {
					const n = chunk(latency, c);
					await add({
						key: `patch-${proto}-L${latency}-C${c}`,
						section: 'patch',
						proto,
						latency,
						c,
						n,
						contenders: ['node', 'nodeP', 'helper', 'helperP', 'httpLoop', 'httpLoopP'],
						make: (who, sb, credential, tag) => grid(who, sb, credential, c, latency, tag, n),
					});
				}
	if (wants('high'))
		await add({
			key: `high-C${HIGH_C}`,
			section: 'high',
			latency: 20,
			c: HIGH_C,
			n: N_HIGH,
			contenders: ['node', ...(ctx.before ? ['before'] : []), 'httpUnbatched', 'helper', 'rawKA'],
			make: (who, sb, credential, tag) => grid(who, sb, credential, HIGH_C, 20, tag, N_HIGH),
		});
	if (wants('rate'))
		await add({
			key: `rate${RATE}`,
			section: 'rate',
			latency: 20,
			c: RATE_C,
			n: N_RATE,
			contenders: ['node', 'http'],
			make: (who, sb, credential, tag) =>
				chunkWorkflow({
					tag,
					n: N_RATE,
					measured:
						who === 'node'
							? single(
									norceNode({
										credential,
										c: RATE_C,
										extra: { output: 'summary' },
										onError: 'continueRegularOutput',
									}),
								)
							: single(
									httpNode(sb, {
										batch: { size: RATE_C, interval: 0 },
										neverError: false,
										onError: 'continueRegularOutput',
									}),
								),
				}),
		});
	if (wants('resources'))
		for (const [resource, operation, urlPath] of [
			['payment', 'getMany', '/payments'],
			['shipping', 'getMany', '/shippings'],
			['notificationEvent', 'getMany', null],
		])
			await add({
				key: `res-${resource}.${operation}`,
				section: 'resources',
				latency: 0,
				c: 5,
				n: N_RESOURCE,
				resource,
				operation,
				contenders: urlPath ? ['node', 'helper'] : ['node'],
				make: (who, sb, credential, tag) =>
					chunkWorkflow({
						tag,
						n: N_RESOURCE,
						measured: single(
							who === 'node'
								? norceNode({
										credential,
										c: 5,
										resource,
										operation,
										extra:
											resource === 'notificationEvent'
												? { filters: { orderId: '={{ $json.id }}' }, returnAll: false, limit: 10 }
												: {},
									})
								: wfNode('Measured', BENCH_TYPE, 1, {
										operation: 'helper',
										baseUrl: sb.baseUrl,
										path: `/api/v0/checkout/orders/{id}${urlPath}`,
										method: 'GET',
										orderId: '={{ $json.id }}',
										headers: JSON.stringify(headersOf(sb)),
										concurrency: 5,
									}),
						),
					}),
			});
	return configs;
}

// ---------------------------------------------------------------------------------------------
// Running and reading the marks
const nsToMs = (ns) => ns / 1e6;
function readMarks(file) {
	const byTag = new Map();
	if (!fs.existsSync(file)) return byTag;
	for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) {
		if (!line) continue;
		const m = JSON.parse(line);
		byTag.set(m.tag, {
			ms: m.end.t - m.start.t,
			items: m.items,
			n8nCpu: nsToMs(m.end.n8n[0] - m.start.n8n[0]),
			n8nWait: nsToMs(m.end.n8n[1] - m.start.n8n[1]),
			sbCpu: nsToMs(m.end.sandbox[0] - m.start.sandbox[0]),
			sbWait: nsToMs(m.end.sandbox[1] - m.start.sandbox[1]),
			listenDrops: m.end.listenDrops - m.start.listenDrops,
			load: m.start.load,
		});
	}
	return byTag;
}

function measuredOutput(res) {
	const task = res?.data?.data?.resultData?.runData?.Measured;
	return task ? task.flatMap((t) => t.data?.main?.[0] ?? []) : [];
}
const isRateLimitError = (json) => /\b429\b|rate limit/i.test(JSON.stringify(json.error ?? ''));

async function runBatch(n8n, configs, warm) {
	const wfs = [warm, ...configs.flatMap((cfg) => cfg.rounds.flat().map((x) => x.wf))];
	await n8n.importWorkflows(wfs);
	const before = Object.fromEntries(
		configs.flatMap((cfg) =>
			Object.entries(cfg.sandboxes).map(([who, sb]) => [`${cfg.key}|${who}`, { ...sb.stats }]),
		),
	);
	const t = Date.now();
	const results = await n8n.executeMany(
		wfs.map((w) => w.id),
		{ timeoutMs: 3 * 60 * 60_000 },
	);
	log(`execute-batch of ${wfs.length} workflows took ${fmtMs(Date.now() - t)}`);
	return { results, before };
}

// ---------------------------------------------------------------------------------------------
// Aggregation
function aggregate(cfg, marks, results) {
	const rows = {};
	for (const who of cfg.contenders) {
		const chunks = cfg.rounds.map((round) => {
			const x = round.find((y) => y.who === who);
			const m = marks.get(x.tag);
			if (!m)
				throw new Error(
					`no marks for ${x.tag}: the workflow failed\n${results.get(x.wf.id)?.describe?.() ?? ''}`,
				);
			const out = { ...m };
			if (cfg.section === 'rate') {
				const main0 = measuredOutput(results.get(x.wf.id));
				const errored = main0.filter((i) => i.json?.error !== undefined);
				const nonAnswer = errored.filter(
					(i) => isRateLimitError(i.json) || !/\b400\b/.test(JSON.stringify(i.json.error ?? '')),
				);
				out.lost = nonAnswer.length + Math.max(0, cfg.n - main0.length);
			}
			return out;
		});
		const sb = cfg.sandboxes[who];
		const per = (k) => median(chunks.map((m) => m[k] / cfg.n));
		rows[who] = {
			chunks,
			ms: median(chunks.map((m) => m.ms)),
			msPerItem: per('ms'),
			cpuPerItem: per('n8nCpu'),
			waitPerItem: per('n8nWait'),
			sbWaitPerReq: median(chunks.map((m) => m.sbWait / Math.max(1, cfg.n))),
			load: [Math.min(...chunks.map((m) => m.load)), Math.max(...chunks.map((m) => m.load))],
			items: median(chunks.map((m) => m.items)),
			maxInFlight: sb.stats.maxInFlight,
			requests: sb.stats.total,
			by429: sb.stats.byStatus[429] ?? 0,
			lost: cfg.section === 'rate' ? median(chunks.map((m) => m.lost)) : undefined,
			lostMax: cfg.section === 'rate' ? Math.max(...chunks.map((m) => m.lost)) : undefined,
		};
	}
	const ratio = (a, b) =>
		median(cfg.rounds.map((_, r) => rows[a]?.chunks[r]?.ms / rows[b]?.chunks[r]?.ms));
	return { cfg, rows, ratio };
}

// ---------------------------------------------------------------------------------------------
// Memory (probe.cjs in its own execute-batch) and the trigger poll (its own process)
async function runMemory(n8n) {
	const sb = await startSandbox({
		latencyMs: 0,
		generated: ordersForValidations(Math.max(...MEMORY_SIZES)),
		record: false,
	});
	const probeOut = path.join(n8n.userFolder, `heap-${Date.now()}.jsonl`);
	try {
		const credential = norceCredential({ id: makeId('cred'), name: 'bench memory', sandbox: sb });
		await n8n.importCredentials([credential]);
		const workflows = [];
		for (let rep = 0; rep < 3; rep++)
			for (const v of [200, ...MEMORY_SIZES]) {
				const n = ordersForValidations(v);
				workflows.push(
					chunkWorkflow({
						tag: `memory|${v}|${rep}`,
						n,
						measured: single(norceNode({ credential, c: 5 })),
					}),
				);
			}
		await n8n.importWorkflows(workflows);
		const r = await n8n.cli(
			[
				'execute-batch',
				`--ids=${workflows.map((w) => w.id).join(',')}`,
				'--retries=0',
				'--concurrency=1',
			],
			{
				label: 'execute-batch (memory)',
				timeoutMs: 30 * 60_000,
				env: {
					NODE_OPTIONS:
						`${n8n.env.NODE_OPTIONS ?? ''} --expose-gc --require ${path.join(BENCH_DIR, 'probe.cjs')}`.trim(),
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
			.filter((l) => l.kind === 'norce');
		if (!lines.every((l) => l.gc))
			throw new Error('global.gc was not available in the n8n process');
		return MEMORY_SIZES.map((v) => {
			const want = expectedValidations(ordersForValidations(v));
			const rows = lines.filter((l) => l.itemsOut === want);
			return {
				validations: want,
				orders: ordersForValidations(v),
				runs: rows.length,
				retainedPerItem: median(rows.map((l) => (l.after - l.before) / l.itemsOut)),
				peakPerItem: median(rows.map((l) => (l.peak - l.before) / l.itemsOut)),
				retainedMB: median(rows.map((l) => (l.after - l.before) / 1048576)),
			};
		});
	} finally {
		await sb.close().catch(() => {});
	}
}

async function runTrigger() {
	const r = await run(
		process.execPath,
		[
			'--expose-gc',
			path.join(BENCH_DIR, 'trigger-poll.cjs'),
			JSON.stringify({ orders: TRIGGER_ORDERS, repeat: 3 }),
		],
		{ cwd: REPO_ROOT, timeoutMs: 10 * 60_000 },
	);
	if (r.code !== 0) throw new Error(`trigger poll failed (${r.code}):\n${tail(r.stderr, 20)}`);
	return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---------------------------------------------------------------------------------------------
// Report
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const ms2 = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}` : '–');
const mark = (ok) => (ok === undefined ? '' : ok ? '**met**' : '**MISSED**');
const loadText = (row) => `${row.load[0].toFixed(1)}–${row.load[1].toFixed(1)}`;

function renderReport(aggs, memory, trigger, ctx = {}) {
	const L = [];
	const targets = [];
	const grid = aggs.filter((a) => a.cfg.section === 'grid');
	if (grid.length) {
		L.push(
			'### Equal in-flight, interleaved: ms per item (median of rounds) and ratios per round\n',
		);
		L.push(
			'Every figure is the median over the rounds; a ratio is the median of per-round ratios (numerator and denominator from adjacent chunks of the same round). "wait" = run-queue wait of the n8n main thread per item and of the sandbox per request (/proc schedstat), load = 1-min load average at the chunks\' start.\n',
		);
		L.push(
			'| proto | lat | C | items/chunk | node | HTTP loop | bare helper | raw keep-alive | raw new agent | node ÷ HTTP loop | node ÷ helper | node ÷ raw k-a | bound: helper ÷ HTTP loop / raw k-a ÷ HTTP loop | n8n CPU/item node / HTTP / helper | wait/item n8n (node) / sandbox | load | max in flight node / HTTP / helper |',
		);
		L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|');
		for (const a of grid) {
			const { cfg, rows } = a;
			L.push(
				`| ${cfg.proto} | ${cfg.latency} | ${cfg.c} | ${cfg.n} | ${ms2(rows.node.msPerItem)} | ${ms2(rows.httpLoop.msPerItem)} | ${ms2(rows.helper.msPerItem)} | ${ms2(rows.rawKA.msPerItem)} | ${ms2(rows.rawNew.msPerItem)} | **${f2(a.ratio('node', 'httpLoop'))}** | **${f2(a.ratio('node', 'helper'))}** | ${f2(a.ratio('node', 'rawKA'))} | ${f2(a.ratio('helper', 'httpLoop'))} / ${f2(a.ratio('rawKA', 'httpLoop'))} | ${ms2(rows.node.cpuPerItem)} / ${ms2(rows.httpLoop.cpuPerItem)} / ${ms2(rows.helper.cpuPerItem)} | ${ms2(rows.node.waitPerItem)} / ${ms2(rows.node.sbWaitPerReq)} | ${loadText(rows.node)} | ${rows.node.maxInFlight} / ${rows.httpLoop.maxInFlight} / ${rows.helper.maxInFlight} |`,
			);
		}
		const withBefore = grid.filter((a) => a.rows.before);
		if (withBefore.length) {
			L.push(
				`\nBefore and after in the same rounds: "before" = ${ctx.beforeName}, installed beside the package under test.\n`,
			);
			L.push(
				'| proto | lat | C | before ms/item | node ms/item | node ÷ before | n8n CPU/item before / node | before ÷ HTTP loop → node ÷ HTTP loop | before ÷ helper → node ÷ helper | before ÷ raw k-a → node ÷ raw k-a |',
			);
			L.push('|---|---:|---:|---:|---:|---:|---|---|---|---|');
			for (const a of withBefore)
				L.push(
					`| ${a.cfg.proto} | ${a.cfg.latency} | ${a.cfg.c} | ${ms2(a.rows.before.msPerItem)} | ${ms2(a.rows.node.msPerItem)} | **${f2(a.ratio('node', 'before'))}** | ${ms2(a.rows.before.cpuPerItem)} / ${ms2(a.rows.node.cpuPerItem)} | ${f2(a.ratio('before', 'httpLoop'))} → ${f2(a.ratio('node', 'httpLoop'))} | ${f2(a.ratio('before', 'helper'))} → ${f2(a.ratio('node', 'helper'))} | ${f2(a.ratio('before', 'rawKA'))} → ${f2(a.ratio('node', 'rawKA'))} |`,
				);
		}
		const open = grid.filter((a) => a.rows.httpOpen);
		if (open.length) {
			L.push(
				'\nExtra (open loop, not a like-for-like comparison): HTTP Request with Batching C items / interval = latency starts a batch every interval without waiting for the answers.\n',
			);
			L.push(
				'| proto | lat | C | HTTP open loop ms/item | node ÷ HTTP open loop | max in flight |',
			);
			L.push('|---|---:|---:|---:|---:|---:|');
			for (const a of open)
				L.push(
					`| ${a.cfg.proto} | ${a.cfg.latency} | ${a.cfg.c} | ${ms2(a.rows.httpOpen.msPerItem)} | ${f2(a.ratio('node', 'httpOpen'))} | ${a.rows.httpOpen.maxInFlight} |`,
				);
		}
		L.push(
			'\nHTTPS handshake per request, from the raw clients of the same rounds: (new agent − keep-alive) ms per item at C = 1.\n',
		);
		L.push(
			'| lat | HTTP: new − keep-alive | HTTPS: new − keep-alive | HTTPS − HTTP, node | HTTPS − HTTP, bare helper |',
		);
		L.push('|---:|---:|---:|---:|---:|');
		for (const lat of LATENCIES) {
			const h = grid.find((a) => a.cfg.proto === 'http' && a.cfg.latency === lat && a.cfg.c === 1);
			const s = grid.find((a) => a.cfg.proto === 'https' && a.cfg.latency === lat && a.cfg.c === 1);
			if (!h || !s) continue;
			L.push(
				`| ${lat} | ${ms2(h.rows.rawNew.msPerItem - h.rows.rawKA.msPerItem)} | ${ms2(s.rows.rawNew.msPerItem - s.rows.rawKA.msPerItem)} | ${ms2(s.rows.node.msPerItem - h.rows.node.msPerItem)} | ${ms2(s.rows.helper.msPerItem - h.rows.helper.msPerItem)} |`,
			);
		}
		const r1 = grid.map((a) => [a, a.ratio('node', 'httpLoop')]);
		targets.push([
			'node ÷ HTTP Request (closed loop, equal in-flight) ≤ 0.90, C = 1, 5, 20, 0 and 20 ms, HTTP and HTTPS',
			r1
				.map(
					([a, r]) => `${a.cfg.proto} ${a.cfg.latency} ms C=${a.cfg.c}: ${f2(r)} ${mark(r <= 0.9)}`,
				)
				.join('; '),
		]);
		const r2 = grid.map((a) => [a, a.ratio('node', 'helper')]);
		targets.push([
			'node ÷ bare helper ≤ 1.05 at 20 ms, ≤ 1.30 at 0 ms',
			r2
				.map(
					([a, r]) =>
						`${a.cfg.proto} ${a.cfg.latency} ms C=${a.cfg.c}: ${f2(r)} ${mark(r <= (a.cfg.latency > 0 ? 1.05 : 1.3))}`,
				)
				.join('; '),
		]);
		const g = grid.find((a) => a.cfg.proto === 'http' && a.cfg.latency === 20 && a.cfg.c === 1);
		const gs = grid.find((a) => a.cfg.proto === 'https' && a.cfg.latency === 20 && a.cfg.c === 1);
		if (g)
			targets.push([
				'node ÷ raw keep-alive client, C = 1, 20 ms, HTTP ≤ 1.15 (HTTPS reported)',
				`HTTP: ${f2(g.ratio('node', 'rawKA'))} ${mark(g.ratio('node', 'rawKA') <= 1.15)}; HTTPS: ${f2(gs?.ratio('node', 'rawKA'))} (raw new agent ÷ keep-alive over HTTPS: ${f2(gs?.ratio('rawNew', 'rawKA'))})`,
			]);
	}
	const patch = aggs.filter((a) => a.cfg.section === 'patch');
	if (patch.length) {
		L.push(
			'\n### The n8n-core change, measured on a throw-away patched copy (see test/bench/n8n-patch.mjs)\n',
		);
		L.push(
			'Stock and patched contenders interleave in the same process; "patched ÷ stock" per round, median.\n',
		);
		L.push(
			'| proto | lat | C | node stock / patched ms/item | node patched ÷ stock | helper patched ÷ stock | HTTP loop patched ÷ stock | node ÷ HTTP loop, both patched | node ÷ helper, both patched | node patched ÷ raw k-a (grid) |',
		);
		L.push('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|');
		for (const a of patch) {
			const g = grid.find(
				(x) =>
					x.cfg.proto === a.cfg.proto && x.cfg.latency === a.cfg.latency && x.cfg.c === a.cfg.c,
			);
			L.push(
				`| ${a.cfg.proto} | ${a.cfg.latency} | ${a.cfg.c} | ${ms2(a.rows.node.msPerItem)} / ${ms2(a.rows.nodeP.msPerItem)} | **${f2(a.ratio('nodeP', 'node'))}** | ${f2(a.ratio('helperP', 'helper'))} | ${f2(a.ratio('httpLoopP', 'httpLoop'))} | ${f2(a.ratio('nodeP', 'httpLoopP'))} | ${f2(a.ratio('nodeP', 'helperP'))} | ${g ? f2(a.rows.nodeP.msPerItem / g.rows.rawKA.msPerItem) : '–'} |`,
			);
		}
	}
	const high = aggs.find((a) => a.cfg.section === 'high');
	if (high) {
		const r = high.ratio('node', 'httpUnbatched');
		const met = r <= 1.2 && high.rows.node.maxInFlight <= HIGH_C;
		L.push(`\n### High concurrency: N = ${high.cfg.n}, latency 20 ms, HTTP, interleaved rounds\n`);
		L.push(
			'| contender | time (median) | per round | n8n CPU/item | SYNs dropped per chunk (listen queue full) | max in flight | load |',
		);
		L.push('|---|---:|---|---:|---|---:|---|');
		L.push(`| floor N × 20 ms ÷ ${HIGH_C} | ${fmtMs((high.cfg.n * 20) / HIGH_C)} | | | | | |`);
		for (const [who, label] of [
			['node', `node, concurrency ${HIGH_C}`],
			['before', `earlier build, concurrency ${HIGH_C}`],
			['httpUnbatched', 'HTTP Request, no batching'],
			['helper', `bare helper, ${HIGH_C} workers`],
			['rawKA', `raw keep-alive, ${HIGH_C} in flight`],
		]) {
			const row = high.rows[who];
			if (row)
				L.push(
					`| ${label} | ${fmtMs(row.ms)} | ${row.chunks.map((m) => fmtMs(m.ms)).join(', ')} | ${ms2(row.cpuPerItem)} | ${row.chunks.map((m) => m.listenDrops).join(', ')} | ${row.maxInFlight} | ${loadText(row)} |`,
				);
		}
		L.push(
			`\nnode ÷ HTTP unbatched = **${f2(r)}** (per round, median), node ÷ bare helper = ${f2(high.ratio('node', 'helper'))}, node ÷ raw = ${f2(high.ratio('node', 'rawKA'))}: ${mark(met)}`,
		);
		targets.push([
			`concurrency ${HIGH_C} ≤ 1.2 × unbatched HTTP Request, ≤ ${HIGH_C} in flight`,
			`${f2(r)}, max in flight ${high.rows.node.maxInFlight} ${mark(met)}`,
		]);
	}
	const rate = aggs.find((a) => a.cfg.section === 'rate');
	if (rate) {
		L.push(
			`\n### 429 storm: sandbox answers 429 above ${RATE} req/s, N = ${rate.cfg.n}, latency 20 ms, concurrency ${RATE_C}\n`,
		);
		L.push('| contender | wall (median) | lost (median / worst) | 429 answers | requests | runs |');
		L.push('|---|---:|---:|---:|---:|---:|');
		L.push(
			`| node (Max Retries 3, continue on fail) | ${fmtMs(rate.rows.node.ms)} | ${rate.rows.node.lost} / ${rate.rows.node.lostMax} | ${rate.rows.node.by429} | ${rate.rows.node.requests} | ${rate.cfg.rounds.length} |`,
		);
		L.push(
			`| HTTP Request (defaults, batch ${RATE_C} / 0 ms, continue on fail) | ${fmtMs(rate.rows.http.ms)} | ${rate.rows.http.lost} / ${rate.rows.http.lostMax} | ${rate.rows.http.by429} | ${rate.rows.http.requests} | ${rate.cfg.rounds.length} |`,
		);
		targets.push([
			'0 lost under the 429 storm',
			`node lost ${rate.rows.node.lostMax} (worst run) ${mark(rate.rows.node.lostMax === 0)}; HTTP Request lost ${rate.rows.http.lost}`,
		]);
	}
	if (memory) {
		// a shrinking heap is a disturbed measurement, never a met target
		const heapMet = (m) => (m.retainedPerItem < 0 ? undefined : m.retainedPerItem <= 2048);
		L.push('\n### Heap per validation item (inside n8n, concurrency 5, latency 0, probe.cjs)\n');
		L.push(
			'| validation items | orders | runs | retained growth | per item retained | per item peak | ≤ 2 KB |',
		);
		L.push('|---:|---:|---:|---:|---:|---:|---|');
		for (const m of memory)
			L.push(
				`| ${m.validations} | ${m.orders} | ${m.runs} | ${f2(m.retainedMB)} MB | ${Math.round(m.retainedPerItem)} B | ${Math.round(m.peakPerItem)} B | ${heapMet(m) === undefined ? '**invalid: the heap shrank**' : mark(heapMet(m))} |`,
			);
		const lin = memory[1].retainedPerItem / memory[0].retainedPerItem;
		L.push(
			`\nper-item retained at ${memory[1].validations} ÷ at ${memory[0].validations} = ${f2(lin)} (linear if ≤ 1.25)`,
		);
		targets.push([
			'≤ 2 KB heap per item, linear',
			`${memory.map((m) => `${m.validations}: ${Math.round(m.retainedPerItem)} B`).join(', ')} ${memory.every((m) => heapMet(m) !== undefined) ? mark(memory.every(heapMet)) : '**invalid: the heap shrank**'}; linear ${mark(lin >= 0 && lin <= 1.25)}`,
		]);
	}
	const res = aggs.filter((a) => a.cfg.section === 'resources');
	if (res.length || trigger) {
		L.push(
			'\n### Added: one read operation per new resource (C = 5, 0 ms, HTTP) and the trigger poll\n',
		);
		L.push(
			'| what | N | node ms/item | bare helper ms/item (same GET) | node ÷ helper | n8n CPU/item | load |',
		);
		L.push('|---|---:|---:|---:|---:|---:|---|');
		for (const a of res)
			L.push(
				`| ${a.cfg.key.slice(4)} | ${a.cfg.n} | ${ms2(a.rows.node.msPerItem)} | ${a.rows.helper ? ms2(a.rows.helper.msPerItem) : '– (no single GET)'} | ${a.rows.helper ? f2(a.ratio('node', 'helper')) : '–'} | ${ms2(a.rows.node.cpuPerItem)} | ${loadText(a.rows.node)} |`,
			);
		L.push(
			'| consent, hook, notification | | (no read operation: create / update / delete only) | | | | |',
		);
		if (trigger) {
			const t = trigger.runs;
			L.push(
				`\nTrigger (On Order Created) poll over ${trigger.orders} new orders, n8n-core PollContext (test/bench/trigger-poll.cjs), ${t.length} runs: **${fmtMs(median(t.map((x) => x.ms)))} per poll** (${t[0].requests} page requests, ${t[0].emitted} items emitted), heap held by the emitted items ${f2(median(t.map((x) => x.retained)) / 1048576)} MB (${Math.round(median(t.map((x) => x.retained)) / trigger.orders)} B per order), peak during the poll ${f2(median(t.map((x) => x.peak)) / 1048576)} MB, static data ${Math.round(median(t.map((x) => x.stateBytes)) / 1024)} KB; the next poll (nothing new) ${fmtMs(median(t.map((x) => x.emptyMs)))}, ${t[0].emptyEmitted} items.`,
			);
		}
	}
	return { text: L.join('\n'), targets };
}

const ANALYSIS_START =
	'<!-- analysis:start (kept by test/bench/run.mjs when it rewrites this file) -->';
const ANALYSIS_END = '<!-- analysis:end -->';
function writeBenchmarks(meta, body, targets) {
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
- load average at start / end: ${meta.loadStart} / ${meta.loadEnd} (the machine is shared with other test runs: see the load and wait columns)
- n8n ${meta.n8n} on Node ${meta.nodeN8n}; every contender runs inside that one n8n process; the sandboxes run in the bench process (Node ${meta.nodeBench})
- package under test: ${meta.pkg} (${meta.tarball}); ${ROUNDS} rounds per configuration${QUICK ? ' (quick mode: smaller chunks)' : ''}

## Method

- **Workload**: \`POST {base}/api/v0/checkout/orders/{id}/validate\` for the sandbox's generated orders; order *i* answers *i* mod 4 validations (0 → 200 \`[]\`, odd → 400 with the list, 2 → 200 with warnings). The same four headers for every contender.
- **Interleaved chunks**: a configuration (protocol, latency, C) runs R rounds; a round runs one chunk (the same N orders) of every contender, the order rotating per round, all in one \`n8n execute-batch\` process, so the contenders compared share the same minutes. A chunk is a workflow Manual Trigger → Set → Split Out → *Mark start* → contender → *Mark end*; the marks (a bench-only node, \`test/bench/bench-node.cjs\`, installed as a second community package and never published) take the time and \`/proc/<pid>/schedstat\` of the n8n main thread and of the sandbox process, so CPU and run-queue wait are recorded beside each figure. Ratios are taken per round and the median reported.
- **Contenders** (all in the same n8n, Node ${meta.nodeN8n}):
  - *Norce node*: validate, Order ID \`={{ $json.id }}\`, One Item per Validation, Concurrency C.
  - *HTTP Request loop* (closed loop at equal in-flight): Loop Over Items (batch size C) → HTTP Request v4.2 (POST, the headers as parameters, Never Error) → back to the loop; each batch's C requests are awaited before the next batch. The loop's own node runs are part of its cost: it is what a workflow needs to keep C in flight with that node.
  - *bare helper*: the bench node calling \`this.helpers.httpRequest\` with the node's request options (returnFullResponse, ignoreHttpStatusErrors, disableFollowRedirect for the POST), C workers, Order ID read with \`getNodeParameter\` (the same expression), the same output items: the best any node built on n8n's helpers can do.
  - *raw keep-alive / raw new agent*: the bench node on \`node:http(s)\` with one keep-alive agent (maxSockets C), or a new agent per request (no keep-alive, no TLS session reuse: what n8n-core does per request); ids taken from \`$json\`.
  - *HTTP open loop* (extra): Batching C items per interval = latency; *HTTP unbatched* (the kept concurrency-100 target): no batching, every item at once.
- **HTTPS**: the sandboxes of the https rows serve TLS with a certificate from a CA made at bench time with openssl; n8n gets the CA through \`NODE_EXTRA_CA_CERTS\`.
- **n8n patched**: see the analysis; the patch lives only in a temp dir during the run.
- **429 storm**: token bucket ${RATE} req/s, \`Retry-After: 1\`. Lost = error items caused by a 429 (or any error that is not Norce's validate-400 answer) plus missing items.
- **Heap**: \`probe.cjs\` preloaded with \`--expose-gc\` wraps the node's \`execute()\`: gc, heapUsed before, after (result held); growth ÷ output items.

## Results

${body}

## Targets

| target | result |
|---|---|
${targets.map((t) => `| ${t[0]} | ${t[1]} |`).join('\n')}

${analysis}
`;
	fs.writeFileSync(file, md);
	try {
		execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'prettier'), ['--write', file], {
			stdio: 'ignore',
		});
	} catch {
		/* unformatted is fine */
	}
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
	log(`bench: n8n ${entry.n8n} (Node ${entry.node}), rounds=${ROUNDS}${QUICK ? ', quick' : ''}`);
	const install = await ensureN8n(entry);
	const tarball =
		process.env.E2E_TARBALL ??
		(await buildAndPack({ build: !flags['no-build'] && process.env.E2E_SKIP_BUILD !== '1' }));
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'norce-bench-'));
	const ctx = { sandboxes: {}, creds: [], tls: undefined, patch: undefined, before: false };
	const n8n = await new N8nInstance(install, `bench-${Date.now()}`).init({ tarball });
	let aggs = [];
	let memory;
	let trigger;
	try {
		const tls = makeTls(tmp);
		ctx.tls = { key: tls.key, cert: tls.cert };
		const nodeModules = path.resolve(path.dirname(install.n8nBin), '..', '..');
		if (!flags['no-patch'] && VERSION === '2.8.4') ctx.patch = prepareN8nPatch(nodeModules);
		installBenchNode(n8n.userFolder);
		if (flags.before) {
			ctx.beforeName = await installBefore(n8n.userFolder, path.resolve(String(flags.before)));
			ctx.before = true;
		}
		const marksFile = path.join(tmp, 'marks.jsonl');
		n8n.env = {
			...n8n.env,
			NODE_EXTRA_CA_CERTS: tls.ca,
			BENCH_MARK_OUT: marksFile,
			BENCH_SANDBOX_PID: String(process.pid),
			...(ctx.patch ? { NODE_OPTIONS: `--require ${ctx.patch.preload}` } : {}),
		};
		if (flags.profile) {
			// diagnosis only (slows every contender): a .cpuprofile per measured execute()
			mkdirp(OUT_DIR);
			n8n.env.NODE_OPTIONS = `${n8n.env.NODE_OPTIONS ?? ''} --require ${path.join(BENCH_DIR, 'probe.cjs')}`;
			Object.assign(n8n.env, {
				BENCH_PROBE: 'cpu',
				BENCH_PROBE_OUT: path.join(OUT_DIR, 'cpu.jsonl'),
			});
		}
		const configs = await buildPlan(ctx);
		// warm-up: every kind of contender once on a small chunk, so JIT and lazy loading are not
		// charged to whoever runs first
		const wsb = await startSandbox({ record: false, generated: 200 });
		ctx.sandboxes.warm = wsb;
		const wcred = norceCredential({ id: makeId('cred'), name: 'bench warm-up', sandbox: wsb });
		ctx.creds.push(wcred);
		await n8n.importCredentials(ctx.creds);
		const warm = chunkWorkflow({
			tag: 'warm',
			n: 200,
			measured: () => {
				const nodes = [
					{ ...norceNode({ credential: wcred, c: 5 }), name: 'Warm Norce' },
					{ ...httpNode(wsb), name: 'Warm HTTP' },
					{ ...benchNode(wsb, 5, 'helper'), name: 'Warm Helper' },
					{ ...benchNode(wsb, 5, 'raw'), name: 'Measured' },
				];
				return {
					nodes,
					first: 'Warm Norce',
					last: 'Measured',
					links: [
						['Warm Norce', 'Warm HTTP'],
						['Warm HTTP', 'Warm Helper'],
						['Warm Helper', 'Measured'],
					],
				};
			},
		});
		if (configs.length) {
			log(
				`${configs.length} configurations, ${configs.reduce((s, c) => s + c.rounds.flat().length, 0)} chunks`,
			);
			const { results } = await runBatch(n8n, configs, warm);
			const marks = readMarks(marksFile);
			aggs = configs.map((cfg) => aggregate(cfg, marks, results));
			for (const a of aggs)
				log(
					`${a.cfg.key}: ${a.cfg.contenders.map((w) => `${w} ${ms2(a.rows[w].msPerItem)} ms/item`).join(', ')}`,
				);
		}
		for (const sb of Object.values(ctx.sandboxes)) await sb.close().catch(() => {});
		if (wants('memory')) {
			memory = await runMemory(n8n);
			log(
				`memory: ${memory.map((m) => `${m.validations}: ${Math.round(m.retainedPerItem)} B/item`).join(', ')}`,
			);
		}
		if (wants('trigger')) {
			trigger = await runTrigger();
			log(
				`trigger: ${trigger.runs.map((r) => fmtMs(r.ms)).join(', ')} per poll over ${trigger.orders} orders`,
			);
		}
	} finally {
		for (const sb of Object.values(ctx.sandboxes)) await sb.close().catch(() => {});
		await n8n.cleanup();
		fs.rmSync(tmp, { recursive: true, force: true });
		if (ctx.patch) fs.rmSync(ctx.patch.dir, { recursive: true, force: true });
	}
	mkdirp(OUT_DIR);
	fs.writeFileSync(
		path.join(OUT_DIR, 'results.json'),
		JSON.stringify(
			{
				aggs: aggs.map((a) => ({
					cfg: { ...a.cfg, rounds: undefined, sandboxes: undefined },
					rows: a.rows,
				})),
				memory,
				trigger,
			},
			null,
			2,
		),
	);
	const { text, targets } = renderReport(aggs, memory, trigger, ctx);
	const pj = readJson(path.join(REPO_ROOT, 'package.json'));
	const cpus = os.cpus();
	const meta = {
		command: `${process.env.E2E_TARBALL ? 'E2E_TARBALL=… ' : ''}node test/bench/run.mjs${argv.length ? ` ${argv.join(' ')}` : ''}`,
		date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		took: fmtMs(Date.now() - started),
		cpus: `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown CPU'}`,
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
	console.log(text);
	console.log('\n| target | result |\n|---|---|');
	for (const t of targets) console.log(`| ${t[0]} | ${t[1]} |`);
	if (!flags['no-write'] && !ONLY)
		log(`wrote ${path.relative(process.cwd(), writeBenchmarks(meta, text, targets))}`);
	log(`took ${fmtMs(Date.now() - started)}`);
}

main()
	.then(() => killAllChildren())
	.catch((e) => {
		killAllChildren();
		console.error(e.stack ?? e);
		process.exitCode = 1;
	});

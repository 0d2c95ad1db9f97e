// A bench-only n8n node (never published, never linted as package code): run.mjs installs it
// as the community package `n8n-nodes-norce-bench` beside the package under test. Operations:
//   mark    records a time and load snapshot at the start / end of the measured section
//   helper  the validate call through n8n's bare `this.helpers.httpRequest`, C at a time, with
//           the key from the Norce credential (read once per execution): the best any node
//           built on n8n's helpers and a credential can do (same request options as the node)
//   guarded the helper call with the guarantees the node gives every request (shared/transport
//           client.ts attempt()), using the node's own guard code: a deadline over the whole
//           attempt, n8n's cancel signal, no redirect followed, the answer read as a stream
//           under a size cap, then parsed: a node with those guarantees, minus its own work
//   raw     the same call on node:http(s), keep-alive agent (or a new agent per request)
// Marks append JSON lines to BENCH_MARK_OUT; /proc/<pid>/schedstat gives CPU time and run-queue
// wait of this process's main thread and of the sandbox process (BENCH_SANDBOX_PID).
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const { PerformanceObserver } = require('node:perf_hooks');

const OUT = process.env.BENCH_MARK_OUT;
/** Milliseconds this process has paused for garbage collection so far. */
let gcMs = 0;
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });
const SANDBOX_PID = process.env.BENCH_SANDBOX_PID;

/** [cpu ns, run-queue wait ns] of a process's main thread. */
function schedstat(pid) {
	try {
		const [cpu, wait] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
		return [Number(cpu), Number(wait)];
	} catch {
		return [NaN, NaN];
	}
}
/**
 * TcpExt ListenDrops of the network namespace: SYNs the kernel dropped because a listener's
 * accept queue was full; each costs the client a 1 s SYN retransmit.
 */
function listenDrops() {
	try {
		const lines = fs.readFileSync('/proc/net/netstat', 'utf8').split('\n');
		const i = lines.findIndex((l) => l.startsWith('TcpExt:'));
		const names = lines[i].split(/\s+/);
		const values = lines[i + 1].split(/\s+/);
		return Number(values[names.indexOf('ListenDrops')]);
	} catch {
		return NaN;
	}
}
function snapshot() {
	return {
		t: performance.timeOrigin + performance.now(),
		listenDrops: listenDrops(),
		n8n: schedstat('self'),
		sandbox: SANDBOX_PID ? schedstat(SANDBOX_PID) : [NaN, NaN],
		load: Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
		gcMs,
	};
}
const starts = new Map();

async function closedLoop(count, c, work) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(c, count)) }, async () => {
			while (next < count) {
				const index = next++;
				await work(index);
			}
		}),
	);
}

/**
 * The node's own guards, from the build under test (BENCH_NORCE_TRANSPORT): one timer for all
 * attempt deadlines and one cancel listener (attempts.js), the capped stream read and the parse
 * (answer.js).
 */
function nodeGuards(cancel) {
	const dir = process.env.BENCH_NORCE_TRANSPORT;
	const { RunningAttempts } = require(`${dir}/attempts.js`);
	const { readAnswerText, parseAnswer } = require(`${dir}/answer.js`);
	return { running: new RunningAttempts(cancel), readAnswerText, parseAnswer };
}

function validationItems(orderId, statusCode, body, index) {
	const list = Array.isArray(body) ? body : Array.isArray(body?.errors) ? body.errors : [];
	const valid = statusCode !== 400;
	return list.map((entry) => ({
		json: { orderId, code: entry?.code, adapterId: entry?.adapterId, ...entry, orderValid: valid },
		pairedItem: { item: index },
	}));
}

function rawRequest(url, method, headers, agent) {
	const lib = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = lib.request(url, { method, headers, agent }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (text += d));
			res.on('end', () => {
				let body;
				try {
					body = text === '' ? '' : JSON.parse(text);
				} catch {
					body = text;
				}
				resolve({ statusCode: res.statusCode, body });
			});
		});
		req.on('error', reject);
		req.end();
	});
}

class NorceBench {
	description = {
		displayName: 'Norce Bench',
		name: 'norceBench',
		group: ['transform'],
		version: 1,
		description: 'Bench-only contender and marks',
		defaults: { name: 'Norce Bench' },
		inputs: ['main'],
		outputs: ['main'],
		// the helpers take their key from the package's credential, as a node with one must
		credentials: [{ name: 'norceApi', required: false }],
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'mark' },
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '' },
			{ displayName: 'Phase', name: 'phase', type: 'string', default: 'start' },
			{ displayName: 'Patched', name: 'patched', type: 'boolean', default: false },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'POST' },
			{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '' },
			{ displayName: 'Headers', name: 'headers', type: 'json', default: '{}' },
			{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 1 },
			{ displayName: 'Keep Alive', name: 'keepAlive', type: 'boolean', default: true },
		],
	};

	async execute() {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0);
		if (operation === 'mark') {
			const phase = this.getNodeParameter('phase', 0);
			const key = this.getExecutionId();
			if (phase === 'start') {
				// toggles the throw-away n8n-core patch (if loaded) for this workflow
				globalThis.__benchN8nPatch = this.getNodeParameter('patched', 0);
				starts.set(key, snapshot());
				return [items];
			}
			const end = snapshot();
			const start = starts.get(key);
			starts.delete(key);
			fs.appendFileSync(
				OUT,
				`${JSON.stringify({ tag: this.getNodeParameter('tag', 0), start, end, items: items.length, patched: !!globalThis.__benchN8nPatch })}\n`,
			);
			globalThis.__benchN8nPatch = false;
			return [[{ json: { items: items.length }, pairedItem: { item: 0 } }]];
		}
		const base = this.getNodeParameter('baseUrl', 0);
		const path = this.getNodeParameter('path', 0);
		const method = this.getNodeParameter('method', 0);
		const headers = JSON.parse(this.getNodeParameter('headers', 0));
		const c = this.getNodeParameter('concurrency', 0);
		const results = new Array(items.length);
		if (operation === 'helper' || operation === 'guarded') {
			// Once per execution, as any node with a credential does (the Norce node too): n8n
			// reads it from its database and decrypts it.
			const { apiKey } = await this.getCredentials('norceApi');
			headers.Authorization = `Bearer ${apiKey}`;
		}
		if (operation === 'helper') {
			await closedLoop(items.length, c, async (index) => {
				const orderId = String(this.getNodeParameter('orderId', index));
				const response = await this.helpers.httpRequest({
					method,
					url: `${base}${path.replace('{id}', encodeURIComponent(orderId))}`,
					headers: { ...headers },
					timeout: 30000,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					...(method === 'GET' ? {} : { disableFollowRedirect: true }),
				});
				results[index] = validationItems(orderId, response.statusCode, response.body, index);
			});
		} else if (operation === 'guarded') {
			const cancel = this.getExecutionCancelSignal?.();
			const { running, readAnswerText, parseAnswer } = nodeGuards(cancel);
			await closedLoop(items.length, c, async (index) => {
				const orderId = String(this.getNodeParameter('orderId', index));
				const controller = new AbortController();
				const current = running.start(30000, () => controller.abort());
				if (cancel?.aborted) controller.abort();
				try {
					const response = await this.helpers.httpRequest({
						method,
						url: `${base}${path.replace('{id}', encodeURIComponent(orderId))}`,
						headers: { ...headers },
						timeout: 30000,
						abortSignal: controller.signal,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
						disableFollowRedirect: true,
						sendCredentialsOnCrossOriginRedirect: false,
						encoding: 'stream',
					});
					const text = await readAnswerText(response.body, 32 * 1024 * 1024, controller.signal);
					const { body } = parseAnswer(text);
					results[index] = validationItems(orderId, response.statusCode, body, index);
				} finally {
					running.end(current);
				}
			});
		} else if (operation === 'raw') {
			const keepAlive = this.getNodeParameter('keepAlive', 0);
			const isHttps = base.startsWith('https:');
			const Agent = isHttps ? https.Agent : http.Agent;
			const shared = keepAlive ? new Agent({ keepAlive: true, maxSockets: c }) : undefined;
			await closedLoop(items.length, c, async (index) => {
				const orderId = String(items[index].json.id);
				const url = new URL(`${base}${path.replace('{id}', encodeURIComponent(orderId))}`);
				// without keep-alive: a new agent per request, as n8n-core builds one
				const agent = shared ?? new Agent({ keepAlive: false });
				const response = await rawRequest(url, method, headers, agent);
				results[index] = validationItems(orderId, response.statusCode, response.body, index);
			});
			shared?.destroy();
		} else {
			throw new Error(`unknown bench operation ${operation}`);
		}
		return [results.flat()];
	}
}

module.exports = { NorceBench };

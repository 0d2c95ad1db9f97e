// Reliability inside a real n8n (issue: "Run the soak and a slice of the fault matrix inside real
// n8n too"). For each n8n version of the matrix, in one throw-away n8n instance:
//   1. soak: a Code node emits 10,000 items {id: 'o_gen_000001' …}; Validate (output summary,
//      onError continueErrorOutput) runs them against a sandbox with 5 % seeded random faults
//      (429, 503, reset) and a rate limit, once at concurrency 1 and once at the default
//      5 (each run has its own sandbox, so the seeded fault sequence of one run is not disturbed
//      by the other). Every input must end as exactly one success or error item, paired, in
//      input order per branch; the sandbox's recorded requests must agree item by item.
//      Each soak runs with `n8n execute --id` (output to a file, lib/execute-file.mjs), because
//      execute-batch cancels workflows after 3 minutes. Counts and the Validate node's
//      executionTime are printed as `figures:` diagnostics (never asserted on).
//   2. fault slice: 10 representative faults across the operations, each a retried success or a
//      clear, paired error item on the error output; recorded requests prove what was retried.
//      All in one execute-batch.
// The full fault matrix lives in test/shared/transport/ (in-process); this is the real-n8n slice.
//
// env: E2E_SOAK_ITEMS (default 10000), E2E_SOAK_RATE_LIMIT (default 150/s) to try other sizes.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { NODE_TYPE } from './lib/n8n.mjs';
import { errorItems, nodeRuns, pairedIndexes, successItems } from './lib/rundata.mjs';
import { ORDERS_PATH, describeEachVersion, loadSandboxModule, startSuite } from './lib/suite.mjs';
import {
	chainWorkflow,
	makeId,
	manualTrigger,
	norceCredential,
	norceNode,
	norceWorkflow,
} from './lib/workflows.mjs';
import { fmtMs } from './lib/util.mjs';
import { executeToFile } from './lib/execute-file.mjs';
import { createRequire } from 'node:module';

// the sandbox's own PRNG-driven fault picker, to replay which request drew which random fault
const { RandomFaults } = createRequire(import.meta.url)('../sandbox/faults.js');

const { DEMO, startSandbox, generatedOrderId, generatedOrderValidation } = loadSandboxModule();

const SOAK_ITEMS = Number(process.env.E2E_SOAK_ITEMS || 10_000);
/**
 * Soak fault mix. Costs per fault at concurrency 1 (the node's backoff base is 1 s here):
 * 429 → Retry-After 0 or 1 s; 503 → full-jitter backoff, 0–1 s on the first retry; reset on
 * validate's POST → error item at once (never retried); timeout → error item after NODE_TIMEOUT_MS.
 * At 5 % that is ~125 of each kind: ~1 min of waiting per kind at concurrency 1 at most.
 */
const SOAK_FAULTS = {
	rate: 0.05,
	seed: 20261128,
	// No 'timeout' kind (an answer delayed past the node's timeout): on a loaded machine the
	// answer and the node's timer race, and either may win. Timeouts are tested with a 'hang'
	// (never answered) in the fault slice below and in test/shared/transport.
	kinds: ['429', '503', 'reset'],
};
/** The node's timeout option in the soak: no answer of the sandbox can come close to it. */
const SOAK_NODE_TIMEOUT_MS = 30_000;
/** Token bucket of the soak sandboxes (over the rate → 429, Retry-After: 1). */
const SOAK_RATE_LIMIT = Number(process.env.E2E_SOAK_RATE_LIMIT || 150);
/** Throttled rounds in a row the node waits out before it stops sending (shared/transport/throttle.ts). */
const THROTTLE_ROUNDS = 6;
const SOAK_MAX_RETRIES = 3; // the default, written out so the checks below can use it
const SOAK_CONCURRENCIES = [1, 5];
const VALIDATE_NODE = 'Validate';
const INPUT_NODE = 'Make items';

const randomKey = (label) => `${label}-${crypto.randomBytes(12).toString('hex')}`;

/** Code node (JS task runner) emitting {id: o_gen_000001 …} for 1..n. */
function codeItemsNode(n) {
	return {
		id: crypto.randomUUID(),
		name: INPUT_NODE,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [440, 300],
		parameters: {
			mode: 'runOnceForAllItems',
			language: 'javaScript',
			jsCode: `const n = ${n};\nconst out = [];\nfor (let i = 1; i <= n; i++) out.push({ json: { id: 'o_gen_' + String(i).padStart(6, '0') } });\nreturn out;`,
		},
	};
}

function soakWorkflow({ credential, concurrency }) {
	return chainWorkflow({
		name: `e2e soak concurrency ${concurrency}`,
		nodes: [
			manualTrigger(),
			codeItemsNode(SOAK_ITEMS),
			norceNode(
				VALIDATE_NODE,
				{
					operation: 'validate',
					orderId: '={{ $json.id }}',
					output: 'summary',
					options: {
						concurrency,
						timeout: SOAK_NODE_TIMEOUT_MS,
						maxRetries: SOAK_MAX_RETRIES,
					},
				},
				{ credential, onError: 'continueErrorOutput' },
			),
		],
	});
}

// ---------------------------------------------------------------------------------------------
// Fault slice: one workflow per case, one Norce node named "Norce", onError continueErrorOutput.
// Every case uses its own order (fault rules match by orderId/operation), so the cases do not
// depend on each other and can all run in one execute-batch.
const FAULT_GENERATED = 40;
const gen = (i) => generatedOrderId(i);
const orderPath = (id) => `${ORDERS_PATH}/${encodeURIComponent(id)}`;

/** key → { params, rules(sandbox) , requests(sandbox) → the requests this case made, check } */
const FAULT_CASES = {
	retryAfter429: {
		title: '429 with Retry-After: 0 twice on validate → retried, success',
		params: { operation: 'validate', orderId: gen(1), output: 'summary', options: {} },
		rules: [
			{
				kind: 'status',
				status: 429,
				retryAfter: 0,
				times: 2,
				match: { operation: 'validate', orderId: gen(1) },
			},
		],
		path: `${orderPath(gen(1))}/validate`,
	},
	unavailable503: {
		title: '503 twice on updateReference → retried with backoff, success',
		params: {
			operation: 'updateReference',
			orderId: gen(2),
			reference: 'E2E-REL-503',
			options: {},
		},
		rules: [
			{
				kind: 'status',
				status: 503,
				times: 2,
				match: { operation: 'updateReference', orderId: gen(2) },
			},
		],
		path: `${orderPath(gen(2))}/reference`,
	},
	unauthorized401: {
		title: '401 BaseError on removeValidation → error item, not retried',
		params: {
			operation: 'removeValidation',
			orderId: DEMO.orderWithValidationId,
			validationId: DEMO.validationId,
			options: {},
		},
		rules: [
			{ kind: 'status', status: 401, body: 'base', match: { operation: 'removeValidation' } },
		],
		path: `${orderPath(DEMO.orderWithValidationId)}/validations/${DEMO.validationId}`,
	},
	notFound404: {
		title: '404 on get (order does not exist) → error item, not retried',
		params: { operation: 'get', orderId: 'o_relNotThere00000000000000', options: {} },
		rules: [],
		path: orderPath('o_relNotThere00000000000000'),
	},
	html502Exhausted: {
		title: 'HTML 502 on get, maxRetries 1 → 2 requests, error item naming the proxy page',
		params: { operation: 'get', orderId: gen(5), options: { maxRetries: 1 } },
		rules: [
			{ kind: 'status', status: 502, body: 'html', match: { operation: 'get', orderId: gen(5) } },
		],
		path: orderPath(gen(5)),
	},
	resetValidate: {
		title: 'reset on validate → error item, NOT retried (exactly 1 request)',
		params: { operation: 'validate', orderId: gen(6), output: 'summary', options: {} },
		rules: [
			{ kind: 'drop', mode: 'reset', times: 1, match: { operation: 'validate', orderId: gen(6) } },
		],
		path: `${orderPath(gen(6))}/validate`,
	},
	resetGet: {
		title: 'reset on get → retried, success',
		params: { operation: 'get', orderId: gen(7), options: {} },
		rules: [
			{ kind: 'drop', mode: 'reset', times: 1, match: { operation: 'get', orderId: gen(7) } },
		],
		path: orderPath(gen(7)),
	},
	hangTimeout: {
		title: 'hang on getMany, timeout 500 ms, maxRetries 1 → 2 timed-out requests, error item',
		params: {
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			filters: {},
			options: { timeout: 500, maxRetries: 1 },
		},
		rules: [{ kind: 'hang', match: { operation: 'getMany' } }],
		path: ORDERS_PATH,
	},
	invalidJson: {
		title: 'invalid JSON with 200 on get → clear error item',
		params: { operation: 'get', orderId: gen(9), options: {} },
		rules: [{ kind: 'invalidJson', match: { operation: 'get', orderId: gen(9) } }],
		path: orderPath(gen(9)),
	},
	headersEcho: {
		title:
			'server echoes the Authorization header (401) on validate → error item without the token',
		params: { operation: 'validate', orderId: gen(10), output: 'summary', options: {} },
		rules: [
			{ kind: 'headersEcho', status: 401, match: { operation: 'validate', orderId: gen(10) } },
		],
		path: `${orderPath(gen(10))}/validate`,
	},
};

function faultWorkflows(credential) {
	const wf = {};
	for (const [key, c] of Object.entries(FAULT_CASES)) {
		wf[key] = norceWorkflow({
			name: `e2e fault ${key}`,
			params: c.params,
			credential,
			onError: 'continueErrorOutput',
		});
	}
	return wf;
}

// ---------------------------------------------------------------------------------------------
/** What the sandbox saw per order id (validate requests only), in arrival order. */
function validateRequestsByOrder(sandbox) {
	const byOrder = new Map();
	for (const q of sandbox.requests) {
		const m = q.method === 'POST' && q.path.match(/\/orders\/([^/]+)\/validate$/);
		if (!m) continue;
		const id = decodeURIComponent(m[1]);
		if (!byOrder.has(id)) byOrder.set(id, []);
		byOrder.get(id).push(q.status);
	}
	return byOrder;
}

/** Error item text → kind. */
function errorKind(json) {
	const e = String(json.error);
	if (/connection was reset/.test(e)) return 'reset';
	if (/timed out/.test(e)) return 'timeout';
	if (/rate limiting/.test(e)) return 'rate-limited (exhausted)';
	if (/server error \[503/.test(e)) return '503 (exhausted)';
	return `other: ${e}`;
}

const count = (arr, f) => arr.reduce((n, x) => n + (f(x) ? 1 : 0), 0);

describeEachVersion('reliability', (entry) => {
	let ctx;
	let faultWf;
	let results;
	const soak = new Map(); // concurrency → { sandbox, key, wf }
	const faultKey = randomKey('fault-slice-key');
	let batchMs;

	before(async () => {
		ctx = await startSuite(entry, 'reliability', {
			sandboxOptions: { generated: FAULT_GENERATED, apiKey: faultKey },
		});
		try {
			for (const concurrency of SOAK_CONCURRENCIES) {
				const key = randomKey(`soak-c${concurrency}-key`);
				const sandbox = await startSandbox({
					port: 0,
					latencyMs: 0,
					record: true, // needed for the item-by-item cross-check (~11k records)
					generated: SOAK_ITEMS,
					apiKey: key,
					randomFaults: SOAK_FAULTS,
					rateLimit: { perSecond: SOAK_RATE_LIMIT },
				});
				const credential = norceCredential({
					id: makeId(`credsoak${concurrency}`),
					name: `Norce soak c${concurrency}`,
					sandbox,
				});
				soak.set(concurrency, {
					sandbox,
					key,
					credential,
					wf: soakWorkflow({ credential, concurrency }),
				});
			}
			const faultCred = norceCredential({
				id: makeId('credfault'),
				name: 'Norce fault slice',
				sandbox: ctx.sandbox,
			});
			faultWf = faultWorkflows(faultCred);
			for (const c of Object.values(FAULT_CASES))
				for (const rule of c.rules) ctx.sandbox.addFault(rule);

			await ctx.n8n.importCredentials([faultCred, ...[...soak.values()].map((s) => s.credential)]);
			await ctx.n8n.importWorkflows([
				...Object.values(faultWf),
				...[...soak.values()].map((s) => s.wf),
			]);
			// The fault slice runs in one execute-batch. The soaks do not: execute-batch cancels any
			// workflow after 3 minutes (ExecuteBatch.executionTimeout, "Workflow execution timed
			// out.", status "warning", no snapshot) and the soak at concurrency 1 takes longer. Each
			// soak runs once with `n8n execute --id --rawOutput` (no time limit in n8n; ours below),
			// which prints the whole run data of the 10,000 items (~8 MB of JSON) on stdout: into a
			// file (lib/execute-file.mjs), because through a pipe n8n's process.exit() cuts it off.
			const t0 = Date.now();
			results = await ctx.n8n.executeMany(Object.values(faultWf).map((w) => w.id));
			batchMs = Date.now() - t0;
			for (const s of soak.values()) {
				const r = await executeToFile(ctx.n8n, s.wf.id, { timeoutMs: 12 * 60_000 });
				s.cliMs = r.ms;
				s.stdoutBytes = r.stdout.length;
				results.set(s.wf.id, r);
			}
		} catch (e) {
			for (const s of soak.values()) await s.sandbox.close().catch(() => {});
			throw e;
		}
	});
	after(async () => {
		for (const s of soak.values()) await s.sandbox.close().catch(() => {});
		await ctx?.close();
	});

	// ------------------------------------------------------------------------------- soak
	for (const concurrency of SOAK_CONCURRENCIES) {
		it(`soak: ${SOAK_ITEMS} items through Validate at concurrency ${concurrency}, 5 % random faults + rate limit`, (t) => {
			const s = soak.get(concurrency);
			const r = results.get(s.wf.id);
			assert.ok(r?.data, `no run data for the soak at concurrency ${concurrency}`);
			assert.equal(r.ok, true, r.describe());
			const run = r.data;
			const input = successItems(run, INPUT_NODE);
			assert.equal(input.length, SOAK_ITEMS, 'the Code node emitted every input item');
			const [task] = nodeRuns(run, VALIDATE_NODE);
			const ok = successItems(run, VALIDATE_NODE);
			const err = errorItems(run, VALIDATE_NODE);

			// 1. accounting: each input exactly once over both branches, paired, in input order
			const okIdx = pairedIndexes(ok);
			const errIdx = pairedIndexes(err);
			for (const [branch, idx] of [
				['success', okIdx],
				['error', errIdx],
			]) {
				assert.ok(
					idx.every((i) => Number.isInteger(i) && i >= 0 && i < SOAK_ITEMS),
					`${branch}: every item has a pairedItem.item pointing at an input`,
				);
				for (let k = 1; k < idx.length; k++)
					assert.ok(
						idx[k - 1] < idx[k],
						`${branch}: output order follows input order (at ${k}: ${idx[k - 1]} then ${idx[k]})`,
					);
			}
			const seen = new Uint8Array(SOAK_ITEMS);
			for (const i of [...okIdx, ...errIdx]) seen[i]++;
			const lost = count(seen, (v) => v === 0);
			const duplicated = count(seen, (v) => v > 1);
			assert.equal(lost, 0, 'no input lost');
			assert.equal(duplicated, 0, 'no input duplicated');
			assert.equal(ok.length + err.length, SOAK_ITEMS);

			// 2. content: each success is the right order's validation
			for (const item of ok) {
				const i = item.pairedItem.item;
				const id = input[i].json.id;
				assert.equal(id, generatedOrderId(i + 1));
				assert.equal(item.json.orderId, id);
				const expected = generatedOrderValidation(i + 1);
				assert.equal(item.json.valid, expected.status !== 400, `valid of ${id}`);
				assert.deepEqual(
					item.json.validations.map((v) => [v.code, v.adapterId]),
					expected.results.map((v) => [v.code, v.adapterId]),
					`validations of ${id}`,
				);
			}
			const kinds = {};
			for (const item of err) {
				// n8n puts the input item's fields next to {error, message} on the error output
				assert.equal(typeof item.json.error, 'string');
				assert.equal(typeof item.json.message, 'string');
				assert.equal(
					item.json.id,
					input[item.pairedItem.item].json.id,
					'error item carries its input',
				);
				const kind = errorKind(item.json);
				kinds[kind] = (kinds[kind] ?? 0) + 1;
			}
			assert.deepEqual(
				Object.keys(kinds).filter((k) => k.startsWith('other')),
				[],
				'every error item is a reset, a timeout or an exhausted 429/503',
			);

			// 3. the sandbox agrees, order by order
			const byOrder = validateRequestsByOrder(s.sandbox);
			const okIds = new Set(ok.map((i) => i.json.orderId));
			const errById = new Map(
				err.map((i) => [input[i.pairedItem.item].json.id, errorKind(i.json)]),
			);
			let retried = 0;
			// a timeout error item whose request the sandbox did answer: the answer came after the
			// node gave up (loaded 2-core machine). Legitimate, counted, not a lost/duplicated item.
			let lateAnswers = 0;
			for (let i = 1; i <= SOAK_ITEMS; i++) {
				const id = generatedOrderId(i);
				const statuses = byOrder.get(id) ?? [];
				assert.ok(statuses.length >= 1, `${id} was sent`);
				// Max Retries bounds every repeat but those after a 429, which the run waits out as
				// one, at most THROTTLE_ROUNDS times in a row (shared/transport/throttle.ts).
				const repeats = count(statuses.slice(0, -1), (st) => st !== 429);
				assert.ok(repeats <= SOAK_MAX_RETRIES, `${id}: ${statuses.length} requests`);
				assert.ok(count(statuses, (st) => st === 429) <= THROTTLE_ROUNDS + 1, `${id}: ${statuses}`);
				if (statuses.length > 1) retried++;
				const answered = count(statuses, (st) => st === 200 || st === 400);
				assert.ok(answered <= 1, `${id} validated ${answered} times: ${statuses}`);
				const last = statuses.at(-1);
				// every request before the last one was answered with a retryable status
				assert.ok(
					statuses.slice(0, -1).every((st) => st === 429 || st === 503),
					`${id}: ${statuses}`,
				);
				if (okIds.has(id))
					assert.ok(last === 200 || last === 400, `${id} success but sandbox saw ${statuses}`);
				else {
					const kind = errById.get(id);
					const want = {
						reset: 0,
						timeout: null,
						'rate-limited (exhausted)': 429,
						'503 (exhausted)': 503,
					}[kind];
					if (kind === 'timeout' && (last === 200 || last === 400)) lateAnswers++;
					else assert.equal(last, want, `${id}: error item "${kind}", sandbox saw ${statuses}`);
					if (kind === '503 (exhausted)') assert.equal(repeats, SOAK_MAX_RETRIES);
					else assert.ok(statuses.length >= 1);
				}
			}
			// reset and timeout on validate's POST are never retried: the failed request is the last
			// one, and all before it were 429/503 answers
			for (const [id, kind] of errById)
				if (kind === 'reset' || kind === 'timeout')
					assert.equal(
						count(byOrder.get(id), (st) => st !== 429 && st !== 503),
						1,
						`${id}: exactly one dropped/timed-out request (POST is not repeated): ${byOrder.get(id)}`,
					);

			// 4. replay the seeded fault sequence over the recorded requests (arrival order): every
			// request that drew a fault was answered as that fault; every other 429 is the rate limit
			const replay = new RandomFaults(SOAK_FAULTS, 0);
			const drawn = { 429: 0, 503: 0, reset: 0, timeout: 0 };
			let rateLimited = 0;
			for (const q of s.sandbox.requests) {
				const f = replay.decide({ method: q.method, operation: 'validate', orderId: undefined });
				if (!f) {
					assert.ok([200, 400, 429].includes(q.status), `unfaulted request answered ${q.status}`);
					if (q.status === 429) rateLimited++;
				} else if (f.kind === 'drop') {
					drawn.reset++;
					assert.equal(q.status, 0);
				} else if (f.kind === 'delay') {
					drawn.timeout++;
					assert.equal(q.status, null, 'the node gave up before the delayed answer');
				} else {
					drawn[f.status]++;
					assert.equal(q.status, f.status);
				}
			}

			// 5. no key anywhere
			const serialized = JSON.stringify(run);
			assert.ok(!serialized.includes(s.key), 'the API key appears in the run data');

			const requests = s.sandbox.requests;
			const figures = {
				n8n: entry.n8n,
				concurrency,
				items: SOAK_ITEMS,
				success: ok.length,
				error: err.length,
				errorKinds: kinds,
				lost,
				duplicated,
				valid: count(ok, (i) => i.json.valid),
				invalid: count(ok, (i) => !i.json.valid),
				sandboxRequests: requests.length,
				itemsRetried: retried,
				byStatus: { ...s.sandbox.stats.byStatus },
				randomFaultsDrawn: drawn,
				rateLimited429: rateLimited,
				timedOut: count(requests, (q) => q.status === null),
				timeoutsAnsweredLate: lateAnswers,
				dropped: s.sandbox.stats.dropped,
				maxInFlight: s.sandbox.stats.maxInFlight,
				nodeExecutionTimeMs: task.executionTime,
				runDataBytes: serialized.length,
				executeStdoutBytes: s.stdoutBytes,
				executeProcessMs: s.cliMs,
			};
			ctx.n8n.saveArtifact(`soak-c${concurrency}-figures.json`, figures);
			t.diagnostic(
				`figures: n8n ${entry.n8n} soak c${concurrency}: ${SOAK_ITEMS} in → ${ok.length} success (${figures.valid} valid, ${figures.invalid} invalid) + ${err.length} error ${JSON.stringify(kinds)}; lost ${lost}, duplicated ${duplicated}`,
			);
			t.diagnostic(
				`figures: n8n ${entry.n8n} soak c${concurrency}: Validate executionTime ${task.executionTime} ms (${fmtMs(task.executionTime)}); sandbox ${requests.length} requests, byStatus ${JSON.stringify(figures.byStatus)}, random faults drawn ${JSON.stringify(drawn)}, rate-limit 429s ${rateLimited}, timed out ${figures.timedOut} (+${lateAnswers} answered after the node gave up), dropped ${figures.dropped}, maxInFlight ${figures.maxInFlight}; ${retried} items retried; run data ${(serialized.length / 1e6).toFixed(1)} MB (execute --rawOutput printed ${(s.stdoutBytes / 1e6).toFixed(1)} MB; whole n8n process ${fmtMs(s.cliMs)})`,
			);
		});
	}

	// ------------------------------------------------------------------------- fault slice
	const fault = (key) => {
		const r = results.get(faultWf[key].id);
		assert.ok(r?.data, `no run data for ${key}`);
		assert.equal(
			r.ok,
			true,
			`${key}: the workflow must succeed (error items, not a stop)\n${r.describe()}`,
		);
		const statuses = ctx.sandbox.requests
			.filter((q) => q.path === FAULT_CASES[key].path)
			.map((q) => q.status);
		return {
			ok: successItems(r.data, 'Norce'),
			err: errorItems(r.data, 'Norce'),
			statuses,
			serialized: JSON.stringify(r.data),
		};
	};
	const oneError = (f, re) => {
		assert.equal(f.ok.length, 0, 'no success item');
		assert.equal(f.err.length, 1, 'one error item');
		assert.deepEqual(pairedIndexes(f.err), [0], 'paired to its input');
		assert.equal(typeof f.err[0].json.error, 'string');
		assert.match(f.err[0].json.error, re);
		return f.err[0].json;
	};
	const oneSuccess = (f) => {
		assert.equal(f.err.length, 0, `no error item: ${JSON.stringify(f.err[0]?.json)}`);
		assert.equal(f.ok.length, 1, 'one success item');
		assert.deepEqual(pairedIndexes(f.ok), [0], 'paired to its input');
		return f.ok[0].json;
	};

	it(`fault: ${FAULT_CASES.retryAfter429.title}`, () => {
		const f = fault('retryAfter429');
		const json = oneSuccess(f);
		assert.equal(json.orderId, gen(1));
		assert.equal(json.valid, generatedOrderValidation(1).status !== 400);
		assert.deepEqual(f.statuses, [429, 429, generatedOrderValidation(1).status]);
	});

	it(`fault: ${FAULT_CASES.unavailable503.title}`, () => {
		const f = fault('unavailable503');
		assert.deepEqual(oneSuccess(f), { orderId: gen(2), reference: 'E2E-REL-503', success: true });
		assert.deepEqual(f.statuses, [503, 503, 200]);
		assert.equal(ctx.sandbox.orders.get(gen(2)).reference, 'E2E-REL-503');
	});

	it(`fault: ${FAULT_CASES.unauthorized401.title}`, () => {
		const f = fault('unauthorized401');
		const json = oneError(f, /refused access \[401 unauthorized\]/);
		assert.match(json.message, /API key/);
		assert.deepEqual(f.statuses, [401]);
		assert.ok(
			ctx.sandbox.orders
				.get(DEMO.orderWithValidationId)
				.validations.some((v) => v.id === DEMO.validationId),
			'nothing was deleted',
		);
	});

	it(`fault: ${FAULT_CASES.notFound404.title}`, () => {
		const f = fault('notFound404');
		oneError(f, /Not found: order "o_relNotThere00000000000000" \[404 order-not-found\]/);
		assert.deepEqual(f.statuses, [404]);
	});

	it(`fault: ${FAULT_CASES.html502Exhausted.title}`, () => {
		const f = fault('html502Exhausted');
		const json = oneError(f, /server error \[HTTP 502\] after 2 attempts/);
		assert.match(json.message, /502 Bad Gateway \(HTML page from a proxy or gateway\)/);
		assert.ok(!/<html|<center/i.test(json.error + json.message), 'no raw HTML in the error item');
		assert.deepEqual(f.statuses, [502, 502]);
	});

	it(`fault: ${FAULT_CASES.resetValidate.title}`, () => {
		const f = fault('resetValidate');
		const json = oneError(
			f,
			/Could not reach Norce Checkout for order "o_gen_000006": the connection was reset/,
		);
		assert.doesNotMatch(json.error, /attempts/);
		assert.match(json.message, /not retried/);
		assert.deepEqual(f.statuses, [0], 'exactly one request, dropped');
	});

	it(`fault: ${FAULT_CASES.resetGet.title}`, () => {
		const f = fault('resetGet');
		assert.equal(oneSuccess(f).id, gen(7));
		assert.deepEqual(f.statuses, [0, 200]);
	});

	it(`fault: ${FAULT_CASES.hangTimeout.title}`, () => {
		const f = fault('hangTimeout');
		oneError(f, /timed out \(500 ms\) after 2 attempts/);
		assert.deepEqual(f.statuses, [null, null], 'two requests, neither answered');
	});

	it(`fault: ${FAULT_CASES.invalidJson.title}`, () => {
		const f = fault('invalidJson');
		const json = oneError(f, /o_gen_000009/);
		assert.match(json.error, /not an order|JSON|parse/i);
		assert.deepEqual(f.statuses, [200], 'a 200 is not retried');
	});

	it(`fault: ${FAULT_CASES.headersEcho.title}`, () => {
		const f = fault('headersEcho');
		const json = oneError(f, /refused access \[401 unauthorized\]/);
		assert.deepEqual(f.statuses, [401]);
		const echoed = ctx.sandbox.requests.find((q) => q.path === FAULT_CASES.headersEcho.path);
		assert.equal(
			echoed.headers.authorization,
			`Bearer ${faultKey}`,
			'the server did see (and echo) the token',
		);
		assert.ok(!f.serialized.includes(faultKey), 'the echoed token is in the run data');
		assert.match(json.message, /\*\*\*/, 'the echoed token is redacted');
	});

	it('fault slice: no run data contains the key, every Norce item is paired', (t) => {
		let items = 0;
		for (const key of Object.keys(FAULT_CASES)) {
			const r = results.get(faultWf[key].id);
			assert.ok(!JSON.stringify(r.data).includes(faultKey), `${key}: key in run data`);
			for (const task of nodeRuns(r.data, 'Norce'))
				for (const output of task.data?.main ?? [])
					for (const item of output ?? []) {
						items++;
						assert.equal(typeof item.pairedItem?.item, 'number', key);
					}
		}
		assert.equal(faultWf.retryAfter429.nodes.at(-1).type, NODE_TYPE);
		assert.equal(items, Object.keys(FAULT_CASES).length);
		t.diagnostic(
			`figures: n8n ${entry.n8n}: execute-batch of the ${Object.keys(FAULT_CASES).length} fault workflows took ${fmtMs(batchMs)}`,
		);
	});
});

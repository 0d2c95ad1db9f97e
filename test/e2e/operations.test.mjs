// Every operation of the Norce Checkout Order node, run inside a real n8n (CLI: import + execute)
// against the local Norce sandbox, for each n8n version of the matrix.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { NODE_TYPE } from './lib/n8n.mjs';
import {
	errorItems,
	executionError,
	jsonOf,
	nodeError,
	pairedIndexes,
	successItems,
} from './lib/rundata.mjs';
import { ORDERS_PATH, describeEachVersion, loadSandboxModule, startSuite } from './lib/suite.mjs';
import { attach, makeId, norceCredential, norceNode, norceWorkflow } from './lib/workflows.mjs';

const { DEMO, generatedOrderId } = loadSandboxModule();
// three orders with several validations each (two demo orders + a generated one with 3)
const PAIRED_ORDERS = () => [DEMO.threeFailuresOrderId, DEMO.failingOrderId, generatedOrderId(3)];
const GENERATED = 250; // + 7 demo "processing" orders on channel se → 257 = 3 pages of ≤100
const BAD_KEY = `wrong-key-${makeId('k')}`;
/** The order whose Get the sandbox redirects to another listener (no other case reads it). */
const REDIRECTED_ORDER = () => generatedOrderId(7);

/** A listener on another port: where a followed redirect would take the key. */
async function startElsewhere() {
	const requests = [];
	const server = http.createServer((req, res) => {
		requests.push({ url: req.url, headers: req.headers });
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{"id":"stolen"}');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${server.address().port}`,
		requests,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

/** Workflow factory per case: (ctx) → workflow. Built in before() once the sandbox URL is known. */
function buildWorkflows(ctx) {
	const { good, bad } = ctx.creds;
	const wf = {};
	const single = (key, nodeName, params, opts = {}) => {
		wf[key] = norceWorkflow({
			name: `e2e ${key}`,
			nodeName,
			params,
			credential: opts.credential ?? good,
			inputs: opts.inputs,
			onError: opts.onError,
		});
		return wf[key];
	};

	single('get', 'Norce', { operation: 'get', orderId: DEMO.validOrderId, options: {} });
	single('validateValid', 'Norce', {
		operation: 'validate',
		orderId: DEMO.validOrderId,
		output: 'summary',
		options: {},
	});
	single('validateWarnings', 'Norce', {
		operation: 'validate',
		orderId: DEMO.warningOrderId,
		output: 'validations',
		options: {},
	});
	single('validate400', 'Norce', {
		operation: 'validate',
		orderId: DEMO.failingOrderId,
		output: 'validations',
		options: {},
	});
	single('validate400Summary', 'Norce', {
		operation: 'validate',
		orderId: DEMO.failingOrderId,
		output: 'summary',
		options: {},
	});
	single('validateErrorsObject', 'Norce', {
		operation: 'validate',
		orderId: DEMO.failingErrorsObjectOrderId,
		output: 'validations',
		options: {},
	});
	single(
		'validatePaired',
		'Norce',
		{ operation: 'validate', orderId: '={{ $json.id }}', output: 'validations', options: {} },
		{ inputs: PAIRED_ORDERS().map((id) => ({ id })) },
	);
	// remove validation, then read the order back
	{
		const w = single('removeValidation', 'Remove', {
			operation: 'removeValidation',
			orderId: DEMO.orderWithValidationId,
			validationId: DEMO.validationId,
			options: {},
		});
		attach(
			w,
			'Remove',
			norceNode(
				'Get after',
				{ operation: 'get', orderId: DEMO.orderWithValidationId, options: {} },
				{ credential: good },
			),
		);
	}
	{
		const w = single('updateReference', 'Update', {
			operation: 'updateReference',
			orderId: DEMO.warningOrderId,
			reference: 'E2E-REF-0042',
			options: {},
		});
		attach(
			w,
			'Update',
			norceNode(
				'Get after',
				{ operation: 'get', orderId: DEMO.warningOrderId, options: {} },
				{ credential: good },
			),
		);
	}
	single('getManyLimit', 'Norce', {
		operation: 'getMany',
		returnAll: false,
		limit: 3,
		filters: { status: ['processing'] },
		options: {},
	});
	single('getManyAll', 'Norce', {
		operation: 'getMany',
		returnAll: true,
		filters: { status: ['processing'] },
		options: {},
	});
	const mixed = [
		{ id: DEMO.validOrderId },
		{ id: 'o_doesNotExist0000000000000' },
		{ id: DEMO.warningOrderId },
	];
	single(
		'errorOutput',
		'Norce',
		{ operation: 'get', orderId: '={{ $json.id }}', options: {} },
		{ inputs: mixed, onError: 'continueErrorOutput' },
	);
	single(
		'continueRegular',
		'Norce',
		{ operation: 'get', orderId: '={{ $json.id }}', options: {} },
		{ inputs: mixed, onError: 'continueRegularOutput' },
	);
	single('getRedirectedElsewhere', 'Norce', {
		operation: 'get',
		orderId: REDIRECTED_ORDER(),
		options: {},
	});
	single('notFoundStops', 'Norce', {
		operation: 'get',
		orderId: 'o_doesNotExist0000000000000',
		options: {},
	});
	single(
		'wrongKey',
		'Norce',
		{ operation: 'get', orderId: DEMO.validOrderId, options: {} },
		{ credential: bad },
	);
	single(
		'wrongKeyErrorOutput',
		'Norce',
		{ operation: 'validate', orderId: DEMO.failingOrderId, output: 'validations', options: {} },
		{ credential: bad, onError: 'continueErrorOutput' },
	);
	return wf;
}

const expectedResults = (sandbox, orderId) => sandbox.orders.get(orderId).validation?.results ?? [];

describeEachVersion('operations', (entry) => {
	let ctx;
	let wf;
	let results;
	const runs = {};
	// every workflow ran in before() (one execute-batch process); a case reads its result
	const exec = async (key) => {
		const r = results.get(wf[key].id);
		assert.ok(r, `no result for ${key}`);
		runs[key] = r;
		return r;
	};

	before(async () => {
		ctx = await startSuite(entry, 'operations', { sandboxOptions: { generated: GENERATED } });
		ctx.creds = {
			good: norceCredential({
				id: makeId('credgood'),
				name: 'Norce sandbox',
				sandbox: ctx.sandbox,
			}),
			bad: norceCredential({
				id: makeId('credbad'),
				name: 'Norce wrong key',
				sandbox: ctx.sandbox,
				apiKey: BAD_KEY,
			}),
		};
		wf = buildWorkflows(ctx);
		ctx.elsewhere = await startElsewhere();
		ctx.sandbox.addFault({
			kind: 'status',
			status: 302,
			body: 'empty',
			headers: { location: `${ctx.elsewhere.origin}/steal` },
			match: { operation: 'get', orderId: REDIRECTED_ORDER() },
		});
		await ctx.n8n.importCredentials([ctx.creds.good, ctx.creds.bad]);
		await ctx.n8n.importWorkflows(Object.values(wf));
		// The workflows are independent of each other (no case reads what another one changes),
		// so they can all run in one n8n process: execute-batch, then `execute --id` for the
		// ones that failed on purpose (their run data is only printed that way).
		results = await ctx.n8n.executeMany(Object.values(wf).map((w) => w.id));
	});
	after(async () => {
		await ctx?.elsewhere?.close();
		await ctx?.close();
	});

	it('the package installed like the Community Nodes screen does (no peer deps, loaded as a community package)', async () => {
		assert.equal(ctx.n8n.pkg.version.length > 0, true);
		assert.deepEqual(Object.keys(ctx.n8n.pkg.droppedPeerDependencies), ['n8n-workflow']);
		const r = await exec('get');
		assert.ok(r.data, `no run data:\n${r.stdout}\n${r.stderr}`);
		const node = r.data.data.resultData.runData.Norce;
		assert.ok(node, 'the Norce node ran');
		assert.equal(wf.get.nodes.at(-1).type, NODE_TYPE);
	});

	it('get: returns the order', async () => {
		const r = runs.get ?? (await exec('get'));
		assert.equal(r.ok, true, r.describe());
		const items = successItems(r.data, 'Norce');
		assert.equal(items.length, 1);
		assert.equal(items[0].json.id, DEMO.validOrderId);
		assert.equal(items[0].json.reference, DEMO.validOrderReference);
		assert.deepEqual(pairedIndexes(items), [0]);
	});

	it('validate (summary): a valid order → one item {orderId, valid: true}', async () => {
		const r = await exec('validateValid');
		assert.equal(r.ok, true, r.describe());
		const items = jsonOf(successItems(r.data, 'Norce'));
		assert.equal(items.length, 1);
		assert.equal(items[0].orderId, DEMO.validOrderId);
		assert.equal(items[0].valid, true);
		assert.deepEqual(items[0].validations, []);
	});

	it('validate: HTTP 200 with warnings → one item per validation', async () => {
		const r = await exec('validateWarnings');
		assert.equal(r.ok, true, r.describe());
		const items = successItems(r.data, 'Norce');
		const expected = expectedResults(ctx.sandbox, DEMO.warningOrderId);
		assert.ok(expected.length > 0);
		assert.deepEqual(
			items.map((i) => [i.json.orderId, i.json.code, i.json.adapterId]),
			expected.map((v) => [DEMO.warningOrderId, v.code, v.adapterId]),
		);
	});

	it('validate: HTTP 400 with a validation array is a result, not an error', async () => {
		const r = await exec('validate400');
		assert.equal(r.ok, true, r.describe());
		assert.equal(executionError(r.data), undefined);
		const items = successItems(r.data, 'Norce');
		const expected = expectedResults(ctx.sandbox, DEMO.failingOrderId);
		assert.equal(ctx.sandbox.orders.get(DEMO.failingOrderId).validation.status, 400);
		assert.deepEqual(
			items.map((i) => [i.json.code, i.json.adapterId]),
			expected.map((v) => [v.code, v.adapterId]),
		);
		assert.ok(items.every((i) => i.json.orderId === DEMO.failingOrderId));
		assert.ok(items.every((i) => !('error' in i.json)));
	});

	it('validate (summary): HTTP 400 → {valid: false, validations}', async () => {
		const r = await exec('validate400Summary');
		assert.equal(r.ok, true, r.describe());
		const [item] = jsonOf(successItems(r.data, 'Norce'));
		assert.equal(item.valid, false);
		assert.equal(item.orderId, DEMO.failingOrderId);
		assert.deepEqual(
			item.validations.map((v) => v.code),
			expectedResults(ctx.sandbox, DEMO.failingOrderId).map((v) => v.code),
		);
	});

	it('validate: HTTP 400 with {errors: [...]} body → items too', async () => {
		const r = await exec('validateErrorsObject');
		assert.equal(r.ok, true, r.describe());
		const items = successItems(r.data, 'Norce');
		const expected = expectedResults(ctx.sandbox, DEMO.failingErrorsObjectOrderId);
		assert.deepEqual(
			items.map((i) => i.json.code),
			expected.map((v) => v.code),
		);
	});

	it('validate: three input items with several validations each stay paired', async () => {
		const r = await exec('validatePaired');
		assert.equal(r.ok, true, r.describe());
		const items = successItems(r.data, 'Norce');
		const inputs = PAIRED_ORDERS();
		const expected = inputs.flatMap((id, i) =>
			expectedResults(ctx.sandbox, id).map((v) => ({ i, id, code: v.code })),
		);
		assert.ok(
			inputs.every((id) => expectedResults(ctx.sandbox, id).length >= 2),
			'each order has several validations',
		);
		assert.equal(items.length, expected.length);
		assert.deepEqual(
			pairedIndexes(items),
			expected.map((e) => e.i),
		);
		assert.deepEqual(
			items.map((it) => [it.json.orderId, it.json.code]),
			expected.map((e) => [e.id, e.code]),
		);
		// the pairing n8n stored points at the input item with that order id
		const input = successItems(r.data, 'Input Items');
		for (const it of items) assert.equal(input[it.pairedItem.item].json.id, it.json.orderId);
	});

	it('removeValidation: deletes the validation (recorded request + order read back)', async () => {
		const r = await exec('removeValidation');
		assert.equal(r.ok, true, r.describe());
		const [removed] = jsonOf(successItems(r.data, 'Remove'));
		assert.equal(removed.orderId, DEMO.orderWithValidationId);
		assert.equal(removed.validationId, DEMO.validationId);
		const del = ctx.sandbox.requests.filter((q) => q.method === 'DELETE');
		assert.deepEqual(
			del.map((q) => q.path),
			[`${ORDERS_PATH}/${DEMO.orderWithValidationId}/validations/${DEMO.validationId}`],
		);
		const [order] = jsonOf(successItems(r.data, 'Get after'));
		assert.ok(!order.validations.some((v) => v.id === DEMO.validationId));
	});

	it('updateReference: PUTs a JSON string literal and the order shows it', async () => {
		const r = await exec('updateReference');
		assert.equal(r.ok, true, r.describe());
		const put = ctx.sandbox.requests.filter((q) => q.method === 'PUT');
		assert.equal(put.length, 1);
		assert.equal(put[0].path, `${ORDERS_PATH}/${DEMO.warningOrderId}/reference`);
		assert.equal(put[0].body, '"E2E-REF-0042"');
		const [order] = jsonOf(successItems(r.data, 'Get after'));
		assert.equal(order.reference, 'E2E-REF-0042');
	});

	it('getMany: limit', async () => {
		const r = await exec('getManyLimit');
		assert.equal(r.ok, true, r.describe());
		const items = successItems(r.data, 'Norce');
		assert.equal(items.length, 3);
		assert.ok(items.every((i) => i.json.state.currentStatus === 'processing'));
		assert.deepEqual(pairedIndexes(items), [0, 0, 0]);
	});

	it('getMany: Return All walks every page', async () => {
		const r = await exec('getManyAll');
		assert.equal(r.ok, true, r.describe());
		const items = successItems(r.data, 'Norce');
		const expected = [...ctx.sandbox.orders.values()].filter(
			(o) => o.channel === 'se' && o.state.currentStatus === 'processing',
		);
		assert.equal(expected.length, DEMO.counts.se.processing + GENERATED);
		assert.equal(items.length, expected.length);
		assert.equal(new Set(items.map((i) => i.json.id)).size, expected.length, 'no duplicates');
		assert.deepEqual(new Set(items.map((i) => i.json.id)), new Set(expected.map((o) => o.id)));
		// list requests of this workflow: the "limit 3" workflow is the only other one listing
		const pages = ctx.sandbox.requests.filter(
			(q) => q.method === 'GET' && q.path === ORDERS_PATH && q.query.limit !== '3',
		);
		assert.ok(pages.length >= 3, `expected ≥3 page requests, got ${pages.length}`);
		const offsets = pages.map((q) => Number(q.query.offset ?? 0));
		assert.deepEqual(
			offsets,
			[...offsets].sort((a, b) => a - b),
			'offsets ascend',
		);
		assert.equal(new Set(offsets).size, offsets.length, 'no page fetched twice');
		assert.ok(pages.every((q) => q.status === 200));
		assert.ok(pages.every((q) => [q.query.status].flat().includes('processing')));
		assert.ok(pages.every((q) => Number(q.query.limit) <= 100));
	});

	it('error output branch (onError: continueErrorOutput)', async () => {
		const r = await exec('errorOutput');
		assert.equal(r.ok, true, r.describe());
		const ok = successItems(r.data, 'Norce');
		const err = errorItems(r.data, 'Norce');
		assert.deepEqual(
			ok.map((i) => i.json.id),
			[DEMO.validOrderId, DEMO.warningOrderId],
		);
		assert.deepEqual(pairedIndexes(ok), [0, 2]);
		assert.equal(err.length, 1);
		assert.deepEqual(pairedIndexes(err), [1]);
		assert.equal(typeof err[0].json.error, 'string');
		assert.match(err[0].json.error, /not found|404/i);
	});

	it('continueOnFail (onError: continueRegularOutput)', async () => {
		const r = await exec('continueRegular');
		assert.equal(r.ok, true, r.describe());
		const items = successItems(r.data, 'Norce');
		assert.equal(items.length, 3);
		assert.deepEqual(pairedIndexes(items), [0, 1, 2]);
		assert.equal(items[0].json.id, DEMO.validOrderId);
		assert.equal(typeof items[1].json.error, 'string');
		assert.match(items[1].json.error, /not found|404/i);
		assert.equal(items[2].json.id, DEMO.warningOrderId);
		assert.equal(errorItems(r.data, 'Norce').length, 0);
	});

	it('get redirected to another origin: not followed, the error names it, nothing reaches it', async () => {
		const r = await exec('getRedirectedElsewhere');
		assert.equal(r.ok, false);
		const err = nodeError(r.data, 'Norce') ?? executionError(r.data);
		assert.ok(err, r.describe());
		assert.match(
			err.message,
			/redirected the request for order ".*" to another host, http:\/\/127\.0\.0\.1:\d+ \[HTTP 302\]/,
		);
		assert.equal(ctx.elsewhere.requests.length, 0, 'the other origin got a request');
		assert.ok(!JSON.stringify(r.data).includes(ctx.sandbox.apiKey), 'key in run data');
	});

	it('a missing order stops the workflow with a clear error', async () => {
		const r = await exec('notFoundStops');
		assert.equal(r.ok, false);
		assert.ok(r.data, 'run data is printed for a failed execution');
		const err = nodeError(r.data, 'Norce') ?? executionError(r.data);
		assert.ok(err);
		assert.match(`${err.message} ${err.description ?? ''}`, /not found|404/i);
	});

	it('a wrong API key gives a clear error and the key appears nowhere in the run data', async () => {
		const r = await exec('wrongKey');
		assert.equal(r.ok, false);
		assert.ok(r.data, 'run data is printed for a failed execution');
		const err = nodeError(r.data, 'Norce') ?? executionError(r.data);
		assert.match(
			`${err.message} ${err.description ?? ''}`,
			/401|unauthori[sz]ed|authori[sz]ation|credential|api key/i,
		);
		const got = ctx.sandbox.requests.filter((q) => q.headers.authorization === `Bearer ${BAD_KEY}`);
		assert.ok(got.length >= 1, 'the sandbox saw the wrong key');
		assert.ok(got.every((q) => q.status === 401));
		const serialized = JSON.stringify(r.data);
		assert.ok(!serialized.includes(BAD_KEY), 'wrong key leaked into run data');
		assert.ok(!serialized.includes(ctx.sandbox.apiKey), 'good key leaked into run data');
		assert.ok(!(r.stdout + r.stderr).includes(BAD_KEY), 'wrong key leaked into the CLI output');
	});

	it('a wrong API key with the error output: error item, no key in it', async () => {
		const r = await exec('wrongKeyErrorOutput');
		assert.equal(r.ok, true, r.describe());
		assert.equal(successItems(r.data, 'Norce').length, 0);
		const err = errorItems(r.data, 'Norce');
		assert.equal(err.length, 1);
		assert.deepEqual(pairedIndexes(err), [0]);
		assert.match(err[0].json.error, /401|unauthori[sz]ed|authori[sz]ation|credential|api key/i);
		assert.ok(!JSON.stringify(r.data).includes(BAD_KEY));
	});

	it('every item any Norce node emitted (success and error output) carries pairedItem', () => {
		let checked = 0;
		for (const [key, r] of Object.entries(runs)) {
			if (!r.data) continue;
			const runData = r.data.data.resultData.runData;
			for (const [nodeName, tasks] of Object.entries(runData)) {
				const node = wf[key].nodes.find((n) => n.name === nodeName);
				if (node?.type !== NODE_TYPE) continue;
				for (const task of tasks)
					for (const output of task.data?.main ?? [])
						for (const item of output ?? []) {
							checked++;
							assert.equal(
								typeof item.pairedItem?.item,
								'number',
								`${key}/${nodeName}: ${JSON.stringify(item).slice(0, 200)}`,
							);
						}
			}
		}
		assert.ok(checked > 257, `checked ${checked} items`);
	});

	it('no run data of this suite contains an API key', () => {
		for (const [key, r] of Object.entries(runs)) {
			const s = JSON.stringify(r.data ?? {});
			assert.ok(!s.includes(ctx.sandbox.apiKey), `${key}: good key in run data`);
			assert.ok(!s.includes(BAD_KEY), `${key}: wrong key in run data`);
		}
	});
});

// A workflow saved before the IDs became resource locators (node version 1, every ID a plain
// string, Simplify never set) is imported into real n8n as it was saved and runs unchanged, on
// each n8n version of the matrix; next to it, node version 2 with the same IDs as resource
// locators (From List, By ID, By Reference) gives the same answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NODE_TYPE } from './lib/n8n.mjs';
import { pairedIndexes, successItems } from './lib/rundata.mjs';
import { ORDERS_PATH, describeEachVersion, loadSandboxModule, startSuite } from './lib/suite.mjs';
import { makeId, norceCredential } from './lib/workflows.mjs';

const { DEMO } = loadSandboxModule();

/**
 * The workflow JSON as n8n 2.8.4 exported it with this package's node version 1: IDs are plain
 * strings (one an expression), no `simplify`, `filters` and `options` as saved.
 */
function savedVersion1Workflow(id, credential) {
	const creds = { norceApi: { id: credential.id, name: credential.name } };
	const norce = (name, parameters, position) => ({
		parameters,
		type: NODE_TYPE,
		typeVersion: 1,
		position,
		id: crypto.randomUUID(),
		name,
		credentials: creds,
	});
	return {
		id,
		name: 'Saved with string ids (node version 1)',
		active: false,
		nodes: [
			{
				parameters: {},
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				id: crypto.randomUUID(),
				name: 'When clicking Execute workflow',
			},
			norce('Get order', { operation: 'get', orderId: DEMO.validOrderId, options: {} }, [220, 0]),
			norce(
				'Get payment',
				{
					resource: 'payment',
					operation: 'get',
					orderId: '={{ $json.id }}',
					paymentId: DEMO.paymentId,
					options: {},
				},
				[440, 0],
			),
			norce(
				'Get shipping',
				{
					resource: 'shipping',
					operation: 'get',
					orderId: DEMO.validOrderId,
					shippingId: DEMO.shippingId,
					options: {},
				},
				[660, 0],
			),
			norce(
				'Get many',
				{
					operation: 'getMany',
					limit: 2,
					filters: { reference: DEMO.validOrderReference },
					options: {},
				},
				[880, 0],
			),
		],
		connections: {
			'When clicking Execute workflow': { main: [[{ node: 'Get order', type: 'main', index: 0 }]] },
			'Get order': { main: [[{ node: 'Get payment', type: 'main', index: 0 }]] },
			'Get payment': { main: [[{ node: 'Get shipping', type: 'main', index: 0 }]] },
			'Get shipping': { main: [[{ node: 'Get many', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveManualExecutions: false },
		pinData: {},
	};
}

/** The same reads in node version 2, the IDs as resource locators in each mode. */
function version2Workflow(id, credential) {
	const workflow = savedVersion1Workflow(id, credential);
	workflow.name = 'Resource locators (node version 2)';
	const locators = {
		'Get order': { orderId: { __rl: true, mode: 'reference', value: DEMO.validOrderReference } },
		'Get payment': {
			orderId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			paymentId: { __rl: true, mode: 'list', value: DEMO.paymentId, cachedResultName: 'walley' },
		},
		'Get shipping': {
			orderId: { __rl: true, mode: 'list', value: DEMO.validOrderId },
			shippingId: { __rl: true, mode: 'id', value: DEMO.shippingId },
		},
		'Get many': {},
	};
	workflow.nodes = workflow.nodes.map((node) =>
		node.type === NODE_TYPE
			? { ...node, typeVersion: 2, parameters: { ...node.parameters, ...locators[node.name] } }
			: node,
	);
	return workflow;
}

describeEachVersion('legacy string ids', (entry) => {
	let ctx;
	let v1;
	let v2;
	const items = (run, node) => successItems(run.data, node);

	before(async () => {
		ctx = await startSuite(entry, 'legacy-ids');
		const credential = norceCredential({ sandbox: ctx.sandbox });
		const saved = savedVersion1Workflow(makeId('legacy'), credential);
		const current = version2Workflow(makeId('locator'), credential);
		await ctx.n8n.importCredentials([credential]);
		await ctx.n8n.importWorkflows([saved, current]);
		v1 = await ctx.n8n.execute(saved.id);
		const v1Requests = ctx.sandbox.requests.length;
		v2 = await ctx.n8n.execute(current.id);
		ctx.v2Requests = ctx.sandbox.requests.slice(v1Requests);
	});
	after(async () => {
		await ctx?.close();
	});

	it('version 1 with plain string ids runs unchanged: whole orders, the same reads', () => {
		assert.equal(v1.ok, true, v1.describe());
		const [order, ...more] = items(v1, 'Get order');
		assert.equal(more.length, 0);
		assert.equal(order.json.id, DEMO.validOrderId);
		assert.ok(order.json.cart, 'version 1 keeps Simplify off: the whole order');
		assert.equal(items(v1, 'Get payment')[0].json.id, DEMO.paymentId);
		assert.equal(items(v1, 'Get shipping')[0].json.id, DEMO.shippingId);
		const many = items(v1, 'Get many');
		assert.deepEqual(
			many.map(({ json }) => json.id),
			[DEMO.validOrderId],
		);
		assert.ok(many[0].json.cart);
		assert.deepEqual(pairedIndexes(many), [0]);
	});

	it('version 2 reaches the same ids in every mode; By Reference is one lookup first', () => {
		assert.equal(v2.ok, true, v2.describe());
		const [order] = items(v2, 'Get order');
		assert.deepEqual(Object.keys(order.json).sort(), [
			'created',
			'currency',
			'customerEmail',
			'id',
			'reference',
			'status',
			'total',
		]);
		assert.equal(order.json.id, DEMO.validOrderId);
		assert.equal(items(v2, 'Get payment')[0].json.id, DEMO.paymentId);
		assert.equal(items(v2, 'Get shipping')[0].json.id, DEMO.shippingId);
		assert.equal(items(v2, 'Get many')[0].json.id, DEMO.validOrderId);
		const paths = ctx.v2Requests.map((request) => request.path);
		assert.deepEqual(paths.slice(0, 2), [ORDERS_PATH, `${ORDERS_PATH}/${DEMO.validOrderId}`]);
		assert.equal(ctx.v2Requests[0].query.reference, DEMO.validOrderReference);
	});
});

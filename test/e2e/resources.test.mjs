// One operation of every resource beyond order's first five, run inside a real n8n against the
// sandbox for each n8n version of the matrix: the registry, router and body inputs as n8n
// resolves them (parameter defaults, JSON parameters, fixed collections).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pairedIndexes, successItems } from './lib/rundata.mjs';
import { ORDERS_PATH, describeEachVersion, loadSandboxModule, startSuite } from './lib/suite.mjs';
import { norceCredential, norceWorkflow } from './lib/workflows.mjs';

const { DEMO } = loadSandboxModule();

/** case → [resource parameters, input items (optional)] */
const CASES = {
	orderUpdateState: [
		{ resource: 'order', operation: 'updateState', orderId: '={{ $json.id }}', status: 'accepted' },
		[{ id: DEMO.validOrderId }, { id: DEMO.warningOrderId }],
	],
	paymentGetMany: [{ resource: 'payment', operation: 'getMany', orderId: DEMO.validOrderId }],
	shippingGet: [
		{
			resource: 'shipping',
			operation: 'get',
			orderId: DEMO.validOrderId,
			shippingId: DEMO.shippingId,
		},
	],
	consentUpdateMany: [
		{
			resource: 'consent',
			operation: 'updateMany',
			orderId: DEMO.validOrderId,
			consents: { consent: [{ id: DEMO.consentId, checked: true }] },
		},
	],
	hookDelete: [
		{ resource: 'hook', operation: 'delete', orderId: DEMO.validOrderId, hookId: DEMO.hookId },
	],
	notificationCreate: [
		{
			resource: 'notification',
			operation: 'create',
			orderId: DEMO.validOrderId,
			bodyInput: 'json',
			jsonBody: JSON.stringify({
				adapterId: 'n8n',
				scope: '/state/currentStatus',
				schema: { const: 'completed' },
				invoke: 'http://127.0.0.1:5678/webhook/norce-completed',
			}),
		},
	],
};

describeEachVersion('resources', (entry) => {
	let ctx;
	const wf = {};
	let results;
	const result = (key) => {
		const r = results.get(wf[key].id);
		assert.ok(r, `no result for ${key}`);
		assert.equal(r.ok, true, r.describe());
		return successItems(r.data, 'Norce');
	};
	const requestsTo = (method, suffix) =>
		ctx.sandbox.requests.filter((q) => q.method === method && q.path === `${ORDERS_PATH}${suffix}`);

	before(async () => {
		ctx = await startSuite(entry, 'resources');
		const credential = norceCredential({ sandbox: ctx.sandbox });
		for (const [key, [params, inputs]] of Object.entries(CASES)) {
			wf[key] = norceWorkflow({ name: `e2e ${key}`, params, credential, inputs });
		}
		await ctx.n8n.importCredentials([credential]);
		await ctx.n8n.importWorkflows(Object.values(wf));
		results = await ctx.n8n.executeMany(Object.values(wf).map((w) => w.id));
	});
	after(async () => {
		await ctx?.close();
	});

	it('order.updateState: each input item moves its order, outputs paired in input order', () => {
		const items = result('orderUpdateState');
		const ids = CASES.orderUpdateState[1].map(({ id }) => id);
		assert.deepEqual(
			items.map(({ json }) => json),
			ids.map((orderId) => ({ orderId, status: 'accepted', success: true })),
		);
		assert.deepEqual(pairedIndexes(items), [0, 1]);
		for (const id of ids) {
			const [request] = requestsTo('PUT', `/${id}/state`);
			assert.equal(request.body, '{"currentStatus":"accepted"}');
			assert.equal(ctx.sandbox.orders.get(id).state.currentStatus, 'accepted');
		}
	});

	it('payment.getMany: one item per payment, never the list', () => {
		const items = result('paymentGetMany');
		assert.ok(items.length > 0);
		assert.ok(items.some(({ json }) => json.id === DEMO.paymentId));
	});

	it('shipping.get: the shipping', () => {
		const [item, ...rest] = result('shippingGet');
		assert.equal(rest.length, 0);
		assert.equal(item.json.id, DEMO.shippingId);
	});

	it('consent.updateMany: the fixed collection becomes the JSON array Norce takes', () => {
		assert.deepEqual(result('consentUpdateMany')[0].json, {
			orderId: DEMO.validOrderId,
			success: true,
		});
		const [request] = requestsTo('PATCH', `/${DEMO.validOrderId}/consents`);
		assert.deepEqual(JSON.parse(request.body), [{ id: DEMO.consentId, checked: true }]);
	});

	it('hook.delete: the hook is gone', () => {
		assert.deepEqual(result('hookDelete')[0].json, {
			orderId: DEMO.validOrderId,
			hookId: DEMO.hookId,
			success: true,
		});
		const hooks = ctx.sandbox.orders.get(DEMO.validOrderId).hooks ?? [];
		assert.ok(!hooks.some((hook) => hook.id === DEMO.hookId));
	});

	it('notification.create: the JSON body is sent as given', () => {
		assert.deepEqual(result('notificationCreate')[0].json, {
			orderId: DEMO.validOrderId,
			success: true,
		});
		const [request] = requestsTo('POST', `/${DEMO.validOrderId}/notifications`);
		assert.deepEqual(JSON.parse(request.body), JSON.parse(CASES.notificationCreate[0].jsonBody));
	});
});

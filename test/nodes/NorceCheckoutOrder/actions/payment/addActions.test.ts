import type { INodeParameters } from 'n8n-workflow';

import { API, DEMO, placedOrders, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const REFUND = {
	adapterId: 'walley_checkout_adapter',
	type: 'refund',
	url: 'https://psp.example/r',
};

const addActions = (parameters: INodeParameters) =>
	norce.run({
		resource: 'payment',
		operation: 'addActions',
		orderId: DEMO.validOrderId,
		paymentId: DEMO.paymentId,
		...parameters,
	});
const actionTypes = (order = norce.sandbox.orders.get(DEMO.validOrderId)!) =>
	order.payments[0].actions?.map((action) => action.type);

describe('payment addActions', () => {
	it('posts the actions from the fields as a JSON array', async () => {
		const result = await addActions({ actions: { action: [REFUND, { ...REFUND, type: 'void' }] } });

		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox)).toEqual([
			`POST ${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}/actions`,
		]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe(JSON.stringify([REFUND, { ...REFUND, type: 'void' }]));
		expect(actionTypes()).toEqual(['capture', 'cancel', 'refund', 'void']);
		expect(result.output).toEqual([
			{
				json: { orderId: DEMO.validOrderId, paymentId: DEMO.paymentId, success: true },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('takes a JSON array per item, outputs in input order', async () => {
		const orders = placedOrders(norce.sandbox, 2);
		const before = orders.map((order) => actionTypes(order) ?? []);
		const result = await norce.run(
			{
				resource: 'payment',
				operation: 'addActions',
				orderId: '={{ $json.order }}',
				paymentId: '={{ $json.payment }}',
				bodyInput: 'json',
				jsonBody: `={{ JSON.stringify([${JSON.stringify(REFUND)}]) }}`,
			},
			{ items: orders.map((order) => ({ order: order.id, payment: order.payments[0].id })) },
		);

		expect(result.output.map((item) => [item.json.orderId, item.pairedItem])).toEqual(
			orders.map((order, index) => [order.id, { item: index }]),
		);
		expect(orders.map((order) => actionTypes(order))).toEqual(
			before.map((types) => [...types, 'refund']),
		);
	});

	it.each([
		[
			'a JSON object',
			{ bodyInput: 'json', jsonBody: JSON.stringify(REFUND) },
			'JSON Body must be a JSON array, not object (item 0)',
		],
		['an empty JSON array', { bodyInput: 'json', jsonBody: '[]' }, 'No actions to add (item 0)'],
		['no action in the fields', {}, 'No actions to add (item 0)'],
	])('refuses %s before any request', async (_name, parameters, message) => {
		const result = await addActions(parameters);

		expect(result.error).toMatchObject({ message, name: 'NodeOperationError' });
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports an action Norce refuses and an unknown payment', async () => {
		const refused = await addActions({ actions: { action: [{ ...REFUND, url: '' }] } });
		expect(refused.error?.message).toContain('[400 bad-request]');
		expect(refused.error?.description).toContain("Payment action field 'url' is required.");

		const unknown = await addActions({ paymentId: 'p_missing', actions: { action: [REFUND] } });
		expect(unknown.error?.message).toBe(
			`Not found: payment "p_missing" on order "${DEMO.validOrderId}" [404 payment-not-found]`,
		);
	});

	it('does not repeat the POST after a dropped connection', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'payment.addActions' } });
		const result = await addActions({ actions: { action: [REFUND] } });

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0]);
		expect(result.error?.description).toContain('not retried after a connection failure');
		expect(actionTypes()).toEqual(['capture', 'cancel']);
	});
});

import { API, DEMO, SPECIAL_ORDER_SEGMENT, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const create = (orderId: string, jsonBody: string) =>
	norce.run({ resource: 'payment', operation: 'create', orderId, jsonBody });
const paymentIdsOf = (orderId: string) =>
	norce.sandbox.orders.get(orderId)!.payments.map((payment) => payment.id);

describe('payment create', () => {
	it('posts the payment as compact JSON and answers with the new payment id', async () => {
		const result = await create(
			DEMO.validOrderId,
			'{\n  "adapterId": "invoice_adapter",\n  "amount": 100\n}',
		);

		expect(result.error).toBeUndefined();
		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox)).toEqual([`POST ${API}/orders/${DEMO.validOrderId}/payments`]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe('{"adapterId":"invoice_adapter","amount":100}');
		expect(request.status).toBe(201);
		const [, created] = paymentIdsOf(DEMO.validOrderId);
		expect(created).toMatch(/^p_/);
		expect(result.output).toEqual([
			{
				json: { orderId: DEMO.validOrderId, paymentId: created, success: true },
				pairedItem: { item: 0 },
			},
		]);
	});

	it("runs with the body Norce's own client sends (no adapterId)", async () => {
		// NorceTech/checkout-collection Order/Payments/Add payment.bru: reference, name, type, amount.
		const body = '{"reference":"pay-1","name":"Invoice","type":"default","amount":20}';
		const result = await create(DEMO.validOrderId, body);

		expect(result.error).toBeUndefined();
		expect(norce.sandbox.requests.map((request) => [request.body, request.status])).toEqual([
			[body, 201],
		]);
		expect(result.output[0].json.paymentId).toBe(paymentIdsOf(DEMO.validOrderId)[1]);
	});

	it('creates one payment per item on the order of that item, in input order', async () => {
		const orderIds = [DEMO.specialCharsOrderId, DEMO.validOrderId];
		const result = await norce.run(
			{
				resource: 'payment',
				operation: 'create',
				orderId: '={{ $json.orderId }}',
				jsonBody: '={{ JSON.stringify({ adapterId: $json.adapter }) }}',
			},
			{ items: orderIds.map((orderId, index) => ({ orderId, adapter: `adapter_${index}` })) },
		);

		expect(wire(norce.sandbox).sort()).toEqual([
			`POST ${API}/orders/${DEMO.validOrderId}/payments`,
			`POST ${API}/orders/${SPECIAL_ORDER_SEGMENT}/payments`,
		]);
		expect(result.output).toEqual([
			{
				json: { orderId: orderIds[0], paymentId: paymentIdsOf(orderIds[0])[0], success: true },
				pairedItem: { item: 0 },
			},
			{
				json: { orderId: orderIds[1], paymentId: paymentIdsOf(orderIds[1])[1], success: true },
				pairedItem: { item: 1 },
			},
		]);
		expect(norce.sandbox.orders.get(orderIds[0])!.payments[0].adapterId).toBe('adapter_0');
	});

	it.each([
		['invalid JSON', '{"adapterId": ', 'JSON Body is not valid JSON (item 0)'],
		['an array', '[{"adapterId": "a"}]', 'JSON Body must be a JSON object, not array (item 0)'],
	])('refuses %s before any request', async (_name, jsonBody, message) => {
		const result = await create(DEMO.validOrderId, jsonBody);

		expect(result.error).toMatchObject({ message, name: 'NodeOperationError' });
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports a payment Norce refuses and an unknown order', async () => {
		const refused = await create(DEMO.validOrderId, '{"amount": "100"}');
		expect(refused.error).toMatchObject({
			message: `Norce Checkout rejected the request for a new payment on order "${DEMO.validOrderId}" [400 bad-request]`,
			httpCode: '400',
		});
		expect(refused.error?.description).toContain(
			"Norce said: Payment field 'amount' must be a number.",
		);

		const unknown = await create('o_missing', '{"adapterId": "a"}');
		expect(unknown.error?.message).toBe(
			'Not found: a new payment on order "o_missing" [404 order-not-found]',
		);
	});

	it('does not repeat the POST after a dropped connection', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'payment.create' } });
		const result = await create(DEMO.validOrderId, '{"adapterId": "a"}');

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0]);
		expect(result.error?.message).toBe(
			`Could not reach Norce Checkout for a new payment on order "${DEMO.validOrderId}": the connection was reset`,
		);
		expect(result.error?.description).toContain('not retried after a connection failure');
	});
});

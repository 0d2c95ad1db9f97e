import { API, DEMO, placedOrders, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const BODY =
	'{"adapterId":"walley_checkout_adapter","state":"captured","amount":1,"reference":"psp-9"}';

const update = (paymentId: string, jsonBody = BODY) =>
	norce.run({
		resource: 'payment',
		operation: 'update',
		orderId: DEMO.validOrderId,
		paymentId,
		jsonBody,
	});

describe('payment update', () => {
	it('puts the whole payment and outputs the payment Norce answers with', async () => {
		const result = await update(DEMO.paymentId, JSON.stringify(JSON.parse(BODY), null, 2));

		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox)).toEqual([
			`PUT ${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}`,
		]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe(BODY);
		const [stored] = norce.sandbox.orders.get(DEMO.validOrderId)!.payments;
		expect(stored).toMatchObject({ id: DEMO.paymentId, state: 'captured', reference: 'psp-9' });
		expect(result.output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
	});

	it('updates the payment of each item, outputs in input order', async () => {
		const orders = placedOrders(norce.sandbox, 3);
		const result = await norce.run(
			{
				resource: 'payment',
				operation: 'update',
				orderId: '={{ $json.order }}',
				paymentId: '={{ $json.payment }}',
				jsonBody: '={{ JSON.stringify({ adapterId: "a", reference: $json.ref }) }}',
			},
			{
				items: orders.map((order, index) => ({
					order: order.id,
					payment: order.payments[0].id,
					ref: `ref-${index}`,
				})),
			},
		);

		expect(
			result.output.map((item) => [item.json.orderId, item.json.reference, item.pairedItem]),
		).toEqual(orders.map((order, index) => [order.id, `ref-${index}`, { item: index }]));
	});

	it('refuses a JSON Body that is a string, before any request', async () => {
		const result = await update(DEMO.paymentId, '"captured"');

		expect(result.error?.message).toBe('JSON Body must be a JSON object, not string (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports an unknown payment and a state Norce does not know', async () => {
		const unknown = await update('p_missing');
		expect(unknown.error?.message).toBe(
			`Not found: payment "p_missing" on order "${DEMO.validOrderId}" [404 payment-not-found]`,
		);

		const refused = await update(DEMO.paymentId, '{"adapterId": "a", "state": "paid"}');
		expect(refused.error?.message).toBe(
			`Norce Checkout rejected the request for payment "${DEMO.paymentId}" on order "${DEMO.validOrderId}" [400 bad-request]`,
		);
		expect(refused.error?.description).toContain("Payment field 'state' must be one of");
	});

	it('repeats the PUT after a dropped connection', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'payment.update' } });
		const result = await update(DEMO.paymentId);

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0, 200]);
		expect(norce.sandbox.requests[1].body).toBe(BODY);
		expect(result.output[0].json).toMatchObject({ id: DEMO.paymentId, state: 'captured' });
	});
});

import {
	API,
	DEMO,
	ODD_TAIL,
	ODD_TAIL_SEGMENT,
	placedOrders,
	SPECIAL_ORDER_SEGMENT,
	useNorceSandbox,
	wire,
} from '../operationTests';

const norce = useNorceSandbox();

const get = (orderId: string, paymentId: string) =>
	norce.run({ resource: 'payment', operation: 'get', orderId, paymentId });

describe('payment get', () => {
	it('returns the payment, with its actions, as one item', async () => {
		const result = await get(DEMO.validOrderId, DEMO.paymentId);

		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}`,
		]);
		expect(request.body).toBe('');
		expect(request.headers['content-type']).toBeUndefined();
		const [payment] = norce.sandbox.orders.get(DEMO.validOrderId)!.payments;
		expect(result.output).toEqual([{ json: payment, pairedItem: { item: 0 } }]);
		expect(payment.actions?.map((action) => action.id)).toContain(DEMO.paymentActionId);
	});

	it('reads the payment of each item, outputs in input order', async () => {
		const orders = placedOrders(norce.sandbox, 3);
		const result = await norce.run(
			{
				resource: 'payment',
				operation: 'get',
				orderId: '={{ $json.order }}',
				paymentId: '={{ $json.payment }}',
			},
			{ items: orders.map((order) => ({ order: order.id, payment: order.payments[0].id })) },
		);

		expect(result.output.map((item) => [item.json.id, item.json.orderId, item.pairedItem])).toEqual(
			orders.map((order, index) => [order.payments[0].id, order.id, { item: index }]),
		);
	});

	it('percent-encodes both ids into one path segment each', async () => {
		const order = norce.sandbox.orders.get(DEMO.specialCharsOrderId)!;
		const [template] = norce.sandbox.orders.get(DEMO.validOrderId)!.payments;
		order.payments = [{ ...template, id: `p_${ODD_TAIL}`, orderId: order.id }];
		const result = await get(order.id, `p_${ODD_TAIL}`);

		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${SPECIAL_ORDER_SEGMENT}/payments/p_${ODD_TAIL_SEGMENT}`,
		]);
		expect(result.output[0].json.id).toBe(`p_${ODD_TAIL}`);
	});

	it('names an unknown payment on 404', async () => {
		const result = await get(DEMO.validOrderId, 'p_missing');

		expect(result.error).toMatchObject({
			message: `Not found: payment "p_missing" on order "${DEMO.validOrderId}" [404 payment-not-found]`,
			httpCode: '404',
		});
	});
});

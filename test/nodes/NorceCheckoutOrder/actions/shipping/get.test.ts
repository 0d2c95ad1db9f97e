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

const get = (orderId: string, shippingId: string) =>
	norce.run({ resource: 'shipping', operation: 'get', orderId, shippingId });

describe('shipping get', () => {
	it('returns the shipping as one item', async () => {
		const result = await get(DEMO.validOrderId, DEMO.shippingId);

		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}/shippings/${DEMO.shippingId}`,
		]);
		const [shipping] = norce.sandbox.orders.get(DEMO.validOrderId)!.shippings;
		expect(shipping.reference).toBe(DEMO.shippingReference);
		expect(result.output).toEqual([{ json: shipping, pairedItem: { item: 0 } }]);
	});

	it('reads the shipping of each item, outputs in input order', async () => {
		const orders = placedOrders(norce.sandbox, 3);
		const result = await norce.run(
			{
				resource: 'shipping',
				operation: 'get',
				orderId: '={{ $json.order }}',
				shippingId: '={{ $json.shipping }}',
			},
			{ items: orders.map((order) => ({ order: order.id, shipping: order.shippings[0].id })) },
		);

		expect(result.output).toEqual(
			orders.map((order, index) => ({ json: order.shippings[0], pairedItem: { item: index } })),
		);
	});

	it('percent-encodes both ids into one path segment each', async () => {
		const order = norce.sandbox.orders.get(DEMO.specialCharsOrderId)!;
		order.shippings = [{ ...order.shippings[0], id: `s_${ODD_TAIL}` }];
		const result = await get(order.id, `s_${ODD_TAIL}`);

		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${SPECIAL_ORDER_SEGMENT}/shippings/s_${ODD_TAIL_SEGMENT}`,
		]);
		expect(result.output[0].json.id).toBe(`s_${ODD_TAIL}`);
	});

	it('names an unknown shipping on 404', async () => {
		const result = await get(DEMO.validOrderId, 's_missing');

		expect(result.error).toMatchObject({
			message: `Not found: shipping "s_missing" on order "${DEMO.validOrderId}" [404 shipping-not-found]`,
			httpCode: '404',
		});
	});
});

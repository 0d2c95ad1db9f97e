import { API, DEMO, placedOrders, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

describe('shipping getMany', () => {
	it('outputs one item per shipping, never the list, each paired to its order item', async () => {
		const [first, second] = placedOrders(norce.sandbox, 2);
		const pickup = { ...second.shippings[0], id: 's_pickup', reference: 'SHP-PICKUP' };
		second.shippings = [...second.shippings, pickup];
		const result = await norce.run(
			{ resource: 'shipping', operation: 'getMany', orderId: '={{ $json.id }}' },
			{ items: [{ id: first.id }, { id: second.id }] },
		);

		expect(wire(norce.sandbox).sort()).toEqual(
			[
				`GET ${API}/orders/${first.id}/shippings`,
				`GET ${API}/orders/${second.id}/shippings`,
			].sort(),
		);
		expect(result.output).toEqual([
			{ json: first.shippings[0], pairedItem: { item: 0 } },
			{ json: second.shippings[0], pairedItem: { item: 1 } },
			{ json: pickup, pairedItem: { item: 1 } },
		]);
	});

	it('outputs nothing for an order without shippings', async () => {
		norce.sandbox.orders.get(DEMO.validOrderId)!.shippings = [];
		const result = await norce.run({
			resource: 'shipping',
			operation: 'getMany',
			orderId: DEMO.validOrderId,
		});

		expect(result.error).toBeUndefined();
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([200]);
		expect(result.output).toEqual([]);
	});

	it('names the order when it is not found', async () => {
		const result = await norce.run({
			resource: 'shipping',
			operation: 'getMany',
			orderId: DEMO.otherChannelOrderId,
		});

		expect(result.error?.message).toBe(
			`Not found: the shippings of order "${DEMO.otherChannelOrderId}" [404 order-not-found]`,
		);
	});
});

import { API, DEMO, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const item = (sku: string, includingVat: number) => ({
	sku,
	total: { includingVat, excludingVat: includingVat * 0.8 },
});

describe('order.updateCart', () => {
	it('replaces the cart with the JSON Body; the order total follows', async () => {
		const orderId = DEMO.checkoutOrderId;
		const jsonBody = JSON.stringify(
			{ reference: 'basket-9', items: [item('SKU-1', 100)] },
			null,
			2,
		);
		const result = await norce.run({ operation: 'updateCart', orderId, jsonBody });

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `PUT ${API}/orders/${orderId}/cart`,
				contentType: 'application/json',
				body: '{"reference":"basket-9","items":[{"sku":"SKU-1","total":{"includingVat":100,"excludingVat":80}}]}',
			},
		]);
		expect(result.output).toEqual(paired({ orderId, success: true }));
		const order = norce.sandbox.orders.get(orderId);
		expect(order?.cart).toMatchObject({ reference: 'basket-9', items: [{ sku: 'SKU-1' }] });
		expect(order?.cart.items[0].id).toMatch(/^ci_/);
		expect(order?.total).toEqual({ includingVat: 149, excludingVat: 119.2 }); // + shipping 49
	});

	it('takes each item’s cart from an expression, in input order', async () => {
		const items = [
			{ id: DEMO.checkoutOrderId, cart: { reference: 'basket-x', items: [item('X', 10)] } },
			{ id: DEMO.specialCharsOrderId, cart: { reference: 'basket-y', items: [] } },
		];
		const result = await norce.run(
			{ operation: 'updateCart', orderId: '={{ $json.id }}', jsonBody: '={{ $json.cart }}' },
			{ items },
		);

		expect(result.output).toEqual(
			paired(...items.map(({ id }) => ({ orderId: id, success: true }))),
		);
		for (const { id, cart } of items) {
			expect(norce.sandbox.orders.get(id)?.cart.reference).toBe(cart.reference);
		}
	});

	it('reports a cart reference another order uses as a 409 conflict', async () => {
		const orderId = DEMO.checkoutOrderId;
		const jsonBody = JSON.stringify({ reference: DEMO.validOrderCartReference });
		const result = await norce.run({ operation: 'updateCart', orderId, jsonBody });

		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for the cart of order "${orderId}" [409 order-conflict]`,
			httpCode: '409',
		});
	});

	it('names the cart of an order Norce does not know', async () => {
		const result = await norce.run({
			operation: 'updateCart',
			orderId: 'o_missing',
			jsonBody: '{}',
		});

		expect(result.error?.message).toBe(
			'Not found: the cart of order "o_missing" [404 order-not-found]',
		);
	});

	it('refuses a JSON Body that is an array, before any request', async () => {
		const result = await norce.run({
			operation: 'updateCart',
			orderId: DEMO.checkoutOrderId,
			jsonBody: '[{"sku":"SKU-1"}]',
		});

		expect(result.error?.message).toBe('JSON Body must be a JSON object, not array (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});
});

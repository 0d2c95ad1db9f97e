import { API, DEMO, expectNotRepeated, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const orderWithCart = (reference: string) =>
	[...norce.sandbox.orders.values()].find((order) => order.cart.reference === reference);

describe('order.create', () => {
	it.each(['object', 'string'] as const)(
		'creates the order and reads its ID from a 201 %s answer',
		async (shape) => {
			norce.sandbox.setCreateOrderResponse(shape);
			const jsonBody = JSON.stringify(
				{ currency: 'SEK', cart: { reference: 'basket-1' } },
				null,
				2,
			);
			const result = await norce.run({ operation: 'create', jsonBody });

			expect(sent(norce.sandbox)).toEqual([
				{
					request: `POST ${API}/orders`,
					contentType: 'application/json',
					body: '{"currency":"SEK","cart":{"reference":"basket-1"}}',
				},
			]);
			const created = orderWithCart('basket-1');
			expect(created).toMatchObject({ channel: 'se', state: { currentStatus: 'checkout' } });
			expect(result.output).toEqual(paired({ orderId: created?.id, success: true }));
		},
	);

	it('creates one order per item, each output paired to its item', async () => {
		const carts = ['basket-a', 'basket-b', 'basket-c'];
		const result = await norce.run(
			{ operation: 'create', jsonBody: '={{ $json.order }}' },
			{ items: carts.map((reference) => ({ order: { cart: { reference } } })) },
		);

		expect(result.output).toEqual(
			paired(
				...carts.map((reference) => ({ orderId: orderWithCart(reference)?.id, success: true })),
			),
		);
		expect(norce.sandbox.orders.size).toBe(DEMO.counts.total + carts.length);
	});

	it.each(['reset', 'close'] as const)(
		'is not sent again after a dropped connection (%s)',
		async (mode) => {
			norce.sandbox.addFault({
				kind: 'drop',
				mode,
				times: 1,
				match: { operation: 'order.create' },
			});
			const result = await norce.run({ operation: 'create', jsonBody: '{"cart":{}}' });

			expectNotRepeated(norce, result);
			expect(norce.sandbox.orders.size).toBe(DEMO.counts.total);
		},
	);

	it('reports a cart reference that is taken as a 409 conflict', async () => {
		const jsonBody = JSON.stringify({ cart: { reference: DEMO.validOrderCartReference } });
		const result = await norce.run({ operation: 'create', jsonBody });

		expect(result.error).toMatchObject({
			message: 'Norce Checkout rejected the request for the new order [409 order-conflict]',
			httpCode: '409',
		});
		expect(norce.sandbox.orders.size).toBe(DEMO.counts.total);
	});

	it('fails clearly when the 201 answer carries no order ID', async () => {
		norce.sandbox.addFault({ kind: 'status', status: 201, body: 'empty' });
		const result = await norce.run({ operation: 'create', jsonBody: '{}' });

		expect(result.error?.message).toBe(
			'Norce Checkout created the order but sent no order ID [HTTP 201]',
		);
		expect(result.error?.description).toContain('Get Many (Cart Reference)');
	});

	it('refuses a JSON Body that is not valid JSON, before any request', async () => {
		const result = await norce.run({ operation: 'create', jsonBody: '{"cart": {' });

		expect(result.error?.message).toBe('JSON Body is not valid JSON (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});
});

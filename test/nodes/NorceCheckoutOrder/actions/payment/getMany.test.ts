import {
	API,
	DEMO,
	placedOrders,
	SPECIAL_ORDER_SEGMENT,
	useNorceSandbox,
	wire,
} from '../operationTests';

const norce = useNorceSandbox();

describe('payment getMany', () => {
	it('outputs one item per payment, never the list, each paired to its order item', async () => {
		const [first, second] = placedOrders(norce.sandbox, 2);
		const voucher = { ...first.payments[0], id: 'p_voucher', type: 'voucher' };
		first.payments = [...first.payments, voucher];
		const result = await norce.run(
			{ resource: 'payment', operation: 'getMany', orderId: '={{ $json.id }}' },
			{ items: [{ id: first.id }, { id: DEMO.specialCharsOrderId }, { id: second.id }] },
		);

		expect(wire(norce.sandbox).sort()).toEqual(
			[
				`GET ${API}/orders/${first.id}/payments`,
				`GET ${API}/orders/${SPECIAL_ORDER_SEGMENT}/payments`,
				`GET ${API}/orders/${second.id}/payments`,
			].sort(),
		);
		// The order in checkout has no payment yet: its item yields nothing.
		expect(result.output).toEqual([
			{ json: first.payments[0], pairedItem: { item: 0 } },
			{ json: voucher, pairedItem: { item: 0 } },
			{ json: second.payments[0], pairedItem: { item: 2 } },
		]);
	});

	it('names the order when it is not found', async () => {
		const result = await norce.run({
			resource: 'payment',
			operation: 'getMany',
			orderId: 'o_missing',
		});

		expect(result.error?.message).toBe(
			'Not found: the payments of order "o_missing" [404 order-not-found]',
		);
	});
});

import { API, DEMO, paired, sent, SPECIAL_ORDER_SEGMENT, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

describe('order.delete', () => {
	it('deletes the order under its percent-encoded ID, without a body', async () => {
		const orderId = DEMO.specialCharsOrderId;
		const result = await norce.run({ operation: 'delete', orderId });

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `DELETE ${API}/orders/${SPECIAL_ORDER_SEGMENT}`,
				contentType: undefined,
				body: '',
			},
		]);
		expect(norce.sandbox.requests[0].status).toBe(204);
		expect(result.output).toEqual(paired({ orderId, success: true }));
		expect(norce.sandbox.orders.has(orderId)).toBe(false);
	});

	it('deletes the order of each item, in input order', async () => {
		const ids = [DEMO.warningOrderId, DEMO.declinedOrderId, DEMO.validOrderId];
		const result = await norce.run(
			{ operation: 'delete', orderId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })) },
		);

		expect(result.output).toEqual(paired(...ids.map((orderId) => ({ orderId, success: true }))));
		expect(ids.filter((id) => norce.sandbox.orders.has(id))).toEqual([]);
		expect(norce.sandbox.orders.size).toBe(DEMO.counts.total - ids.length);
	});

	it('names the order Norce does not know', async () => {
		const result = await norce.run({ operation: 'delete', orderId: 'o_missing' });

		expect(result.error).toMatchObject({
			message: 'Not found: order "o_missing" [404 order-not-found]',
			httpCode: '404',
		});
	});
});

import { API, DEMO, paired, sent, statuses, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const STATUSES = ['checkout', 'processing', 'accepted', 'completed', 'declined', 'removed'];

describe('order.updateState', () => {
	it.each(STATUSES)('moves the order to %s with a new transition', async (status) => {
		const before = norce.sandbox.orders.get(DEMO.validOrderId)!.state.transitions.length;
		const result = await norce.run({
			operation: 'updateState',
			orderId: DEMO.validOrderId,
			status,
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `PUT ${API}/orders/${DEMO.validOrderId}/state`,
				contentType: 'application/json',
				body: `{"currentStatus":"${status}"}`,
			},
		]);
		expect(result.output).toEqual(paired({ orderId: DEMO.validOrderId, status, success: true }));
		const state = norce.sandbox.orders.get(DEMO.validOrderId)?.state;
		expect(state?.currentStatus).toBe(status);
		expect(state?.transitions).toHaveLength(before + 1);
		expect(state?.transitions.at(-1)).toEqual({ status, timeStamp: expect.any(String) });
	});

	it('marks a 202 answer as accepted', async () => {
		norce.sandbox.setStateUpdateStatus(202);
		const result = await norce.run({
			operation: 'updateState',
			orderId: DEMO.validOrderId,
			status: 'completed',
		});

		expect(statuses(norce.sandbox)).toEqual([202]);
		expect(result.output[0].json).toEqual({
			orderId: DEMO.validOrderId,
			status: 'completed',
			success: true,
			accepted: true,
		});
	});

	it('takes order and status from each item, in input order', async () => {
		const items = [
			{ id: DEMO.warningOrderId, status: 'accepted' },
			{ id: DEMO.checkoutOrderId, status: 'declined' },
			{ id: DEMO.validOrderId, status: 'completed' },
		];
		const result = await norce.run(
			{ operation: 'updateState', orderId: '={{ $json.id }}', status: '={{ $json.status }}' },
			{ items },
		);

		expect(result.output).toEqual(
			paired(...items.map(({ id, status }) => ({ orderId: id, status, success: true }))),
		);
		for (const { id, status } of items) {
			expect(norce.sandbox.orders.get(id)?.state.currentStatus).toBe(status);
		}
	});

	it('refuses a status from an expression that Norce does not know, before any request', async () => {
		const result = await norce.run(
			{ operation: 'updateState', orderId: DEMO.validOrderId, status: '={{ $json.status }}' },
			{ items: [{ status: 'shipped' }] },
		);

		expect(result.error?.message).toBe(
			'Status "shipped" is not one of checkout, processing, accepted, completed, declined, removed (item 0)',
		);
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports the 400 of a status change Norce refuses', async () => {
		const orderId = DEMO.requiredConsentOrderId;
		const result = await norce.run({ operation: 'updateState', orderId, status: 'processing' });

		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for order "${orderId}" [400 consent-required]`,
			httpCode: '400',
		});
		expect(result.error?.description).toContain(
			`Consent '${DEMO.requiredConsentId}' must be checked`,
		);
		expect(norce.sandbox.orders.get(orderId)?.state.currentStatus).toBe('checkout');
	});
});

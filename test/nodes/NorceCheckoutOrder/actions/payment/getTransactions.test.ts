import { API, DEMO, placedOrders, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const transactionsOf = (orderId: string, paymentId: string) =>
	norce.sandbox.orders.get(orderId)!.paymentTransactions?.[paymentId] ?? [];

const getTransactions = (paymentId: string) =>
	norce.run({
		resource: 'payment',
		operation: 'getTransactions',
		orderId: DEMO.validOrderId,
		paymentId,
	});

describe('payment getTransactions', () => {
	it('outputs one item per transaction, oldest first', async () => {
		const result = await getTransactions(DEMO.paymentId);

		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}/transactions`,
		]);
		expect(result.output).toHaveLength(DEMO.paymentTransactionCount);
		expect(result.output).toEqual(
			transactionsOf(DEMO.validOrderId, DEMO.paymentId).map((json) => ({
				json,
				pairedItem: { item: 0 },
			})),
		);
		expect(result.output.map((item) => item.json.event)).toEqual(['open', 'process', 'confirm']);
	});

	it('pairs the transactions of each item with that item, in input order', async () => {
		const orders = placedOrders(norce.sandbox, 3);
		const result = await norce.run(
			{
				resource: 'payment',
				operation: 'getTransactions',
				orderId: '={{ $json.order }}',
				paymentId: '={{ $json.payment }}',
			},
			{ items: orders.map((order) => ({ order: order.id, payment: order.payments[0].id })) },
		);

		expect(result.output.length).toBeGreaterThanOrEqual(3 * orders.length);
		expect(result.output).toEqual(
			orders.flatMap((order, index) =>
				transactionsOf(order.id, order.payments[0].id).map((json) => ({
					json,
					pairedItem: { item: index },
				})),
			),
		);
	});

	it('names the payment when it is not found', async () => {
		const result = await getTransactions('p_missing');

		expect(result.error?.message).toBe(
			`Not found: the transactions of payment "p_missing" on order "${DEMO.validOrderId}" [404 payment-not-found]`,
		);
	});
});

import { API, DEMO, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const CAPTURE = '{"event":"capture","amount":100,"isSuccess":true,"pspStatus":"CAPTURED"}';

const addTransaction = (jsonBody: string, paymentId: string = DEMO.paymentId) =>
	norce.run({
		resource: 'payment',
		operation: 'addTransaction',
		orderId: DEMO.validOrderId,
		paymentId,
		jsonBody,
	});
const stored = () =>
	norce.sandbox.orders.get(DEMO.validOrderId)!.paymentTransactions![DEMO.paymentId];

describe('payment addTransaction', () => {
	it('posts the transaction and outputs the one Norce recorded', async () => {
		const result = await addTransaction(JSON.stringify(JSON.parse(CAPTURE), null, 2));

		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox)).toEqual([
			`POST ${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}/transactions`,
		]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe(CAPTURE);
		expect(stored()).toHaveLength(DEMO.paymentTransactionCount + 1);
		const recorded = stored()[DEMO.paymentTransactionCount];
		expect(recorded).toMatchObject({ ...JSON.parse(CAPTURE), created: expect.any(String) });
		expect(result.output).toEqual([{ json: recorded, pairedItem: { item: 0 } }]);
	});

	it('records one transaction per item, outputs in input order', async () => {
		const result = await norce.run(
			{
				resource: 'payment',
				operation: 'addTransaction',
				orderId: DEMO.validOrderId,
				paymentId: DEMO.paymentId,
				jsonBody: '={{ JSON.stringify({ event: $json.event, pspEvent: $json.psp }) }}',
				options: { concurrency: 1 },
			},
			{
				items: [
					{ event: 'capture', psp: 'c-1' },
					{ event: 'refund', psp: 'r-1' },
				],
			},
		);

		expect(result.output.map((item) => [item.json.pspEvent, item.pairedItem])).toEqual([
			['c-1', { item: 0 }],
			['r-1', { item: 1 }],
		]);
		expect(
			stored()
				.slice(-2)
				.map((transaction) => transaction.event),
		).toEqual(['capture', 'refund']);
	});

	it('refuses a body that is not JSON before any request', async () => {
		const result = await addTransaction('event=capture');

		expect(result.error?.message).toBe('JSON Body is not valid JSON (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports a transaction without a known event and an unknown payment', async () => {
		const refused = await addTransaction('{"event": "charge"}');
		expect(refused.error?.message).toBe(
			`Norce Checkout rejected the request for payment "${DEMO.paymentId}" on order "${DEMO.validOrderId}" [400 bad-request]`,
		);
		expect(refused.error?.description).toContain("Transaction field 'event' must be one of");

		const unknown = await addTransaction(CAPTURE, 'p_missing');
		expect(unknown.error?.message).toBe(
			`Not found: payment "p_missing" on order "${DEMO.validOrderId}" [404 payment-not-found]`,
		);
	});

	it('does not repeat the POST after a dropped connection', async () => {
		norce.sandbox.addFault({
			kind: 'drop',
			times: 1,
			match: { operation: 'payment.addTransaction' },
		});
		const result = await addTransaction(CAPTURE);

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0]);
		expect(result.error?.description).toContain('not retried after a connection failure');
		expect(stored()).toHaveLength(DEMO.paymentTransactionCount);
	});
});

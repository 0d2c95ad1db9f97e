import { API, DEMO, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const PATH = `${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}/actions`;

const execute = (actionId: string) =>
	norce.run({
		resource: 'payment',
		operation: 'executeAction',
		orderId: DEMO.validOrderId,
		paymentId: DEMO.paymentId,
		actionId,
	});
const executedTypes = () =>
	(norce.sandbox.orders.get(DEMO.validOrderId)!.paymentTransactions?.[DEMO.paymentId] ?? [])
		.filter((transaction) => transaction.event === 'paymentAction')
		.map((transaction) => transaction.pspEvent);

describe('payment executeAction', () => {
	it('posts without a body and answers with the ids', async () => {
		const result = await execute(DEMO.paymentActionId);

		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox).filter((line) => line.startsWith('POST'))).toEqual([
			`POST ${PATH}/${DEMO.paymentActionId}/execute`,
		]);
		expect(request.body).toBe('');
		expect(request.headers).toMatchObject({ 'content-length': '0' });
		expect(request.headers['content-type']).toBeUndefined();
		expect(executedTypes()).toEqual(['capture']);
		expect(result.output).toMatchObject([
			{
				json: {
					orderId: DEMO.validOrderId,
					paymentId: DEMO.paymentId,
					actionId: DEMO.paymentActionId,
					success: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('executes the action of each item, outputs in input order', async () => {
		const [capture, cancel] = norce.sandbox.orders.get(DEMO.validOrderId)!.payments[0].actions!;
		const result = await norce.run(
			{
				resource: 'payment',
				operation: 'executeAction',
				orderId: DEMO.validOrderId,
				paymentId: DEMO.paymentId,
				actionId: '={{ $json.action }}',
				options: { concurrency: 1 },
			},
			{ items: [{ action: cancel.id }, { action: capture.id }] },
		);

		expect(wire(norce.sandbox).filter((line) => line.startsWith('POST'))).toEqual([
			`POST ${PATH}/${cancel.id}/execute`,
			`POST ${PATH}/${capture.id}/execute`,
		]);
		expect(result.output.map((item) => [item.json.actionId, item.pairedItem])).toEqual([
			[cancel.id, { item: 0 }],
			[capture.id, { item: 1 }],
		]);
		expect(executedTypes()).toEqual(['cancel', 'capture']);
	});

	it('names an unknown action on 404, percent-encoded in the path', async () => {
		const result = await execute('pa_?#');

		expect(wire(norce.sandbox)).toEqual([`POST ${PATH}/pa_%3F%23/execute`]);
		expect(result.error?.message).toBe(
			`Not found: action "pa_?#" of payment "${DEMO.paymentId}" on order "${DEMO.validOrderId}" [404 payment-action-not-found]`,
		);
	});

	it('never repeats the POST after a dropped connection: money could move twice', async () => {
		norce.sandbox.addFault({
			kind: 'drop',
			times: 1,
			match: { operation: 'payment.executeAction' },
		});
		const result = await execute(DEMO.paymentActionId);

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0]);
		expect(result.error?.description).toContain('not retried after a connection failure');
		expect(executedTypes()).toEqual([]);
	});
});

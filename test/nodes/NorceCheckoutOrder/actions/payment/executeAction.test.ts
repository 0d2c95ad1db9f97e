import { NorceCheckoutOrder } from '../../../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import { API_KEY } from '../../../../helpers/norceFixture';
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

// The output: the ids and success as before, plus the action that ran (type, adapter) and the
// payment as Norce holds it after the action (one read after the POST).
const PAYMENT = `${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}`;

describe('payment executeAction output', () => {
	it('names the action that ran and gives the payment as Norce holds it afterwards', async () => {
		const held = norce.sandbox.orders.get(DEMO.validOrderId)!.payments[0];
		const ran = held.actions!.find((entry) => entry.id === DEMO.paymentActionId)!;
		const result = await execute(DEMO.paymentActionId);

		expect(wire(norce.sandbox)).toEqual([
			`POST ${PAYMENT}/actions/${DEMO.paymentActionId}/execute`,
			`GET ${PAYMENT}`,
		]);
		const [item] = result.output;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			orderId: DEMO.validOrderId,
			paymentId: DEMO.paymentId,
			actionId: DEMO.paymentActionId,
			success: true,
			action: { id: DEMO.paymentActionId, type: ran.type, adapterId: ran.adapterId },
		});
		expect(ran.type).toBe('capture');
		// the payment read after the POST, exactly as the sandbox now holds it
		const after = norce.sandbox.orders.get(DEMO.validOrderId)!.payments[0];
		expect(item.json.payment).toEqual(JSON.parse(JSON.stringify(after)));
		expect(item.json.paymentReadError).toBeUndefined();
	});

	it('a failed read afterwards does not fail the item: the action ran, the item says so', async () => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 500,
			times: 1,
			match: { operation: 'payment.get' },
		});
		const result = await execute(DEMO.paymentActionId);

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)[0]).toBe(`POST ${PAYMENT}/actions/${DEMO.paymentActionId}/execute`);
		const [item] = result.output;
		expect(item.json).toMatchObject({
			orderId: DEMO.validOrderId,
			paymentId: DEMO.paymentId,
			actionId: DEMO.paymentActionId,
			success: true,
			action: { id: DEMO.paymentActionId },
		});
		expect(item.json.payment).toBeUndefined();
		expect(item.json.paymentReadError).toMatch(
			/^The action ran, but reading the payment afterwards failed: .*500.*do not run the action again\.$/,
		);
		expect(JSON.stringify(result.output)).not.toContain(API_KEY);
	});

	it('a failed execute reads nothing more', async () => {
		const result = await execute('pa_unknown');

		expect(wire(norce.sandbox)).toEqual([`POST ${PAYMENT}/actions/pa_unknown/execute`]);
		expect(result.error?.message).toContain('[404 payment-action-not-found]');
	});

	it('the panel says that money may move, for Execute Action only', () => {
		const notices = new NorceCheckoutOrder().description.properties.filter(
			(property) => property.type === 'notice' && /money may move/.test(property.displayName),
		);
		expect(notices).toHaveLength(1);
		expect(notices[0].displayOptions?.show).toEqual({
			resource: ['payment'],
			operation: ['executeAction'],
		});
	});
});

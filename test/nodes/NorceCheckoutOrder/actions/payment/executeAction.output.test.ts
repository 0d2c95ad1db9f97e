// Execute Action's output: the ids and success as before, plus the action that ran (type,
// adapter) and the payment as Norce holds it after the action (one read after the POST).
import { NorceCheckoutOrder } from '../../../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import { DEMO } from '../../../../sandbox';
import { API, API_KEY, useNorceSandbox, wire } from '../../../../helpers/norceFixture';

const norce = useNorceSandbox();

const PAYMENT = `${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}`;

const execute = (actionId: string) =>
	norce.run({
		resource: 'payment',
		operation: 'executeAction',
		orderId: DEMO.validOrderId,
		paymentId: DEMO.paymentId,
		actionId,
	});

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

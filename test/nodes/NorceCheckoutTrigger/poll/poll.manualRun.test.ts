/**
 * The polling trigger's manual test run ("Fetch Test Event"): the newest matching event, or an
 * error that says why there is none and what to change; never an empty answer. Through n8n-core's
 * PollContext over real HTTP against the sandbox, the clock injected.
 */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_RETRY_TIMING, useNorceSandbox } from '../../../helpers/norceFixture';
import { createPoller } from '../../../helpers/pollRuntime';

const norce = useNorceSandbox();

/** Later than every (fixed-date) demo order: the last day holds only the orders a test creates. */
const START = Date.parse('2026-12-10T08:00:00.000Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function manualRun(parameters: INodeParameters) {
	const poller = createPoller({
		parameters,
		credentials: norce.credentials,
		dependencies: { timing: TEST_RETRY_TIMING, now: () => START },
	});
	try {
		const result = await poller.poll('manual');
		return { result, staticData: poller.staticData };
	} catch (error) {
		return { error: error as Error & { description?: string }, staticData: poller.staticData };
	}
}

const createOrder = (createdMs: number) =>
	norce.sandbox.createOrder({ created: iso(createdMs) }) as { id: string };

describe('a manual test run of Order Status Changed', () => {
	it('with no orders in the lookback window says so, and which option widens it', async () => {
		const { error, result } = await manualRun({
			statuses: ['completed'],
			options: { lookbackDays: 1 },
		});

		expect(result).toBeUndefined();
		expect(error?.message).toBe(
			'No orders created in the last 1 day on channel "se", so no status change to show',
		);
		expect(error?.description).toContain('Change Statuses or Options → Lookback Days');
	});

	it('with orders but no change into the chosen statuses names them, the count and the window', async () => {
		createOrder(START - 60 * MINUTE);
		const moved = createOrder(START - 50 * MINUTE);
		norce.sandbox.setOrderStatus(moved.id, 'processing', iso(START - 40 * MINUTE));

		const { error, staticData } = await manualRun({
			statuses: ['completed', 'declined'],
			options: { lookbackDays: 1 },
		});

		expect(error?.message).toBe(
			'No order changed status into Completed or Declined among the 2 orders created in the last 1 day on channel "se"',
		);
		expect(error?.description).toMatch(
			/^A test run shows the newest status change that would fire\./,
		);
		expect(error?.description).toContain('Order → Update State');
		expect(staticData).toEqual({}); // a test run never touches the trigger's state
	});

	it('without a status filter, says no order changed status at all', async () => {
		createOrder(START - 60 * MINUTE);

		const { error } = await manualRun({ options: { lookbackDays: 1 } });

		expect(error?.message).toBe(
			'No order changed status among the 1 order created in the last 1 day on channel "se"',
		);
		expect(error?.description).toMatch(/Change Options → Lookback Days/);
	});

	it('beyond one page says it read the newest 100 of how many', async () => {
		for (let index = 0; index < 101; index++) createOrder(START - 100 * MINUTE + index * 1000);

		const { error } = await manualRun({ statuses: ['completed'], options: { lookbackDays: 1 } });

		expect(error?.message).toBe(
			'No order changed status into Completed among the 100 newest of the 101 orders created in the last 1 day on channel "se"',
		);
	});

	it('shows the newest matching change when there is one', async () => {
		const order = createOrder(START - 60 * MINUTE);
		norce.sandbox.setOrderStatus(order.id, 'processing', iso(START - 30 * MINUTE));
		norce.sandbox.setOrderStatus(order.id, 'completed', iso(START - 20 * MINUTE));

		const { error, result } = await manualRun({
			statuses: ['completed'],
			options: { lookbackDays: 1 },
		});

		expect(error).toBeUndefined();
		expect(result?.[0].map(({ json }) => [json.orderId, json.status, json.previousStatus])).toEqual(
			[[order.id, 'completed', 'processing']],
		);
	});
});

describe('a manual test run of Order Created', () => {
	it('with no order created in the chosen status names the status and the orders read', async () => {
		const onSe = [...norce.sandbox.orders.values()].filter((order) => order.channel === 'se');
		expect(onSe.length).toBeGreaterThan(1);

		const { error } = await manualRun({ event: 'orderCreated', statuses: ['removed'] });

		expect(error?.message).toBe(
			`No order created in status Removed among the ${onSe.length} newest orders on channel "se"`,
		);
		expect(error?.description).toContain('Change Statuses, or create an order (Order → Create)');
	});

	it('on a channel without orders says so', async () => {
		for (const [id, order] of norce.sandbox.orders)
			if (order.channel === 'no') norce.sandbox.orders.delete(id);

		const { error } = await manualRun({ event: 'orderCreated', options: { channel: 'no' } });

		expect(error?.message).toBe('No orders on channel "no", so no created order to show');
		expect(error?.description).toContain("check the credential's merchant and channel");
	});
});

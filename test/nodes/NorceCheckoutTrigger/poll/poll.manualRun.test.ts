// A manual test run ("Fetch Test Event"): the newest matching event, or why there is none.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { useNorceSandbox } from '../../../helpers/norceFixture';
import { MINUTE, START, iso, pollerOnClock } from '../../../helpers/pollRuntime';
import type { OrderStatus } from '../../../sandbox';

const norce = useNorceSandbox();
const day = { lookbackDays: 1 }; // START is later than every demo order: the day holds ours only

type Run = { result?: INodeExecutionData[][] | null; error?: Error & { description?: string } };
async function manualRun(parameters: INodeParameters) {
	const { poller } = pollerOnClock(norce, parameters);
	// prettier-ignore
	const run: Run = await poller.poll('manual').then((result) => ({ result }), (error) => ({ error }));
	return { ...run, staticData: poller.staticData };
}

const createOrder = (minutesAgo: number, ...moves: Array<[OrderStatus, number]>) => {
	const order = norce.sandbox.createOrder({ created: iso(START - minutesAgo * MINUTE) });
	for (const [status, at] of moves)
		norce.sandbox.setOrderStatus(order.id, status, iso(START - at * MINUTE));
	return order as { id: string };
};

describe('a manual test run of Order Status Changed', () => {
	it.each([
		[
			'no orders in the window: says so, and which option widens it',
			{ statuses: ['completed'] },
			() => {},
			'No orders created in the last 1 day on channel "se", so no status change to show',
			'Change Statuses or Options → Lookback Days',
		],
		[
			'no change into the chosen statuses: names them, the count and the window',
			{ statuses: ['completed', 'declined'] },
			() => createOrder(60) && createOrder(50, ['processing', 40]),
			'No order changed status into Completed or Declined among the 2 orders created in the last 1 day on channel "se"',
			'Order → Update State',
		],
		[
			'no status filter: no order changed status at all',
			{},
			() => createOrder(60),
			'No order changed status among the 1 order created in the last 1 day on channel "se"',
			'Change Options → Lookback Days',
		],
		[
			'beyond one page: the newest 100 of how many',
			{ statuses: ['completed'] },
			() => Array.from({ length: 101 }, (_, index) => createOrder(100 - index / 60)),
			'No order changed status into Completed among the 100 newest of the 101 orders created in the last 1 day on channel "se"',
			'Lookback Days',
		],
	])('%s', async (_name, parameters, seed, message, hint) => {
		seed();
		const { error, result, staticData } = await manualRun({ ...parameters, options: day });
		expect(result).toBeUndefined();
		expect(error?.message).toBe(message);
		expect(error?.description).toContain(hint);
		expect(staticData).toEqual({}); // a test run never touches the trigger's state
	});

	it('shows the newest matching change when there is one', async () => {
		const order = createOrder(60, ['processing', 30], ['completed', 20]);
		const { error, result } = await manualRun({ statuses: ['completed'], options: day });
		expect(error).toBeUndefined();
		const shown = result?.[0].map(({ json }) => [json.orderId, json.status, json.previousStatus]);
		expect(shown).toEqual([[order.id, 'completed', 'processing']]);
	});
});

describe('a manual test run of Order Created', () => {
	it('with no order created in the chosen status names the status and the orders read', async () => {
		const onSe = [...norce.sandbox.orders.values()].filter((order) => order.channel === 'se');
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

/**
 * The trigger's poll, one behaviour per test, through n8n-core's PollContext over real HTTP
 * against the sandbox. The clock is injected: "now" is whatever the test says.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NorceCheckoutTrigger } from '../../../../nodes/NorceCheckoutTrigger/NorceCheckoutTrigger.node';
import { useNorceSandbox } from '../../../helpers/norceFixture';
import type { ClockOptions } from '../../../helpers/pollRuntime';
import {
	eventsOf as events,
	iso,
	MINUTE,
	pollerOnClock,
	START,
} from '../../../helpers/pollRuntime';

const norce = useNorceSandbox();

const setup = (parameters: INodeParameters, options: ClockOptions = {}) =>
	pollerOnClock(norce, parameters, options);

function createOrder(createdMs: number, extra: IDataObject = {}) {
	return norce.sandbox.createOrder({ created: iso(createdMs), ...extra }) as { id: string };
}

describe('orderCreated', () => {
	const PARAMETERS = { event: 'orderCreated' };

	it('starts from now: the first poll fires nothing, orders created before it never fire', async () => {
		createOrder(START - 10 * MINUTE);
		const { poller } = setup(PARAMETERS);
		expect(await poller.poll()).toBeNull();
		expect(await events(poller)).toEqual([]);
	});

	it('fires each order created between polls once, oldest first, with the simplified fields', async () => {
		const { clock, poller } = setup(PARAMETERS);
		await poller.poll();
		const second = createOrder(START + 2 * MINUTE);
		const first = createOrder(START + MINUTE);
		clock.now += 5 * MINUTE;

		const fired = await events(poller);
		expect(fired.map((event) => event.orderId)).toEqual([first.id, second.id]);
		const fields =
			'cartReference changedAt currency event orderId previousStatus reference status total';
		expect(Object.keys(fired[0]).sort()).toEqual(fields.split(' '));
		expect(fired[0]).toMatchObject({
			event: 'orderCreated',
			status: 'checkout',
			previousStatus: null,
			changedAt: iso(START + MINUTE),
		});
		clock.now += 5 * MINUTE;
		expect(await events(poller)).toEqual([]);
	});

	it('fires an order stamped exactly at the cursor that shows up late, once', async () => {
		const { clock, poller } = setup(PARAMETERS);
		await poller.poll();
		createOrder(START + MINUTE);
		clock.now += 2 * MINUTE;
		expect(await events(poller)).toHaveLength(1); // the cursor is now START + 1 min
		const late = createOrder(START + MINUTE);
		clock.now += 2 * MINUTE;
		expect((await events(poller)).map((event) => event.orderId)).toEqual([late.id]);
		expect(await events(poller)).toEqual([]);
	});

	it('with Simplify off adds the whole order', async () => {
		const { clock, poller } = setup({ ...PARAMETERS, options: { simplify: false } });
		await poller.poll();
		const order = createOrder(START + MINUTE);
		clock.now += 2 * MINUTE;
		const [event] = await events(poller);
		expect((event.order as IDataObject).id).toBe(order.id);
		expect(event.orderId).toBe(order.id);
	});
});

describe('orderStatusChanged', () => {
	it('fires every change once with the status it came from', async () => {
		const { clock, poller } = setup({});
		await poller.poll();
		const order = createOrder(START + MINUTE);
		norce.sandbox.setOrderStatus(order.id, 'processing', iso(START + 2 * MINUTE));
		norce.sandbox.setOrderStatus(order.id, 'accepted', iso(START + 3 * MINUTE));
		clock.now += 5 * MINUTE;

		expect(await events(poller)).toEqual([
			expect.objectContaining({
				event: 'orderStatusChanged',
				orderId: order.id,
				status: 'processing',
				previousStatus: 'checkout',
				changedAt: iso(START + 2 * MINUTE),
			}),
			expect.objectContaining({
				orderId: order.id,
				status: 'accepted',
				previousStatus: 'processing',
			}),
		]);
		norce.sandbox.setOrderStatus(order.id, 'completed', iso(START + 6 * MINUTE));
		clock.now += 5 * MINUTE;
		expect(await events(poller)).toEqual([
			expect.objectContaining({ status: 'completed', previousStatus: 'accepted' }),
		]);
		expect(await events(poller)).toEqual([]);
	});

	it('fires only moves into the chosen statuses', async () => {
		const { clock, poller } = setup({ statuses: ['completed'] });
		await poller.poll();
		const order = createOrder(START + MINUTE);
		norce.sandbox.setOrderStatus(order.id, 'processing', iso(START + 2 * MINUTE));
		norce.sandbox.setOrderStatus(order.id, 'completed', iso(START + 3 * MINUTE));
		clock.now += 5 * MINUTE;
		expect((await events(poller)).map((event) => event.status)).toEqual(['completed']);
	});

	it('does not see orders created before the lookback window', async () => {
		const { clock, poller } = setup({ options: { lookbackDays: 1 } });
		await poller.poll();
		const old = createOrder(START - 2 * 24 * 60 * MINUTE);
		const recent = createOrder(START - 60 * MINUTE);
		norce.sandbox.setOrderStatus(old.id, 'processing', iso(START + MINUTE));
		norce.sandbox.setOrderStatus(recent.id, 'processing', iso(START + MINUTE));
		clock.now += 5 * MINUTE;
		expect((await events(poller)).map((event) => event.orderId)).toEqual([recent.id]);
	});
});

describe('failures and budget', () => {
	it('a failed page fires nothing and moves no cursor; the next poll fires everything', async () => {
		const { clock, poller } = setup({ event: 'orderCreated' });
		await poller.poll();
		norce.sandbox.clearRequests();
		const before = JSON.stringify(poller.staticData);
		const orders = Array.from({ length: 150 }, (_, index) => createOrder(START + MINUTE + index));
		clock.now += 5 * MINUTE;
		// The first page passes (a 0 ms delay), the second fails with a status not retried.
		const match = { operation: 'getMany' as const };
		norce.sandbox.addFault({ kind: 'delay', ms: 0, times: 1, match });
		norce.sandbox.addFault({ kind: 'status', status: 500, times: 1, match });
		await expect(poller.poll()).rejects.toThrow('Norce Checkout failed with a server error [500');
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([200, 500]);
		expect(JSON.stringify(poller.staticData)).toBe(before);
		expect((await events(poller)).map((event) => event.orderId)).toEqual(
			orders.map(({ id }) => id),
		);
	});

	it('stops paging before the poll budget runs out and carries on at the next poll', async () => {
		// Every reading of the clock takes 100 ms: a 300 ms budget allows two pages per poll.
		const { poller } = setup({ event: 'orderCreated' }, { pollBudgetMs: 300, step: 100 });
		await poller.poll();
		const orders = Array.from({ length: 450 }, (_, index) => createOrder(START + MINUTE + index));
		const fired: IDataObject[] = [];
		let polls = 0;
		do {
			fired.push(...(await events(poller)));
			polls++;
		} while ((poller.staticData.norce as IDataObject | undefined)?.pass && polls < 20);

		expect(polls).toBeGreaterThan(1);
		expect(fired.map((event) => event.orderId)).toEqual(orders.map(({ id }) => id));
	});

	it('a manual test run shows the newest matching order and leaves the state alone', async () => {
		const { poller } = setup({ event: 'orderCreated' });
		const newest = createOrder(START - MINUTE);
		createOrder(START - 2 * MINUTE);
		const result = await poller.poll('manual');
		expect(result?.[0].map(({ json }) => json.orderId)).toEqual([newest.id]);
		expect(poller.staticData).toEqual({});
	});

	it('sends the Channel option as x-channel', async () => {
		const { poller } = setup({ event: 'orderCreated', options: { channel: 'no' } });
		await poller.poll('manual');
		expect(norce.sandbox.requests.map((request) => request.headers['x-channel'])).toEqual(['no']);
	});
});

describe('volume', () => {
	it('says in the panel and, above the threshold, in the log that the Notification Trigger fits', async () => {
		const panel = new NorceCheckoutTrigger().description.properties.find(
			(property) => property.type === 'notice',
		);
		expect(panel?.displayName).toContain('Norce Checkout Notification Trigger');
		expect(panel?.displayName).toContain('10,000 orders');
		expect(panel?.displayOptions).toEqual({ show: { event: ['orderStatusChanged'] } });

		// The threshold lowered to 200 orders: 250 in the window cross it.
		const { clock, poller } = setup({ options: { lookbackDays: 1 } }, { volumeNoticeOrders: 200 });
		for (let index = 0; index < 250; index++) createOrder(START - 60 * MINUTE + index * 1000);
		await poller.poll();
		clock.now += 5 * MINUTE;
		await poller.poll(); // within the hour: said once
		expect(poller.warnings).toEqual([
			expect.stringMatching(
				/each poll reads 250 orders \(about 3 requests\)\. Above 200 orders in the window, use the Norce Checkout Notification Trigger/,
			),
		]);
		clock.now += 60 * MINUTE;
		await poller.poll();
		expect(poller.warnings).toHaveLength(2);
	});
});

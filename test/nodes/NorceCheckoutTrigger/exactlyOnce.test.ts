/**
 * The trigger's promise, measured: 1,000 orders created and moved across 20 polls while pages
 * fail at random. Every event must fire exactly once, in time order, on both events.
 */
import type { IDataObject } from 'n8n-workflow';

import { recordFigures } from '../../helpers/figures';
import { TEST_RETRY_TIMING, useNorceSandbox } from '../../helpers/norceFixture';
import { createPoller } from '../../helpers/pollRuntime';
import type { OrderStatus } from '../../sandbox';
import { mulberry32 } from '../../sandbox/prng';

const norce = useNorceSandbox();

const START = Date.parse('2026-12-10T08:00:00.000Z');
const POLLS = 20;
const ORDERS = 1000;
const INTERVAL = 5 * 60_000;
const NEXT: Record<string, OrderStatus> = {
	checkout: 'processing',
	processing: 'accepted',
	accepted: 'completed',
};

it('fires every event exactly once, in order, with random page failures', async () => {
	const random = mulberry32(2026);
	const clock = { now: START };
	const pollers = {
		orderCreated: createPoller({
			parameters: { event: 'orderCreated' },
			credentials: norce.credentials,
			dependencies: { timing: TEST_RETRY_TIMING, now: () => clock.now },
		}),
		orderStatusChanged: createPoller({
			parameters: { event: 'orderStatusChanged' },
			credentials: norce.credentials,
			dependencies: { timing: TEST_RETRY_TIMING, now: () => clock.now },
		}),
	};
	for (const poller of Object.values(pollers)) await poller.poll();

	const expected = { orderCreated: [] as string[], orderStatusChanged: [] as string[] };
	const fired = { orderCreated: [] as IDataObject[], orderStatusChanged: [] as IDataObject[] };
	const failedPolls = { orderCreated: 0, orderStatusChanged: 0 };
	const statuses = new Map<string, string>();
	const pollAll = async () => {
		for (const [event, poller] of Object.entries(pollers) as Array<
			[keyof typeof pollers, (typeof pollers)['orderCreated']]
		>) {
			try {
				const result = await poller.poll();
				fired[event].push(...(result?.[0].map(({ json }) => json) ?? []));
			} catch {
				failedPolls[event]++;
			}
		}
	};

	// A 500 (not retried) on 5 % of the page reads: a poll fails whenever one of its pages does.
	norce.sandbox.setRandomFaults({
		rate: 0.05,
		seed: 7,
		kinds: ['500'],
		match: { operation: 'getMany' },
	});
	for (let poll = 0; poll < POLLS; poll++) {
		for (let index = 0; index < ORDERS / POLLS; index++) {
			const created = clock.now + 1 + Math.floor(random() * (INTERVAL - 2));
			const order = norce.sandbox.createOrder({ created: new Date(created).toISOString() }) as {
				id: string;
			};
			statuses.set(order.id, 'checkout');
			expected.orderCreated.push(`${order.id}@${created}`);
		}
		const movable = [...statuses].filter(([, status]) => NEXT[status]);
		for (let move = 0; move < 60 && movable.length; move++) {
			const [id, status] = movable.splice(Math.floor(random() * movable.length), 1)[0];
			const order = norce.sandbox.orders.get(id)!;
			const last = Date.parse(order.state.transitions.at(-1)!.timeStamp);
			// Strictly between the last change and the next poll: Norce stamps no change in the future.
			const from = Math.max(last, clock.now) + 1;
			const room = clock.now + INTERVAL - from;
			if (room < 1) continue;
			const at = from + Math.floor(random() * room);
			norce.sandbox.setOrderStatus(id, NEXT[status], new Date(at).toISOString());
			statuses.set(id, NEXT[status]);
			expected.orderStatusChanged.push(`${id}:${NEXT[status]}@${at}`);
		}
		clock.now += INTERVAL;
		await pollAll();
	}
	norce.sandbox.setRandomFaults(undefined);
	await pollAll(); // the next poll after the faults stop catches up

	const keys = {
		orderCreated: fired.orderCreated.map((e) => `${e.orderId}@${Date.parse(String(e.changedAt))}`),
		orderStatusChanged: fired.orderStatusChanged.map(
			(e) => `${e.orderId}:${e.status}@${Date.parse(String(e.changedAt))}`,
		),
	};
	for (const event of ['orderCreated', 'orderStatusChanged'] as const) {
		expect(new Set(keys[event]).size).toBe(keys[event].length); // no duplicates
		expect([...keys[event]].sort()).toEqual([...expected[event]].sort()); // none missing
		const times = fired[event].map((e) => Date.parse(String(e.changedAt)));
		expect(times).toEqual([...times].sort((a, b) => a - b)); // in order
	}
	expect(failedPolls.orderCreated + failedPolls.orderStatusChanged).toBeGreaterThan(0);
	recordFigures('trigger exactly-once', {
		orders: ORDERS,
		statusChanges: expected.orderStatusChanged.length,
		polls: POLLS + 1,
		failedPolls,
		fired: {
			orderCreated: keys.orderCreated.length,
			orderStatusChanged: keys.orderStatusChanged.length,
		},
		duplicates: 0,
		missing: 0,
	});
});

/**
 * The trigger under real clocks: Norce's clock off the host's at activation, future-dated
 * orders and transitions, timestamps without offset (this file also runs under
 * TZ=Europe/Stockholm and TZ=America/Los_Angeles), other precisions, transition lists that do
 * not start with the creation. The host clock is injected; Norce's is the sandbox's (setClock).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useNorceSandbox } from '../../../helpers/norceFixture';
import { iso, MINUTE, pollerOnClock, START } from '../../../helpers/pollRuntime';
import type { OrderStatus } from '../../../sandbox';

const norce = useNorceSandbox();

function setup(parameters: INodeParameters, norceSkewMs = 0) {
	const { clock, poller, poll: once } = pollerOnClock(norce, parameters, { norceSkewMs });
	const fired: IDataObject[] = [];
	const poll = async () => {
		const events = await once();
		fired.push(...events);
		return events;
	};
	return { clock, poller, poll, fired };
}

/** An order created now on Norce's clock (the sandbox stamps it). */
const createNow = () => norce.sandbox.createOrder({}) as { id: string; created: string };
const moveNow = (id: string, status: OrderStatus) => norce.sandbox.setOrderStatus(id, status);

describe.each([
	['5 minutes behind', -5 * MINUTE],
	['2 minutes behind', -2 * MINUTE],
	['in step', 0],
	['2 minutes ahead', 2 * MINUTE],
	['5 minutes ahead', 5 * MINUTE],
])("with Norce's clock %s the host's", (_, skew) => {
	it('Order Created: everything after activation fires once, nothing from before', async () => {
		const { clock, poll, fired } = setup({ event: 'orderCreated' }, skew);
		clock.now = START - 20 * MINUTE;
		createNow();
		clock.now = START - 3 * MINUTE;
		createNow();
		clock.now = START - 1;
		createNow();
		clock.now = START;
		expect(await poll()).toEqual([]); // activation

		const after: string[] = [];
		for (const offset of [1, 1000, 30_000, 4 * MINUTE, 9 * MINUTE]) {
			clock.now = START + offset;
			after.push(createNow().id);
		}
		for (let minute = 1; minute <= 20; minute++) {
			clock.now = START + 10 * MINUTE + minute * MINUTE;
			if (minute === 5) after.push(createNow().id);
			await poll();
		}
		expect(fired.map((event) => event.orderId)).toEqual(after);
		expect(norce.sandbox.requests.every((request) => request.status === 200)).toBe(true);
	});

	it('Order Status Changed: every change after activation fires once, none from before', async () => {
		const { clock, poll, fired } = setup({}, skew);
		clock.now = START - 2 * 24 * 60 * MINUTE;
		const old = createNow();
		const young = createNow();
		clock.now = START - 4 * MINUTE;
		moveNow(old.id, 'processing');
		clock.now = START - 1;
		moveNow(young.id, 'processing');
		clock.now = START;
		await poll(); // activation

		const expected: string[] = [];
		const move = (id: string, status: OrderStatus) => {
			moveNow(id, status);
			expected.push(`${id}:${status}`);
		};
		clock.now = START + 1;
		move(old.id, 'accepted');
		clock.now = START + 20_000;
		move(young.id, 'accepted');
		await poll();
		clock.now = START + 3 * MINUTE;
		const fresh = createNow();
		move(fresh.id, 'processing');
		for (let minute = 4; minute <= 25; minute++) {
			clock.now = START + minute * MINUTE;
			if (minute === 12) move(old.id, 'completed');
			await poll();
		}
		expect(fired.map((event) => `${event.orderId}:${event.status}`)).toEqual(expected);
	});
});

describe('future-dated', () => {
	it('an order created in 2999 fires once and does not hold back later orders', async () => {
		const { clock, poller, poll, fired } = setup({ event: 'orderCreated' });
		await poll();
		clock.now += MINUTE;
		const future = norce.sandbox.createOrder({ created: '2999-01-01T00:00:00Z' }) as { id: string };
		const first = createNow();
		await poll();
		const later: string[] = [];
		for (let index = 0; index < 10; index++) {
			clock.now += MINUTE;
			later.push(createNow().id);
			await poll();
			const state = poller.staticData.norce as IDataObject;
			// The cursor never passes the host's clock.
			expect(state.cursor as number).toBeLessThanOrEqual(clock.now);
		}
		expect(fired.map((event) => event.orderId)).toEqual([first.id, future.id, ...later]);
	});

	it('a status change stamped a day ahead fires once and does not hold back later changes', async () => {
		const { clock, poller, poll, fired } = setup({});
		const a = createNow();
		const b = createNow();
		await poll();
		clock.now += MINUTE;
		norce.sandbox.setOrderStatus(a.id, 'processing', iso(clock.now + 24 * 60 * MINUTE));
		await poll();
		for (let index = 0; index < 10; index++) {
			clock.now += MINUTE;
			if (index === 3) moveNow(b.id, 'processing');
			if (index === 6) moveNow(b.id, 'accepted');
			await poll();
			expect((poller.staticData.norce as IDataObject).cursor as number).toBeLessThanOrEqual(
				clock.now,
			);
		}
		expect(fired.map((event) => `${event.orderId}:${event.status}`)).toEqual([
			`${a.id}:processing`,
			`${b.id}:processing`,
			`${b.id}:accepted`,
		]);
	});
});

describe('timestamps as Norce may write them', () => {
	it('reads timestamps without offset as UTC, whatever the host zone', async () => {
		const { clock, poll, fired } = setup({});
		const order = norce.sandbox.createOrder({ created: '2026-12-10T07:00:00' }) as {
			id: string;
		};
		await poll();
		norce.sandbox.setOrderStatus(order.id, 'processing', '2026-12-10T08:01:00');
		clock.now = START + 2 * MINUTE;
		expect(await poll()).toEqual([
			expect.objectContaining({ status: 'processing', changedAt: '2026-12-10T08:01:00' }),
		]);
		norce.sandbox.setOrderStatus(order.id, 'accepted', '2026-12-10T08:03:00.0000000');
		for (let minute = 4; minute < 15; minute++) {
			clock.now = START + minute * MINUTE;
			await poll();
		}
		expect(fired.map((event) => event.status)).toEqual(['processing', 'accepted']);
	});

	it('an order created without offset fires once under Order Created', async () => {
		const { clock, poll, fired } = setup({ event: 'orderCreated' });
		await poll();
		const order = norce.sandbox.createOrder({ created: '2026-12-10T08:00:30' }) as {
			id: string;
		};
		for (let minute = 1; minute < 15; minute++) {
			clock.now = START + minute * MINUTE;
			await poll();
		}
		expect(fired.map((event) => event.orderId)).toEqual([order.id]);
	});

	it('a timestamp rewritten with another precision or zone is the same event', async () => {
		const { clock, poll, fired } = setup({});
		const order = createNow();
		await poll();
		norce.sandbox.setOrderStatus(order.id, 'processing', '2026-12-10T08:01:00Z');
		clock.now += 2 * MINUTE;
		await poll();
		const transition = norce.sandbox.orders.get(order.id)!.state.transitions[1];
		for (const written of [
			'2026-12-10T08:01:00.0000000Z',
			'2026-12-10T09:01:00+01:00',
			'2026-12-10T08:01:00',
		]) {
			transition.timeStamp = written;
			clock.now += MINUTE;
			await poll();
		}
		expect(fired).toHaveLength(1);
	});

	it('does not take the first transition for the creation when it is not stamped at creation', async () => {
		const { clock, poll, fired } = setup({});
		await poll();
		const order = createNow();
		// Norce recorded no creation transition: the list starts with the first change.
		norce.sandbox.orders.get(order.id)!.state = {
			currentStatus: 'accepted',
			transitions: [
				{ status: 'processing', timeStamp: iso(START + 30_000) },
				{ status: 'accepted', timeStamp: iso(START + 40_000) },
			],
		};
		clock.now += MINUTE;
		expect(
			(await poll()).map((event) => [event.previousStatus, event.status, event.changedAt]),
		).toEqual([
			['checkout', 'processing', iso(START + 30_000)],
			['processing', 'accepted', iso(START + 40_000)],
		]);
		clock.now += 10 * MINUTE;
		await poll();
		expect(fired).toHaveLength(2);
	});

	it('ignores transitions it cannot read, and fires the ones it can', async () => {
		const { clock, poll } = setup({});
		await poll();
		const order = createNow();
		norce.sandbox.orders
			.get(order.id)!
			.state.transitions.push(
				{ status: 'processing', timeStamp: 'soon' } as never,
				{ timeStamp: iso(START + 1000) } as never,
				null as never,
				{ status: 'accepted', timeStamp: iso(START + 2000) },
			);
		clock.now += MINUTE;
		expect((await poll()).map((event) => [event.previousStatus, event.status])).toEqual([
			['checkout', 'accepted'],
		]);
	});
});

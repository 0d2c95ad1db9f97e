/**
 * A pass over the window cut short by the poll budget and resumed: orders deleted or created
 * meanwhile shift nothing (pages start at the last `created` read, not at an offset), and
 * more orders in one millisecond than a page holds are still read once each.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useNorceSandbox } from '../../../helpers/norceFixture';
import { iso, MINUTE, pollerOnClock, START } from '../../../helpers/pollRuntime';

const norce = useNorceSandbox();

/** Every reading of the host clock takes 100 ms: a 100 ms budget allows one page per poll. */
function setup(parameters: INodeParameters) {
	const options = { norceSkewMs: 0, step: 100, pollBudgetMs: 100 };
	const { clock, poller, poll: once } = pollerOnClock(norce, parameters, options);
	const fired: string[] = [];
	const poll = async () => {
		fired.push(...(await once()).map((json) => `${json.orderId}:${json.status}`));
	};
	const passOpen = () => !!(poller.staticData.norce as IDataObject).pass;
	return { clock, poller, poll, fired, passOpen };
}

const create = (createdMs: number) =>
	(norce.sandbox.createOrder({ created: iso(createdMs) }) as { id: string }).id;

it('Order Status Changed: orders deleted and created mid-pass shift nothing', async () => {
	const { clock, poll, fired, passOpen } = setup({ options: { lookbackDays: 1 } });
	const ids = Array.from({ length: 450 }, (_, index) => create(START - 60 * MINUTE + index * 1000));
	do await poll();
	while (passOpen()); // the activation pass, over several polls
	expect(fired).toEqual([]);

	clock.now += MINUTE;
	for (const id of ids) norce.sandbox.setOrderStatus(id, 'processing');
	await poll(); // reads the first page: orders 0-99
	expect(fired).toHaveLength(100);
	expect(passOpen()).toBe(true);

	// Meanwhile: orders already read and orders not yet read are deleted, and orders are
	// created both in the part already read and in the part still to come.
	for (const id of [...ids.slice(0, 50), ...ids.slice(200, 220)]) norce.sandbox.orders.delete(id);
	const early = create(START - 60 * MINUTE + 10_500);
	const late = create(START - 60 * MINUTE + 400_500);
	norce.sandbox.setOrderStatus(early, 'processing');
	norce.sandbox.setOrderStatus(late, 'processing');
	do await poll();
	while (passOpen());
	clock.now += MINUTE;
	do await poll();
	while (passOpen()); // the next pass finds the order created in the part already read

	const expected = [...ids.slice(0, 200), ...ids.slice(220), early, late].map(
		(id) => `${id}:processing`,
	);
	expect(new Set(fired).size).toBe(fired.length);
	expect([...fired].sort()).toEqual(expected.sort());
});

it('Order Created: orders created mid-pass, before and after the boundary, fire once', async () => {
	const { clock, poll, fired, passOpen } = setup({ event: 'orderCreated' });
	await poll();
	clock.now += 11 * MINUTE;
	// Created over the last 5 minutes; the two created meanwhile are stamped up to 4 minutes
	// before they show up, as Norce may commit an order after its timestamp.
	const base = clock.now - 5 * MINUTE;
	const first = Array.from({ length: 300 }, (_, index) => create(base + index * 800));
	await poll();
	expect(fired).toHaveLength(100);
	const behind = create(base + 10_500); // in the part already read
	const ahead = create(base + 250 * 800 + 500); // in the part still to come
	norce.sandbox.orders.delete(first[10]);
	norce.sandbox.orders.delete(first[150]);
	do await poll();
	while (passOpen());
	clock.now += MINUTE;
	do await poll();
	while (passOpen());

	const expected = [...first.filter((_, index) => index !== 150), behind, ahead];
	expect(new Set(fired).size).toBe(fired.length);
	expect(fired.map((event) => event.split(':')[0]).sort()).toEqual(expected.sort());
});

it('reads more orders stamped in one millisecond than a page holds, each once', async () => {
	const { clock, poller } = pollerOnClock(norce, { event: 'orderCreated' });
	await poller.poll();
	const ids = Array.from({ length: 250 }, () => create(START + MINUTE));
	clock.now += 2 * MINUTE;
	const result = await poller.poll();
	expect(result?.[0].map(({ json }) => json.orderId)).toEqual(
		[...ids].sort(), // same time: Norce's tie order (by ID), kept by the stable sort
	);
	clock.now += MINUTE;
	expect(await poller.poll()).toBeNull();
});

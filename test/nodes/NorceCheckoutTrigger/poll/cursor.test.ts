/**
 * The saved state: every corrupted, future or oversized state repairs itself on the next poll
 * with a warning in n8n's log, and the state stays under STATE_MAX_BYTES over many polls of
 * hostile data (long IDs, bursts of orders, future-dated orders, pages cut by the budget).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	MAX_FUTURE,
	MAX_SEEN,
	STATE_MAX_BYTES,
} from '../../../../nodes/NorceCheckoutTrigger/poll/cursor';
import { useNorceSandbox } from '../../../helpers/norceFixture';
import type { ClockOptions } from '../../../helpers/pollRuntime';
import { iso, MINUTE, pollerOnClock, START } from '../../../helpers/pollRuntime';

const norce = useNorceSandbox();

function setup(parameters: INodeParameters, options: ClockOptions = {}) {
	const { clock, poller, poll } = pollerOnClock(norce, parameters, { ...options, norceSkewMs: 0 });
	const ids = async () => (await poll()).map((json) => String(json.orderId));
	return { clock, poller, ids };
}

/** `count` remembered creations, all at START. */
function manySeen(count: number): Record<string, number> {
	const seen: Record<string, number> = {};
	for (let index = 0; index < count; index++) seen[`o_${index}|created|${START}`] = START;
	return seen;
}

const state = (poller: { staticData: IDataObject }) => poller.staticData.norce as IDataObject;

describe.each(['orderCreated', 'orderStatusChanged'])(
	'%s: a broken state repairs itself',
	(event) => {
		const UNREADABLE = /saved state is unreadable/;
		const FUTURE = /cursor is in the future/;
		const CURSOR = /cursor is unreadable/;
		// prettier-ignore
		const broken: Array<[string, (saved: IDataObject) => unknown, RegExp]> = [
			['not an object', () => 'garbage', UNREADABLE],
			['an older format', (saved) => ({ cursor: saved.cursor, startedAt: saved.firesFrom, seen: {} }), UNREADABLE],
			['a cursor of 1e20', (saved) => ({ ...saved, cursor: 1e20 }), FUTURE],
			['a cursor a day ahead', (saved) => ({ ...saved, cursor: START + 24 * 60 * MINUTE }), /cursor is in the future \(2026-12-11T08:00:00\.000Z/],
			['a cursor that is text', (saved) => ({ ...saved, cursor: 'now' }), CURSOR],
			['firesFrom NaN', (saved) => ({ ...saved, firesFrom: NaN }), CURSOR],
			['remembered events that are not times', (saved) => ({ ...saved, seen: { a: 'yesterday' } }), /remembered events are unreadable/],
			['remembered events as a list', (saved) => ({ ...saved, seen: [] }), /unreadable/],
			['20,000 remembered events', (saved) => ({ ...saved, seen: manySeen(20_000) }), new RegExp(`more than ${MAX_SEEN} remembered events`)],
			['an unreadable activation', (saved) => ({ ...saved, baseline: { until: 'later' } }), /activation is unreadable/],
		];

		it.each(broken)(
			'%s: reset with a warning, then fires what comes after',
			async (_, corrupt, reason) => {
				const parameters = { event, options: { lookbackDays: 1 } };
				const { clock, poller, ids } = setup(parameters);
				const before = norce.sandbox.createOrder({}) as { id: string };
				await ids();
				clock.now += MINUTE;
				poller.staticData.norce = corrupt(state(poller)) as IDataObject;

				if (event === 'orderStatusChanged') norce.sandbox.setOrderStatus(before.id, 'processing');
				expect(await ids()).toEqual([]); // the reset poll: nothing from before it fires
				expect(poller.warnings).toHaveLength(1);
				expect(poller.warnings[0]).toMatch(reason);
				expect(poller.warnings[0]).toContain(
					`the state was reset. Events from ${iso(clock.now)} on fire again`,
				);
				expect(state(poller).version).toBe(2);
				expect(JSON.stringify(state(poller)).length).toBeLessThan(STATE_MAX_BYTES);

				clock.now += MINUTE;
				const after = norce.sandbox.createOrder({}) as { id: string };
				if (event === 'orderStatusChanged') {
					clock.now += 1000;
					norce.sandbox.setOrderStatus(after.id, 'processing');
					norce.sandbox.setOrderStatus(before.id, 'accepted');
				}
				clock.now += MINUTE;
				const expected = event === 'orderCreated' ? [after.id] : [after.id, before.id];
				expect((await ids()).sort()).toEqual(expected.sort());
				clock.now += MINUTE;
				expect(await ids()).toEqual([]);
				expect(poller.warnings).toHaveLength(1);
			},
		);

		it('an unreadable or future unfinished pass is dropped alone: nothing lost, nothing twice', async () => {
			const { clock, poller, ids } = setup({ event, options: { lookbackDays: 1 } });
			await ids();
			const orders = Array.from(
				{ length: 3 },
				() => norce.sandbox.createOrder({}) as { id: string },
			);
			clock.now += 1000;
			if (event === 'orderStatusChanged')
				for (const order of orders) norce.sandbox.setOrderStatus(order.id, 'processing');
			for (const pass of [
				{
					startedAt: clock.now,
					from: 'yesterday',
					boundary: [],
					boundaryCount: 0,
					observed: null,
					orders: 0,
				},
				{ startedAt: 1e20, from: START, boundary: [], boundaryCount: 0, observed: null, orders: 0 },
			]) {
				poller.staticData.norce = { ...state(poller), pass };
				clock.now += MINUTE;
				const fired = await ids();
				expect(fired.sort()).toEqual(
					pass.startedAt === 1e20 ? [] : orders.map(({ id }) => id).sort(),
				);
			}
			expect(poller.warnings).toEqual([
				expect.stringMatching(/the unfinished pass was unreadable; it was dropped/),
				expect.stringMatching(/the unfinished pass was started in the future/),
			]);
		});
	},
);

describe('the bound', () => {
	it(`stays under ${STATE_MAX_BYTES} bytes over many polls of long IDs, bursts and future-dated orders`, async () => {
		const { clock, poller, ids } = setup({ event: 'orderCreated' });
		await ids();
		const fired: string[] = [];
		const future = new Set<string>();
		let largest = 0;
		for (let poll = 0; poll < 8; poll++) {
			for (let index = 0; index < 300; index++) {
				// Long IDs with a quote, a backslash and non-ASCII: what JSON escaping makes longest.
				const id = `o_${poll}_${index}_"\u00e5\\${'x'.repeat(200)}`;
				const farAhead = index < 30;
				norce.sandbox.createOrder({
					id,
					created: farAhead ? iso(Date.UTC(2999, 0, 1) + poll * 1000 + index) : undefined,
				});
				if (farAhead) future.add(id);
				clock.now += 5;
			}
			clock.now += MINUTE;
			fired.push(...(await ids()));
			const bytes = Buffer.byteLength(JSON.stringify(state(poller)));
			expect(bytes).toBeLessThanOrEqual(STATE_MAX_BYTES);
			largest = Math.max(largest, bytes);
		}
		// Both bounds were reached: the test exercises the limits, not an empty state.
		expect(Object.keys(state(poller).seen as object)).toHaveLength(MAX_SEEN);
		expect(future.size).toBeGreaterThan(MAX_FUTURE);
		expect(poller.warnings).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/more than \d+ events in the overlap window/),
				expect.stringMatching(/future-dated events were forgotten/),
			]),
		);
		expect(largest).toBeGreaterThan(STATE_MAX_BYTES / 2);
		// Events of the present never fire twice, even over the bounds.
		const present = fired.filter((id) => !future.has(id));
		expect(new Set(present).size).toBe(present.length);
	});
});

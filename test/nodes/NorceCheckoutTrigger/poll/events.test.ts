/**
 * The events one order holds, from its timestamps and transitions as Norce sends them:
 * unsorted, malformed, in other precisions and zones. Runs in three host time zones.
 */
import type { NorceOrder } from '../../../../shared/order';
import {
	compactKey,
	eventsOf,
	latestTime,
} from '../../../../nodes/NorceCheckoutTrigger/poll/events';

const CREATED = '2026-12-01T10:00:00.000Z';
const at = (text: string) => Date.parse(text);
const order = (transitions: unknown[], extra: object = {}) =>
	({
		id: 'o_1',
		created: CREATED,
		reference: 'R-1',
		total: { includingVat: 125, excludingVat: 100 },
		currency: 'SEK',
		state: { currentStatus: 'accepted', transitions },
		...extra,
	}) as NorceOrder;
/** The status-changed events of `placed` into `statuses` (all when empty), with the order. */
const changes = (placed: NorceOrder, statuses: string[] = []) =>
	eventsOf(placed, 'orderStatusChanged', statuses, true);
const summary = (events: ReturnType<typeof eventsOf>) =>
	events.map(({ json }) => [json.previousStatus, json.status, json.changedAt]);

const CREATION = { status: 'checkout', timeStamp: '2026-12-01T10:00:00.400Z' };
const PROCESSING = { status: 'processing', timeStamp: '2026-12-01T10:05:00Z' };
const ACCEPTED = { status: 'accepted', timeStamp: '2026-12-01T12:00:00.000+01:00' };

describe('status changed', () => {
	it('one event per change, in time order, each with the status it came from', () => {
		const events = changes(order([ACCEPTED, CREATION, PROCESSING]));
		expect(summary(events)).toEqual([
			['checkout', 'processing', PROCESSING.timeStamp],
			['processing', 'accepted', ACCEPTED.timeStamp],
		]);
		expect(events[0]).toMatchObject({
			at: at(PROCESSING.timeStamp),
			json: { orderId: 'o_1', reference: 'R-1', total: 125, currency: 'SEK', cartReference: null },
		});
	});

	it('a first transition stamped after created is a change from checkout, not the creation', () => {
		expect(summary(changes(order([PROCESSING])))).toEqual([
			['checkout', 'processing', PROCESSING.timeStamp],
		]);
	});

	it('skips transitions without status or readable time, and statuses not chosen', () => {
		const odd = [null, { status: 'x' }, { timeStamp: CREATED }, { status: 'y', timeStamp: 'soon' }];
		const events = changes(order([CREATION, PROCESSING, ACCEPTED, ...odd]), ['accepted']);
		expect(summary(events)).toEqual([['processing', 'accepted', ACCEPTED.timeStamp]]);
	});

	it('the same change written in another precision or zone has the same key', () => {
		const [first] = changes(order([CREATION, PROCESSING]));
		const rewritten = { ...PROCESSING, timeStamp: '2026-12-01T11:05:00.000000+01:00' };
		const [again] = changes(order([CREATION, rewritten]));
		expect(again.key).toBe(first.key);
	});
});

describe('created', () => {
	it.each<[string, NorceOrder, string]>([
		[
			'the status the creation records',
			order([{ ...CREATION, status: 'processing' }]),
			'processing',
		],
		['checkout when the first transition is a change', order([PROCESSING]), 'checkout'],
		['the current status when there are no transitions', order([]), 'accepted'],
	])('one event at created, with %s', (_, placed, status) => {
		const events = eventsOf(placed, 'orderCreated', [], false);
		expect(events).toEqual([
			{
				key: `o_1|created|${at(CREATED)}`,
				at: at(CREATED),
				json: expect.objectContaining({
					event: 'orderCreated',
					status,
					previousStatus: null,
					order: placed,
				}) as object,
			},
		]);
	});

	it('none without a readable created, or in a status not chosen', () => {
		const unreadable = order([CREATION], { created: 'yesterday' });
		expect(eventsOf(unreadable, 'orderCreated', [], true)).toEqual([]);
		expect(eventsOf(order([CREATION]), 'orderCreated', ['accepted'], true)).toEqual([]);
	});
});

describe('compactKey', () => {
	it('keeps a short printable key, hashes a long or quoted one into a short distinct key', () => {
		expect(compactKey('o_1|created|1')).toBe('o_1|created|1');
		const long = compactKey(`${'x'.repeat(500)}|created|1`);
		const other = compactKey(`${'x'.repeat(500)}|created|2`);
		expect(long.length).toBeLessThanOrEqual(96);
		expect(other).not.toBe(long);
		expect(compactKey('a"b\\c')).toMatch(/^a_b_c#[0-9a-f]{16}$/);
	});
});

describe('latestTime', () => {
	it('the latest of created and every readable transition; none without any', () => {
		expect(latestTime(order([PROCESSING, CREATION, { status: 'z', timeStamp: 'later' }]))).toBe(
			at(PROCESSING.timeStamp),
		);
		expect(latestTime(order([], { created: undefined }))).toBeUndefined();
	});
});

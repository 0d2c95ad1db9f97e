/**
 * Reading an order that may not have the documented shape: the total in both of Norce's
 * shapes, the status, the transitions; anything else reads as undefined (or no transitions),
 * never as an exception.
 */
import type { NorceOrder } from '../../shared/order';
import { field, orderStatus, orderTotal, orderTransitions } from '../../shared/order';

const order = (value: object) => value as NorceOrder;
const transitions = [{ status: 'accepted', timeStamp: 'b' }, null, { status: 'checkout' }];

it.each<[string, () => unknown, unknown]>([
	['field of an object', () => field({ email: 'a@b' }, 'email'), 'a@b'],
	['field of an array', () => field(['a@b'], '0'), undefined],
	['field of null', () => field(null, 'email'), undefined],
	['a total that is a number', () => orderTotal(order({ total: 120.5 })), 120.5],
	[
		'a total with VAT and without',
		() => orderTotal(order({ total: { includingVat: 125, excludingVat: 100 } })),
		125,
	],
	[
		'a total without includingVat',
		() => orderTotal(order({ total: { excludingVat: 100 } })),
		undefined,
	],
	['a total that is text', () => orderTotal(order({ total: '125' })), undefined],
	[
		'the current status',
		() => orderStatus(order({ state: { currentStatus: 'processing' } })),
		'processing',
	],
	[
		'the status of a state that is a list',
		() => orderStatus(order({ state: ['processing'] })),
		undefined,
	],
	['no status without a state', () => orderStatus(order({})), undefined],
	// Unsorted and with malformed entries, as Norce sent them: the caller skips what it cannot read.
	['the transitions', () => orderTransitions(order({ state: { transitions } })), transitions],
	[
		'transitions that are no list',
		() => orderTransitions(order({ state: { transitions: {} } })),
		[],
	],
	['transitions of a state that is text', () => orderTransitions(order({ state: 'x' })), []],
	['no transitions without a state', () => orderTransitions(order({})), []],
])('%s', (_, read, expected) => {
	expect(read()).toEqual(expected);
});

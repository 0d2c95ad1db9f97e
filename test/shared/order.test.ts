/**
 * Reading an order that may not have the documented shape: the total in both of Norce's
 * shapes, the status, the transitions; anything else reads as undefined (or no transitions),
 * never as an exception.
 */
import type { NorceOrder } from '../../shared/order';
import { field, orderStatus, orderTotal, orderTransitions } from '../../shared/order';

const odd = (value: unknown) => value as NorceOrder;

describe('field', () => {
	it.each<[string, unknown, unknown]>([
		['an object', { email: 'a@b' }, 'a@b'],
		['an array', ['a@b'], undefined],
		['null', null, undefined],
		['text', 'email', undefined],
	])('of %s', (_, value, expected) => {
		expect(field(value, 'email')).toBe(expected);
	});
});

describe('orderTotal', () => {
	it.each<[string, unknown, unknown]>([
		['a number', 120.5, 120.5],
		['{ includingVat, excludingVat }', { includingVat: 125, excludingVat: 100 }, 125],
		['an object without includingVat', { excludingVat: 100 }, undefined],
		['text', '125', undefined],
		['absent', undefined, undefined],
	])('%s', (_, total, expected) => {
		expect(orderTotal(odd({ total }))).toBe(expected);
	});
});

describe('orderStatus', () => {
	it.each<[string, unknown, unknown]>([
		['the current status', { currentStatus: 'processing' }, 'processing'],
		['a state that is a list', ['processing'], undefined],
		['no state', undefined, undefined],
	])('%s', (_, state, expected) => {
		expect(orderStatus(odd({ state }))).toBe(expected);
	});
});

describe('orderTransitions', () => {
	it('as Norce sent them: unsorted, malformed entries kept for the caller to skip', () => {
		const transitions = [{ status: 'accepted', timeStamp: 'b' }, null, { status: 'checkout' }];
		expect(orderTransitions(odd({ state: { transitions } }))).toEqual(transitions);
	});

	it.each<[string, unknown]>([
		['transitions that are no list', { transitions: { status: 'x' } }],
		['a state that is text', 'processing'],
		['no state', undefined],
	])('none for %s', (_, state) => {
		expect(orderTransitions(odd({ state }))).toEqual([]);
	});
});

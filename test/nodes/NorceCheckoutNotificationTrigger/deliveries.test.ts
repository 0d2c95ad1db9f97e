/**
 * Which deliveries are new: a key claimed once is never claimed again, whether the node's
 * static data or this process remembers it, and static data stays bounded.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	MAX_REMEMBERED,
	claimUnseen,
	forgetProcessMemory,
} from '../../../nodes/NorceCheckoutNotificationTrigger/deliveries';

beforeEach(() => forgetProcessMemory());
const claimed = (staticData: IDataObject, keys: string[], now = 1000, trigger = 'w1/n1') => [
	...claimUnseen(trigger, staticData, keys, now),
];

describe('claimUnseen', () => {
	it('claims new keys once, and remembers when it first saw them', () => {
		const staticData: IDataObject = {};
		expect(claimed(staticData, ['a', 'b', 'a'])).toEqual(['a', 'b']);
		expect(claimed(staticData, ['b', 'c'], 2000)).toEqual(['c']);
		expect(staticData.remembered).toEqual({ a: 1000, b: 1000, c: 2000 });
	});

	it('static data alone is enough (another process, or after a restart)', () => {
		expect(claimed({ remembered: { a: 5 } }, ['a', 'b'])).toEqual(['b']);
	});

	it('this process alone is enough (two calls that each loaded the same stored state)', () => {
		expect(claimed({}, ['a'])).toEqual(['a']);
		expect(claimed({}, ['a'])).toEqual([]);
		expect(claimed({}, ['a'], 1000, 'w2/n1')).toEqual(['a']);
	});

	it.each<[string, unknown]>([
		['a list', ['a']],
		['text', 'a'],
		['null', null],
	])('starts afresh from remembered static data that is %s', (_, remembered) => {
		const staticData: IDataObject = { remembered } as IDataObject;
		expect(claimed(staticData, ['a'])).toEqual(['a']);
		expect(staticData.remembered).toEqual({ a: 1000 });
	});

	it(`keeps the newest ${MAX_REMEMBERED} keys, dropping entries without a time`, () => {
		const remembered = Object.fromEntries(
			Array.from({ length: MAX_REMEMBERED }, (_, index) => [`old${index}`, index]),
		);
		const staticData: IDataObject = { remembered: { ...remembered, odd: 'x' } };
		claimed(staticData, ['new'], 10_000);
		const kept = staticData.remembered as Record<string, number>;
		expect(Object.keys(kept)).toHaveLength(MAX_REMEMBERED);
		expect(kept).toMatchObject({ new: 10_000, [`old${MAX_REMEMBERED - 1}`]: MAX_REMEMBERED - 1 });
		expect(kept).not.toHaveProperty('old0');
		expect(kept).not.toHaveProperty('odd');
	});

	it('leaves static data untouched when nothing is new, so n8n saves nothing', () => {
		const staticData: IDataObject = { remembered: { a: 5 } };
		const before = staticData.remembered;
		claimed(staticData, ['a']);
		expect(staticData.remembered).toBe(before);
	});
});

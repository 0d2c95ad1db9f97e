import {
	DEFAULT_RETRY_TIMING,
	parseRetryAfterMs,
	retryDelayMs,
	waitUnlessAborted,
} from '../../../shared/transport/retry';

describe('parseRetryAfterMs', () => {
	const now = Date.parse('2026-11-28T10:00:00Z');

	// prettier-ignore
	const HEADERS: Array<[unknown, number]> = [
		['3', 3000], ['0.5', 500], [' 2 ', 2000], [['2'], 2000], [4, 4000],
		['Sat, 28 Nov 2026 10:00:07 GMT', 7000], ['Sat, 28 Nov 2026 09:00:00 GMT', 0],
	];
	it.each(HEADERS)('reads %j as %i ms', (header, expected) => {
		expect(parseRetryAfterMs(header, now)).toBe(expected);
	});

	const IGNORED: unknown[] = ['soon', '', '-1', '-2.5', '12/1', undefined, null, {}];
	it.each(IGNORED)('ignores %j', (header) => {
		expect(parseRetryAfterMs(header, now)).toBeUndefined();
	});
});

describe('retryDelayMs', () => {
	const top = { ...DEFAULT_RETRY_TIMING, random: () => 1 };

	it('backs off exponentially from the base, up to the cap', () => {
		expect([1, 2, 3, 4, 5, 6].map((retry) => retryDelayMs(retry, undefined, top))).toEqual([
			1000, 2000, 4000, 8000, 16_000, 30_000,
		]);
	});

	it('draws the wait from [0, ceiling) (full jitter)', () => {
		expect(retryDelayMs(3, undefined, { ...top, random: () => 0.5 })).toBe(2000);
		expect(retryDelayMs(3, undefined, { ...top, random: () => 0 })).toBe(0);
	});

	it('honours Retry-After up to the cap, without jitter', () => {
		const random = jest.fn(() => 0.5);
		const timing = { ...top, random };
		expect(retryDelayMs(1, 0, timing)).toBe(0);
		expect(retryDelayMs(1, 5000, timing)).toBe(5000);
		expect(retryDelayMs(1, 120_000, timing)).toBe(30_000);
		expect(random).not.toHaveBeenCalled();
	});
});

describe('waitUnlessAborted', () => {
	beforeEach(() => jest.useFakeTimers());
	afterEach(() => jest.useRealTimers());

	/** Whether `promise` settles once the pending promise callbacks have run (no timers pass). */
	async function settled(promise: Promise<void>) {
		let done = false;
		void promise.then(() => (done = true));
		for (let turn = 0; turn < 20; turn++) await Promise.resolve();
		return done;
	}

	it('waits the full time without a signal', async () => {
		const wait = waitUnlessAborted(1000, undefined);
		jest.advanceTimersByTime(999);
		expect(await settled(wait)).toBe(false);
		jest.advanceTimersByTime(1);
		expect(await settled(wait)).toBe(true);
	});

	it('ends early when the signal aborts, and not before', async () => {
		const controller = new AbortController();
		const wait = waitUnlessAborted(60_000, controller.signal);
		jest.advanceTimersByTime(1000);
		expect(await settled(wait)).toBe(false);
		controller.abort();
		expect(await settled(wait)).toBe(true);
	});

	it('does not wait at all on a signal that has already aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		expect(await settled(waitUnlessAborted(60_000, controller.signal))).toBe(true);
	});
});

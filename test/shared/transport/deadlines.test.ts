/** One timer for all of a client's attempt deadlines, driven here by a clock the test moves. */
import type { DeadlineClock } from '../../../shared/transport/deadlines';
import { Deadlines } from '../../../shared/transport/deadlines';

/** A clock whose time moves only when told; `after` records the timers it arms. */
function manualClock() {
	let now = 0;
	const timers: Array<{ at: number; controller: AbortController }> = [];
	const clock: DeadlineClock = {
		now: () => now,
		after: (ms) => {
			const controller = new AbortController();
			timers.push({ at: now + ms, controller });
			return controller.signal;
		},
	};
	/** Moves the time to `to`, firing (in order) every timer due by then. */
	const advance = (to: number) => {
		for (;;) {
			const due = timers
				.filter((timer) => !timer.controller.signal.aborted && timer.at <= to)
				.sort((a, b) => a.at - b.at)[0];
			if (due === undefined) break;
			now = due.at;
			due.controller.abort();
		}
		now = to;
	};
	return { clock, timers, advance };
}

describe('Deadlines', () => {
	it('fires each deadline once it has passed, on one timer for deadlines in order', () => {
		const { clock, timers, advance } = manualClock();
		const deadlines = new Deadlines(clock);
		const expired: string[] = [];
		const first = deadlines.start(100, () => expired.push('first'));
		advance(40);
		const second = deadlines.start(100, () => expired.push('second'));
		expect(timers).toHaveLength(1);

		advance(99);
		expect(expired).toEqual([]);
		advance(100);
		expect(expired).toEqual(['first']);
		advance(140);
		expect(expired).toEqual(['first', 'second']);
		expect([first.expired, second.expired]).toEqual([true, true]);
		expect(timers).toHaveLength(2); // re-armed once, for the second
	});

	it('an ended deadline never fires, and nothing is armed again once none is left', () => {
		const { clock, timers, advance } = manualClock();
		const deadlines = new Deadlines(clock);
		const expire = jest.fn();
		const ended = deadlines.start(100, expire);
		deadlines.end(ended);
		advance(1000);
		expect(expire).not.toHaveBeenCalled();
		expect(ended.expired).toBe(false);
		expect(timers).toHaveLength(1);
	});

	it('a shorter deadline started later is armed for, and fires first', () => {
		const { clock, advance } = manualClock();
		const deadlines = new Deadlines(clock);
		const expired: string[] = [];
		deadlines.start(1000, () => expired.push('long'));
		deadlines.start(50, () => expired.push('short'));
		advance(50);
		expect(expired).toEqual(['short']);
		advance(1000);
		expect(expired).toEqual(['short', 'long']);
	});

	it('a timer that fires early is armed again for the rest, in whole milliseconds', () => {
		const { clock, timers, advance } = manualClock();
		const deadlines = new Deadlines(clock);
		const expire = jest.fn();
		deadlines.start(10.5, expire);
		expect(timers[0].at).toBe(11);
		timers[0].at = 5; // a coarse timer firing before the deadline
		advance(5);
		expect(expire).not.toHaveBeenCalled();
		expect(timers[1].at).toBe(11); // 5.5 ms left, rounded up
		advance(11);
		expect(expire).toHaveBeenCalledTimes(1);
	});
});

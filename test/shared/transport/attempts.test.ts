/** What stops a client's running attempts: one timer for the deadlines (on a clock the test moves), one cancel listener. */
import type { DeadlineClock } from '../../../shared/transport/attempts';
import { RunningAttempts } from '../../../shared/transport/attempts';

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

describe('RunningAttempts', () => {
	it('fires each deadline once it has passed, on one timer for deadlines in order', () => {
		const { clock, timers, advance } = manualClock();
		const running = new RunningAttempts(undefined, clock);
		const expired: string[] = [];
		const first = running.start(100, () => expired.push('first'));
		advance(40);
		const second = running.start(100, () => expired.push('second'));
		expect(timers).toHaveLength(1);

		advance(99);
		expect(expired).toEqual([]);
		advance(100);
		expect(expired).toEqual(['first']);
		advance(140);
		expect(expired).toEqual(['first', 'second']);
		expect([first.timedOut, second.timedOut]).toEqual([true, true]);
		expect(timers).toHaveLength(2); // re-armed once, for the second
	});

	it('an ended deadline never fires, and nothing is armed again once none is left', () => {
		const { clock, timers, advance } = manualClock();
		const running = new RunningAttempts(undefined, clock);
		const expire = jest.fn();
		const ended = running.start(100, expire);
		running.end(ended);
		advance(1000);
		expect(expire).not.toHaveBeenCalled();
		expect(ended.timedOut).toBe(false);
		expect(timers).toHaveLength(1);
	});

	it('a shorter deadline started later is armed for, and fires first', () => {
		const { clock, advance } = manualClock();
		const running = new RunningAttempts(undefined, clock);
		const expired: string[] = [];
		running.start(1000, () => expired.push('long'));
		running.start(50, () => expired.push('short'));
		advance(50);
		expect(expired).toEqual(['short']);
		advance(1000);
		expect(expired).toEqual(['short', 'long']);
	});

	it('a timer that fires early is armed again for the rest, in whole milliseconds', () => {
		const { clock, timers, advance } = manualClock();
		const running = new RunningAttempts(undefined, clock);
		const expire = jest.fn();
		running.start(10.5, expire);
		expect(timers[0].at).toBe(11);
		timers[0].at = 5; // a coarse timer firing before the deadline
		advance(5);
		expect(expire).not.toHaveBeenCalled();
		expect(timers[1].at).toBe(11); // 5.5 ms left, rounded up
		advance(11);
		expect(expire).toHaveBeenCalledTimes(1);
	});

	it('one cancel listener serves every running attempt, and is gone once none runs', () => {
		const listeners = new Set<() => void>();
		const cancel = {
			aborted: false,
			addEventListener: (_: string, listener: () => void) => listeners.add(listener),
			removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
		};
		const running = new RunningAttempts(cancel as unknown as AbortSignal, manualClock().clock);
		const stopped: number[] = [];
		const attempts = [1, 2, 3].map((n) => running.start(1000, () => stopped.push(n)));
		expect(listeners.size).toBe(1);

		running.end(attempts[0]);
		for (const listener of listeners) listener(); // the execution is cancelled
		expect(stopped).toEqual([2, 3]);
		expect(attempts.map((attempt) => attempt.timedOut)).toEqual([false, false, false]);

		running.end(attempts[1]);
		expect(listeners.size).toBe(1);
		running.end(attempts[2]);
		expect(listeners.size).toBe(0);
	});
});

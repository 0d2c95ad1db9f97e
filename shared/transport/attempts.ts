/**
 * What stops a client's running attempts: each one's deadline, and the execution's cancel
 * signal for all of them.
 *
 * Timers are off limits for community nodes, so a deadline is an `AbortSignal.timeout`, which
 * cannot be cleared: one per attempt would stay armed long after its attempt ended, and at
 * thousands of requests a run those timers and their finalizers cost more of n8n's CPU than the
 * node's own work per request. So one timer is armed, for the earliest deadline, and re-armed
 * when it fires. Likewise one listener on the cancel signal serves every running attempt: one
 * per attempt would put Concurrency listeners on it, and from 11 on Node 20 warns of a leak.
 */

/** Where the time comes from: a monotonic clock and a one-shot timer (tests drive their own). */
export interface DeadlineClock {
	/** Monotonic milliseconds: a wall clock set back or forth moves no deadline. */
	now(): number;
	/** A signal that aborts `ms` from now. */
	after(ms: number): AbortSignal;
}

export const SYSTEM_CLOCK: DeadlineClock = {
	now: () => performance.now(),
	after: (ms) => AbortSignal.timeout(ms),
};

export interface RunningAttempt {
	readonly deadline: number;
	/** Whether the deadline passed while the attempt was still running. */
	timedOut: boolean;
}

interface Entry extends RunningAttempt {
	stop: () => void;
}

export class RunningAttempts {
	private readonly running = new Set<Entry>();
	private armed: { at: number; signal: AbortSignal } | undefined;
	private readonly stopAll = () => {
		for (const entry of this.running) entry.stop();
	};

	constructor(
		private readonly cancel: AbortSignal | undefined,
		private readonly clock: DeadlineClock = SYSTEM_CLOCK,
	) {}

	/**
	 * Calls `stop` once `ms` have passed or the execution is cancelled, unless `end` comes
	 * first. A cancel that came before is the caller's to check (`cancel.aborted`).
	 */
	start(ms: number, stop: () => void): RunningAttempt {
		const entry: Entry = { deadline: this.clock.now() + ms, timedOut: false, stop };
		if (this.running.size === 0) this.cancel?.addEventListener('abort', this.stopAll);
		this.running.add(entry);
		if (this.armed === undefined || entry.deadline < this.armed.at) this.arm(entry.deadline);
		return entry;
	}

	end(attempt: RunningAttempt): void {
		if (this.running.delete(attempt as Entry)) this.unlistenWhenIdle();
	}

	private unlistenWhenIdle() {
		if (this.running.size === 0) this.cancel?.removeEventListener('abort', this.stopAll);
	}

	private arm(at: number) {
		// Whole milliseconds, rounded up: a timer that fires a fraction early is re-armed.
		const signal = this.clock.after(Math.max(0, Math.ceil(at - this.clock.now())));
		this.armed = { at, signal };
		signal.addEventListener('abort', () => this.fire(signal), { once: true });
	}

	private fire(signal: AbortSignal) {
		if (this.armed?.signal !== signal) return; // replaced by an earlier deadline
		this.armed = undefined;
		const now = this.clock.now();
		let next = Infinity;
		for (const entry of this.running) {
			if (entry.deadline <= now) {
				this.running.delete(entry);
				entry.timedOut = true;
				entry.stop();
			} else if (entry.deadline < next) {
				next = entry.deadline;
			}
		}
		this.unlistenWhenIdle();
		if (next !== Infinity) this.arm(next);
	}
}

/**
 * The attempts' deadlines of one client on a single timer. Timers are off limits for community
 * nodes, so a deadline is an `AbortSignal.timeout`, which cannot be cleared: one per attempt
 * would stay armed long after its attempt ended, and at thousands of requests a run those armed
 * timers and their finalizers cost more of n8n's CPU than the node's own work per request.
 * So the client arms one timer, for the earliest deadline, and re-arms it when it fires.
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

export interface Deadline {
	readonly at: number;
	/** Whether the deadline passed while the attempt was still running. */
	expired: boolean;
}

interface Entry extends Deadline {
	expire: () => void;
}

export class Deadlines {
	private readonly pending = new Set<Entry>();
	private armed: { at: number; signal: AbortSignal } | undefined;

	constructor(private readonly clock: DeadlineClock = SYSTEM_CLOCK) {}

	/** Calls `expire` once `ms` have passed, unless `end` is called first. */
	start(ms: number, expire: () => void): Deadline {
		const entry: Entry = { at: this.clock.now() + ms, expired: false, expire };
		this.pending.add(entry);
		if (this.armed === undefined || entry.at < this.armed.at) this.arm(entry.at);
		return entry;
	}

	end(deadline: Deadline): void {
		this.pending.delete(deadline as Entry);
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
		for (const entry of this.pending) {
			if (entry.at <= now) {
				this.pending.delete(entry);
				entry.expired = true;
				entry.expire();
			} else if (entry.at < next) {
				next = entry.at;
			}
		}
		if (next !== Infinity) this.arm(next);
	}
}

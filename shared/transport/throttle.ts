import type { RetryTiming } from './retry';
import { waitUnlessAborted } from './retry';

/**
 * Norce (or a proxy in front of it) saying "too many requests" (429) or "unavailable" (503)
 * is about the whole tenant, not one item: the node backs off as one.
 *
 * A throttled answer pauses every request of the execution until the wait is over. Answers
 * to requests sent before that pause began join it instead of starting another, so the
 * requests in flight together count as one round. The first round waits what Retry-After
 * asks, each further one at least twice as long as the last; when `rounds` waits with no other
 * answer in between did not end it, the breaker opens and every request not yet sent fails at
 * once: with the default timing that is about a minute of throttling (1 + 2 + 4 + 8 + 16 + 30 s),
 * longer than the per-second and per-minute windows rate limiters use, short of leaving a
 * nightly run waiting for hours.
 */
export const THROTTLE_ROUNDS = 6;

/**
 * "Slow down": a 429, or a 503 that says when to come back. A 503 without Retry-After is an
 * outage of one server more often than a limit, and stays an ordinary retried error.
 */
export function isThrottle(status: number, retryAfterMs: number | undefined): boolean {
	return status === 429 || (status === 503 && retryAfterMs !== undefined);
}

export class Throttle {
	private pausedUntil = 0;

	/** Increases with each new pause; a request remembers the one it was sent under. */
	private round = 0;

	/** Rounds in a row without an answer that was not throttled. */
	private streak = 0;

	constructor(
		private readonly timing: RetryTiming,
		private readonly rounds = THROTTLE_ROUNDS,
		private readonly now: () => number = Date.now,
	) {}

	/** True once `rounds` waits did not end the throttling: requests not yet sent fail fast. */
	get isOpen(): boolean {
		return this.streak > this.rounds;
	}

	/** How many waits in a row the throttling lasted (for error messages). */
	get throttledRounds(): number {
		return Math.min(this.streak, this.rounds);
	}

	/** Waits out a pause in force; returns the round the request is sent under. */
	async beforeSend(signal: AbortSignal | undefined): Promise<number> {
		while (this.now() < this.pausedUntil && signal?.aborted !== true) {
			await waitUnlessAborted(this.pausedUntil - this.now(), signal);
		}
		return this.round;
	}

	/** A throttled answer to a request sent under `sentInRound`. */
	throttled(sentInRound: number, retryAfterMs: number | undefined): void {
		if (sentInRound !== this.round) return; // a pause began after it left: it joins that one
		this.round++;
		this.streak++;
		if (this.isOpen) return;
		const { baseDelayMs, maxDelayMs } = this.timing;
		// A first throttle waits what Retry-After asks (a lone 429 with "0" costs nothing); when
		// the throttling goes on, each round waits at least twice the last.
		const waitMs = Math.min(
			maxDelayMs,
			this.streak === 1
				? (retryAfterMs ?? baseDelayMs)
				: Math.max(retryAfterMs ?? 0, baseDelayMs * 2 ** (this.streak - 1)),
		);
		this.pausedUntil = this.now() + waitMs;
	}

	/**
	 * An answer that is not a throttle, to a request sent under `sentInRound`: Norce is taking
	 * requests again, if the request left after the latest pause began (an answer to one sent
	 * before says nothing about whether the throttling is over).
	 */
	passed(sentInRound: number): void {
		if (sentInRound === this.round) this.streak = 0;
	}
}

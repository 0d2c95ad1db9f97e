import { sleep } from 'n8n-workflow';

/**
 * When to send a request again, and how long to wait first.
 *
 * Norce documents no rate limits, but a nightly run over thousands of orders meets proxies,
 * deploys and throttling. Only answers that say "not processed, try later" are retried for
 * every request; a dropped connection is retried only where repeating is harmless.
 */

/** Statuses where the request was not (or not reliably) carried out and a retry may succeed. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Gateway errors: the request may have reached Norce before the proxy gave up. */
const UNCERTAIN_STATUSES = new Set([502, 504]);

export interface RetryTiming {
	/** First backoff step; doubles each attempt (full jitter). */
	readonly baseDelayMs: number;
	/** No single wait is longer than this, whatever Retry-After asks for. */
	readonly maxDelayMs: number;
	/** Jitter source in [0, 1). */
	readonly random: () => number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = Object.freeze({
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	random: Math.random,
});

export function isRetryableStatus(status: number): boolean {
	return RETRYABLE_STATUSES.has(status);
}

export function isUncertainStatus(status: number): boolean {
	return UNCERTAIN_STATUSES.has(status);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(header: unknown, now: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// Every HTTP date names its month; without this V8's lenient parser reads "-1" as 2001.
	if (!/[a-z]{3}/i.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * Wait before retry number `retry` (1-based): Retry-After when the server sent one, else
 * exponential backoff with full jitter so parallel items do not retry in lock-step.
 */
export function retryDelayMs(
	retry: number,
	retryAfterMs: number | undefined,
	timing: RetryTiming,
): number {
	const { baseDelayMs, maxDelayMs } = timing;
	if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxDelayMs);
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
	return Math.round(ceiling * timing.random());
}

/**
 * Waits `ms`, or less when `signal` aborts: a cancelled execution must not sit out a backoff.
 * (n8n-workflow's `sleepWithAbort` is gone in 2.41, and timers are off limits for community
 * nodes, so the abort races n8n's `sleep`.)
 */
export async function waitUnlessAborted(
	ms: number,
	signal: AbortSignal | undefined,
): Promise<void> {
	if (signal === undefined) return await sleep(ms);
	if (signal.aborted) return;
	let onAbort = () => {};
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/**
 * When to send a request again, and how long to wait first.
 *
 * Norce documents no rate limits, but a nightly run over thousands of orders meets proxies,
 * deploys and throttling. Only answers that say "not processed, try later" are retried for
 * every request; a dropped connection is retried only where repeating is harmless.
 */

/** Statuses where the request was not (or not reliably) carried out and a retry may succeed. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Connection-level failures: the request may or may not have reached Norce. */
const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export const retryTiming = {
	/** First backoff step; doubles each attempt (full jitter). */
	baseDelayMs: 1000,
	/** No single wait is longer than this, whatever Retry-After asks for. */
	maxDelayMs: 30_000,
};

export function isRetryableStatus(status: number): boolean {
	return RETRYABLE_STATUSES.has(status);
}

export function isNetworkErrorCode(code: unknown): boolean {
	return typeof code === 'string' && NETWORK_ERROR_CODES.has(code);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(header: unknown, now: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
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
	random: number,
): number {
	const { baseDelayMs, maxDelayMs } = retryTiming;
	if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxDelayMs);
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
	return Math.round(ceiling * random);
}

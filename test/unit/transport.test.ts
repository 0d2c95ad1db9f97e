import { readErrorBody } from '../../shared/transport/errors';
import { isTransientNetworkCode, networkErrorCode } from '../../shared/transport/network';
import {
	DEFAULT_RETRY_TIMING,
	isRetryableStatus,
	parseRetryAfterMs,
	retryDelayMs,
} from '../../shared/transport/retry';

describe('readErrorBody', () => {
	it.each([
		[
			'BaseError',
			{ code: 'order-not-found', message: 'Order with id:o_1 not found.' },
			{ code: 'order-not-found', message: 'Order with id:o_1 not found.' },
		],
		[
			'RFC 7807',
			{
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
				title: 'Bad Request',
				status: 400,
				detail: 'Limit too high',
			},
			{ code: 'Bad Request', message: 'Limit too high' },
		],
		[
			'RFC 7807 with field errors',
			{ title: 'One or more validation errors occurred.', errors: { limit: ['Too high'] } },
			{ message: 'One or more validation errors occurred.' },
		],
		[
			'ASP.NET errors only',
			{ errors: { limit: ['Too high', 'Not a number'] } },
			{ message: 'limit: Too high Not a number' },
		],
		[
			'validation array',
			[{ code: 'item-out-of-stock', adapterId: 'x' }],
			{ code: 'item-out-of-stock' },
		],
		[
			'errors array',
			{ errors: [{ code: 'shipping-not-selected' }] },
			{ code: 'shipping-not-selected' },
		],
		[
			'HTML page',
			'<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
			{ message: '502 Bad Gateway (HTML page from a proxy or gateway)' },
		],
		['text', 'upstream connect error', { message: 'upstream connect error' }],
		['empty', '', {}],
		['nothing', undefined, {}],
	])('reads a %s body', (_name, body, expected) => {
		expect(readErrorBody(body)).toEqual(expect.objectContaining(expected));
	});

	it('shortens long text bodies', () => {
		expect(readErrorBody('x'.repeat(1000)).message).toHaveLength(301);
	});
});

describe('retry policy', () => {
	it('retries only statuses that mean "not processed, try later"', () => {
		expect([429, 502, 503, 504].every(isRetryableStatus)).toBe(true);
		expect([400, 401, 403, 404, 409, 500, 501].some(isRetryableStatus)).toBe(false);
	});

	it('retries transient connection failures, not a host that does not exist', () => {
		expect(
			['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT'].every(isTransientNetworkCode),
		).toBe(true);
		expect(isTransientNetworkCode('ENOTFOUND')).toBe(false);
		expect(isTransientNetworkCode('ERR_BAD_REQUEST')).toBe(false);
	});

	it('reads the error code from the error objects, never from message text', () => {
		expect(networkErrorCode({ httpCode: 'ECONNRESET' })).toBe('ECONNRESET');
		expect(networkErrorCode({ cause: { cause: { code: 'ETIMEDOUT' } } })).toBe('ETIMEDOUT');
		expect(networkErrorCode(new Error('read ECONNRESET'))).toBeUndefined();
		expect(networkErrorCode({ httpCode: '500' })).toBeUndefined();
	});

	it('parses Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-28T10:00:00Z');
		expect(parseRetryAfterMs('3', now)).toBe(3000);
		expect(parseRetryAfterMs('0.5', now)).toBe(500);
		expect(parseRetryAfterMs(['2'], now)).toBe(2000);
		expect(parseRetryAfterMs('Sat, 28 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfterMs('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with full jitter, capped, and honours Retry-After up to the cap', () => {
		const top = { ...DEFAULT_RETRY_TIMING, random: () => 1 };
		const middle = { ...DEFAULT_RETRY_TIMING, random: () => 0.5 };
		expect([1, 2, 3, 4].map((retry) => retryDelayMs(retry, undefined, top))).toEqual([
			1000, 2000, 4000, 8000,
		]);
		expect(retryDelayMs(10, undefined, top)).toBe(30_000);
		expect(retryDelayMs(3, undefined, middle)).toBe(2000);
		expect(retryDelayMs(1, 0, top)).toBe(0);
		expect(retryDelayMs(1, 5000, top)).toBe(5000);
		expect(retryDelayMs(1, 120_000, top)).toBe(30_000);
	});
});

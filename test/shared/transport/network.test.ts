import {
	isKnownNetworkCode,
	isTimeoutCode,
	isTransientNetworkCode,
	networkErrorCode,
	networkReason,
} from '../../../shared/transport/network';

describe('network error codes', () => {
	it('knows its own codes only, not inherited object properties', () => {
		expect(isKnownNetworkCode('ECONNRESET')).toBe(true);
		expect(isKnownNetworkCode('constructor')).toBe(false);
		expect(isTransientNetworkCode('toString')).toBe(false);
	});

	it('an unknown code, or none, is "the connection failed", neither transient nor a timeout', () => {
		for (const code of ['EWHATEVER', 'hasOwnProperty']) {
			expect(networkReason(code)).toBe('the connection failed');
			expect(isTransientNetworkCode(code)).toBe(false);
			expect(isTimeoutCode(code)).toBe(false);
		}
		expect(networkReason(undefined)).toBe('the connection failed');
		expect(isTimeoutCode(undefined)).toBe(false);
	});

	it('reads the code from the error objects, never from message text', () => {
		expect(networkErrorCode({ httpCode: 'ECONNRESET' })).toBe('ECONNRESET');
		expect(networkErrorCode({ code: 'ETIMEDOUT' })).toBe('ETIMEDOUT');
		expect(networkErrorCode({ cause: { cause: { code: 'EPIPE' } } })).toBe('EPIPE');
		expect(networkErrorCode(new Error('read ECONNRESET'))).toBeUndefined();
		expect(networkErrorCode({ httpCode: '500' })).toBeUndefined();
		expect(networkErrorCode(undefined)).toBeUndefined();
	});

	it('stops following causes after a few levels', () => {
		let error: { cause?: unknown; code?: string } = { code: 'ECONNRESET' };
		for (let depth = 0; depth < 10; depth++) error = { cause: error };
		expect(networkErrorCode(error)).toBeUndefined();
	});
});

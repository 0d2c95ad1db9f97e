import * as network from '../../../shared/transport/network';

describe('network error codes', () => {
	it('knows its own codes only, not inherited object properties', () => {
		expect(network.isKnownNetworkCode('ECONNRESET')).toBe(true);
		expect(network.isKnownNetworkCode('constructor')).toBe(false);
		expect(network.isTransientNetworkCode('toString')).toBe(false);
	});

	it('an unknown code, or none, is "the connection failed", neither transient nor a timeout', () => {
		for (const code of ['EWHATEVER', 'hasOwnProperty']) {
			expect(network.networkReason(code)).toBe('the connection failed');
			expect(network.isTransientNetworkCode(code)).toBe(false);
			expect(network.isTimeoutCode(code)).toBe(false);
		}
		expect(network.networkReason(undefined)).toBe('the connection failed');
		expect(network.isTimeoutCode(undefined)).toBe(false);
	});

	it('reads the code from the error objects, never from message text', () => {
		expect(network.networkErrorCode({ httpCode: 'ECONNRESET' })).toBe('ECONNRESET');
		expect(network.networkErrorCode({ code: 'ETIMEDOUT' })).toBe('ETIMEDOUT');
		expect(network.networkErrorCode({ cause: { cause: { code: 'EPIPE' } } })).toBe('EPIPE');
		expect(network.networkErrorCode(new Error('read ECONNRESET'))).toBeUndefined();
		expect(network.networkErrorCode({ httpCode: '500' })).toBeUndefined();
		expect(network.networkErrorCode(undefined)).toBeUndefined();
	});

	it('stops following causes after a few levels', () => {
		let error: { cause?: unknown; code?: string } = { code: 'ECONNRESET' };
		for (let depth = 0; depth < 10; depth++) error = { cause: error };
		expect(network.networkErrorCode(error)).toBeUndefined();
	});
});

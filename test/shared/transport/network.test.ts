import {
	isKnownNetworkCode,
	isTimeoutCode,
	isTransientNetworkCode,
	networkErrorCode,
	networkReason,
} from '../../../shared/transport/network';

describe('network error codes', () => {
	it('retries transient connection failures, not a host that does not exist', () => {
		expect(
			['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].every(
				isTransientNetworkCode,
			),
		).toBe(true);
		expect(isTransientNetworkCode('ENOTFOUND')).toBe(false);
		expect(isTransientNetworkCode('ERR_CANCELED')).toBe(false);
	});

	it('knows its own codes only, not inherited object properties', () => {
		expect(isKnownNetworkCode('ECONNRESET')).toBe(true);
		expect(isKnownNetworkCode('constructor')).toBe(false);
		expect(isTransientNetworkCode('toString')).toBe(false);
	});

	it('explains each failure, and every timeout code as a timeout', () => {
		expect(networkReason('ECONNREFUSED')).toBe('the connection was refused');
		expect(networkReason('ENOTFOUND')).toBe('the host name could not be resolved');
		expect(networkReason('EWHATEVER')).toBe('the connection failed');
		expect(networkReason(undefined)).toBe('the connection failed');
		expect(
			['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT'].every(
				isTimeoutCode,
			),
		).toBe(true);
		expect(isTimeoutCode('ECONNRESET')).toBe(false);
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

/**
 * Connection-level failures: the one list of the Node/axios error codes the transport knows,
 * what each means for a user, and whether it is worth another attempt.
 */
interface NetworkFailure {
	reason: string;
	/** The request may succeed when sent again (for requests that are safe to repeat). */
	transient: boolean;
	/** The attempt ran out of time (the error then names the Timeout option). */
	timeout?: true;
}

const NETWORK_FAILURES: Record<string, NetworkFailure> = {
	ECONNRESET: { reason: 'the connection was reset', transient: true },
	ECONNREFUSED: { reason: 'the connection was refused', transient: true },
	ECONNABORTED: { reason: 'the request timed out', transient: true, timeout: true },
	ETIMEDOUT: { reason: 'the request timed out', transient: true, timeout: true },
	ESOCKETTIMEDOUT: { reason: 'the request timed out', transient: true, timeout: true },
	ERR_SOCKET_CONNECTION_TIMEOUT: {
		reason: 'the request timed out',
		transient: true,
		timeout: true,
	},
	EPIPE: { reason: 'the connection was closed', transient: true },
	EAI_AGAIN: { reason: 'the host name could not be resolved', transient: true },
	ENETUNREACH: { reason: 'the network is unreachable', transient: true },
	EHOSTUNREACH: { reason: 'the host is unreachable', transient: true },
	// A wrong slug or Base URL: sending again cannot help.
	ENOTFOUND: { reason: 'the host name could not be resolved', transient: false },
};

export function isKnownNetworkCode(code: string): boolean {
	return Object.prototype.hasOwnProperty.call(NETWORK_FAILURES, code);
}

export function isTransientNetworkCode(code: string): boolean {
	return isKnownNetworkCode(code) && NETWORK_FAILURES[code].transient;
}

export function networkReason(code: string | undefined): string {
	return (
		(code !== undefined && isKnownNetworkCode(code) && NETWORK_FAILURES[code].reason) ||
		'the connection failed'
	);
}

export function isTimeoutCode(code: string | undefined): boolean {
	return code !== undefined && isKnownNetworkCode(code) && NETWORK_FAILURES[code].timeout === true;
}

/**
 * The error code of a failed request, read from the error objects only (never guessed from
 * message text). n8n wraps the HTTP client's error: the code sits on the error itself, in
 * `httpCode` (n8n 2.x NodeApiError) or somewhere down the `cause` chain.
 */
export function networkErrorCode(error: unknown): string | undefined {
	let current = error as { httpCode?: unknown; code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		for (const code of [current.code, current.httpCode]) {
			if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

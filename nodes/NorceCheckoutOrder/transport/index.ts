import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { NorceConnection } from './connection';
import { NorceCredentialError, norceConnection } from './connection';
import { apiErrorFromAnswer, apiErrorFromNetwork, norceApiError, redact } from './errors';
import { isNetworkErrorCode, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry';

/**
 * The one place that talks HTTP to Norce Checkout: URL, headers, retries, error mapping.
 * Operations describe *what* to call (NorceRequest); this module decides *how*.
 */

export const CREDENTIAL_TYPE = 'norceApi';

export interface NorceRequest {
	method: IHttpRequestMethods;
	/** Segments below /api/v0/checkout; each is percent-encoded as exactly one path segment. */
	path: string[];
	qs?: IDataObject;
	/** JSON text to send as the body, already serialized. */
	jsonBody?: string;
	/**
	 * Lets an operation take a non-2xx answer as its result instead of an error, e.g.
	 * validate's 400 that carries the failed validations.
	 */
	isResult?: (answer: {
		statusCode: number;
		body: unknown;
		afterUncertainAttempt: boolean;
	}) => boolean;
	/**
	 * May the request be sent again after a connection failure, when Norce may already have
	 * carried it out? True for reads and for writes that end in the same state when repeated.
	 */
	safeToRepeat: boolean;
	/** What the request is about, for error messages, e.g. `order "o_123"`. */
	subject: string;
}

export interface NorceResponse {
	statusCode: number;
	body: unknown;
	attempts: number;
	/** An earlier attempt may have reached Norce (connection failure or 502/504 before this one). */
	afterUncertainAttempt: boolean;
}

/** Node options that shape every request of one item. */
export interface RequestSettings {
	channel: string;
	adapterId?: string;
	maxRetries: number;
	timeoutMs: number;
}

/** The credential, validated once per run and reused for every request. */
export interface NorceSession {
	connection: NorceConnection;
	credentials: ICredentialsDecrypted;
}

export interface NorceClient {
	readonly channel: string;
	request(request: NorceRequest): Promise<NorceResponse>;
}

export async function openNorceSession(this: IExecuteFunctions): Promise<NorceSession> {
	const data = await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE, 0);
	let connection: NorceConnection;
	try {
		connection = norceConnection(data);
	} catch (error) {
		const field = error instanceof NorceCredentialError ? error.field : undefined;
		throw new NodeOperationError(this.getNode(), error as Error, {
			description: field && `Fix the "${field}" field of the Norce Checkout credential.`,
		});
	}
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	// Handing n8n the already-decrypted credential saves a credential lookup per request.
	const credentials: ICredentialsDecrypted = {
		id: reference?.id ?? '',
		name: reference?.name ?? '',
		type: CREDENTIAL_TYPE,
		data,
	};
	return { connection, credentials };
}

/** "." and ".." (even percent-encoded): URL parsers resolve them as directory steps. */
export function isDotSegment(segment: string): boolean {
	return /^(\.|%2e){1,2}$/i.test(segment);
}

function encodePathSegment(segment: string): string {
	if (isDotSegment(segment)) throw new Error(`Unsafe path segment "${segment}"`);
	return encodeURIComponent(segment);
}

/**
 * The Node/axios error code of a failed request. n8n wraps the HTTP client's error in a
 * NodeApiError that keeps the code in `httpCode` (n8n 2.x) or `cause.code`, and the client's
 * own texts ("read ECONNRESET", "socket hang up") in `messages`.
 */
function networkErrorCode(error: unknown): string | undefined {
	const wrapped = error as { httpCode?: unknown; code?: unknown; cause?: { code?: unknown } };
	for (const code of [wrapped?.httpCode, wrapped?.code, wrapped?.cause?.code]) {
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	const texts = [
		String((error as Error)?.message ?? ''),
		...((error as NodeApiError)?.messages ?? []),
	];
	for (const text of texts) {
		const code = /\b(E[A-Z]{4,}[A-Z_]*)\b/.exec(text)?.[1];
		if (code !== undefined) return code;
		if (/timeout of \d+ms exceeded/i.test(text)) return 'ECONNABORTED';
		if (/socket hang up/i.test(text)) return 'ECONNRESET';
	}
	return undefined;
}

export function createNorceClient(
	context: IExecuteFunctions,
	session: NorceSession,
	settings: RequestSettings,
	itemIndex: number,
): NorceClient {
	const { connection, credentials } = session;
	const headers: IDataObject = {
		Accept: 'application/json',
		'x-merchant': connection.merchant,
		'x-channel': settings.channel,
	};
	if (settings.adapterId) headers['x-adapterid'] = settings.adapterId;

	async function send(request: NorceRequest) {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${connection.baseUrl}/api/v0/checkout/${request.path.map(encodePathSegment).join('/')}`,
			qs: request.qs,
			arrayFormat: 'repeat',
			headers:
				request.jsonBody === undefined
					? { ...headers }
					: { ...headers, 'Content-Type': 'application/json' },
			body: request.jsonBody,
			timeout: settings.timeoutMs,
			returnFullResponse: true,
			// Statuses are judged here, so validate's 400 can be a result and retries see them.
			ignoreHttpStatusErrors: true,
		};
		return (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
			{ credentialsDecrypted: credentials },
		)) as { statusCode: number; body: unknown; headers: IDataObject };
	}

	async function request(request: NorceRequest): Promise<NorceResponse> {
		const failure = {
			node: context.getNode(),
			itemIndex,
			subject: request.subject,
			channel: settings.channel,
			secrets: [connection.token],
		};
		let afterUncertainAttempt = false;
		for (let attempt = 1; ; attempt++) {
			const mayRetry = attempt <= settings.maxRetries && !isCancelled(context);
			let response;
			try {
				response = await send(request);
			} catch (error) {
				const code = networkErrorCode(error);
				if (code !== undefined && isNetworkErrorCode(code) && request.safeToRepeat && mayRetry) {
					afterUncertainAttempt = true;
					await sleep(retryDelayMs(attempt, undefined, Math.random()));
					continue;
				}
				if (code !== undefined) {
					throw apiErrorFromNetwork(code, {
						...failure,
						attempts: attempt,
						timeoutMs: settings.timeoutMs,
						retriedNetworkErrors: request.safeToRepeat,
					});
				}
				throw unexpectedError(context, error, failure.secrets, itemIndex);
			}
			const { statusCode } = response;
			// Any answer, successes included, may echo the key back (e.g. the Authorization header).
			const body = withoutSecrets(response.body, failure.secrets);
			if (
				(statusCode >= 200 && statusCode < 300) ||
				request.isResult?.({ statusCode, body, afterUncertainAttempt })
			) {
				return { statusCode, body, attempts: attempt, afterUncertainAttempt };
			}
			if (isRetryableStatus(statusCode) && mayRetry) {
				// A gateway error may hide a request that did reach Norce.
				if (statusCode === 502 || statusCode === 504) afterUncertainAttempt = true;
				const retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after'], Date.now());
				await sleep(retryDelayMs(attempt, retryAfterMs, Math.random()));
				continue;
			}
			throw apiErrorFromAnswer({ status: statusCode, body }, { ...failure, attempts: attempt });
		}
	}

	return { channel: settings.channel, request };
}

/** The body with every secret in its strings (and keys) replaced by `***`. */
function withoutSecrets(body: unknown, secrets: string[]): unknown {
	// One native scan first: bodies almost never contain the key, so the walk is rare.
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
	if (!secrets.some((secret) => secret && text.includes(secret))) return body;
	const walk = (value: unknown): unknown => {
		if (typeof value === 'string') return redact(value, secrets);
		if (Array.isArray(value)) return value.map(walk);
		if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
			return Object.fromEntries(
				Object.entries(value).map(([key, entry]) => [redact(key, secrets) ?? key, walk(entry)]),
			);
		}
		return value;
	};
	return walk(body);
}

function isCancelled(context: IExecuteFunctions): boolean {
	return context.getExecutionCancelSignal?.()?.aborted === true;
}

/** Anything that is neither an answer nor a known network failure; scrubbed of the key. */
function unexpectedError(
	context: IExecuteFunctions,
	error: unknown,
	secrets: string[],
	itemIndex: number,
): Error {
	if (error instanceof NodeOperationError) return error;
	const message =
		redact((error as Error)?.message, secrets) ?? 'The request to Norce Checkout failed';
	const description =
		redact((error as NodeApiError)?.description ?? undefined, secrets) ??
		'Check the credential and the node parameters; if it persists, report it with this message.';
	return norceApiError({ node: context.getNode(), itemIndex }, message, description, {});
}

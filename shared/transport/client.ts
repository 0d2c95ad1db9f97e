import type { IDataObject, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { configurationApiRoot } from '../configuration';
import { notificationBaseUrl } from '../connection';
import { apiErrorFromAnswer, apiErrorFromNetwork, norceApiError, redact } from './errors';
import { isTransientNetworkCode, networkErrorCode } from './network';
import type { RetryTiming } from './retry';
import {
	isRetryableStatus,
	isUncertainStatus,
	parseRetryAfterMs,
	retryDelayMs,
	waitUnlessAborted,
} from './retry';
import type {
	NorceClient,
	NorceContext,
	NorceRequest,
	NorceResponse,
	NorceSession,
	RequestSettings,
} from './types';
import { CREDENTIAL_TYPE } from './types';

/** "." and ".." (even percent-encoded): URL parsers resolve them as directory steps. */
export function isDotSegment(segment: string): boolean {
	return /^(\.|%2e){1,2}$/i.test(segment);
}

function encodePathSegment(segment: string): string {
	if (isDotSegment(segment)) throw new Error(`Unsafe path segment "${segment}"`);
	return encodeURIComponent(segment);
}

interface ClientOptions {
	/** The input item the requests are for; absent for polls and option lists. */
	itemIndex?: number;
	timing: RetryTiming;
}

/** Only action nodes have a cancel signal; elsewhere a wait simply runs out. */
function cancelSignal(context: NorceContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined;
}

/** The Notification Service root of an order base URL; one URL parse per base, not per item. */
const notificationRoots = new Map<string, string>();
function notificationRoot(orderBaseUrl: string): string {
	let root = notificationRoots.get(orderBaseUrl);
	if (root === undefined) {
		root = `${notificationBaseUrl(orderBaseUrl)}/api/v1`;
		if (notificationRoots.size > 100) notificationRoots.clear();
		notificationRoots.set(orderBaseUrl, root);
	}
	return root;
}

export function createNorceClient(
	context: NorceContext,
	session: NorceSession,
	settings: RequestSettings,
	{ itemIndex, timing }: ClientOptions,
): NorceClient {
	const { connection, credentials } = session;
	const secrets = [connection.token];
	const orderHeaders: IDataObject = {
		Accept: 'application/json',
		'x-merchant': connection.merchant,
		'x-channel': settings.channel,
	};
	if (settings.adapterId) orderHeaders['x-adapterid'] = settings.adapterId;
	const services = {
		order: { root: `${connection.baseUrl}/api/v0/checkout`, headers: orderHeaders },
		notification: {
			get root() {
				return notificationRoot(connection.baseUrl);
			},
			headers: { Accept: 'application/json', 'x-merchant': connection.merchant },
		},
		// Merchant and channel are path segments here; Norce's own client (nco-control) sends
		// only the token (norce-order-api §10).
		configuration: {
			get root() {
				return configurationApiRoot(connection.baseUrl);
			},
			headers: { Accept: 'application/json' },
		},
	};

	async function send(request: NorceRequest) {
		const { root, headers } = services[request.service ?? 'order'];
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${root}/${request.path.map(encodePathSegment).join('/')}`,
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
			// A redirected write could be carried out twice, or turned into a GET by the client:
			// only reads follow redirects; for a write a 3xx is an error naming the redirect.
			...(request.method === 'GET' ? {} : { disableFollowRedirect: true }),
		};
		return (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
			{ credentialsDecrypted: credentials },
		)) as { statusCode: number; body: unknown; headers: IDataObject };
	}

	async function request(request: NorceRequest): Promise<NorceResponse> {
		const signal = cancelSignal(context);
		const failure = {
			node: context.getNode(),
			itemIndex,
			subject: request.subject,
			channel: settings.channel,
			secrets,
		};
		let afterUncertainAttempt = false;
		for (let attempt = 1; ; attempt++) {
			const mayRetry = attempt <= settings.maxRetries && signal?.aborted !== true;
			let response;
			try {
				response = await send(request);
			} catch (error) {
				const code = networkErrorCode(error);
				if (code === undefined) throw unexpectedError(context, error, secrets, itemIndex);
				if (isTransientNetworkCode(code) && request.safeToRepeat && mayRetry) {
					afterUncertainAttempt = true;
					await waitUnlessAborted(retryDelayMs(attempt, undefined, timing), signal);
					continue;
				}
				throw apiErrorFromNetwork(code, {
					...failure,
					attempts: attempt,
					timeoutMs: settings.timeoutMs,
					retriedNetworkErrors: request.safeToRepeat,
				});
			}
			const { statusCode } = response;
			// Any answer, successes included, may echo the key back (e.g. the Authorization header).
			const body = withoutSecrets(response.body, secrets);
			if (
				(statusCode >= 200 && statusCode < 300) ||
				request.isResult?.({ statusCode, body, afterUncertainAttempt })
			) {
				return { statusCode, body, attempts: attempt, afterUncertainAttempt };
			}
			// A gateway error may come after Norce carried the request out, like a dropped
			// connection: only requests safe to repeat are sent again.
			const uncertain = isUncertainStatus(statusCode);
			const notRepeated = uncertain && !request.safeToRepeat;
			if (isRetryableStatus(statusCode) && mayRetry && !notRepeated) {
				if (uncertain) afterUncertainAttempt = true;
				const retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after'], Date.now());
				await waitUnlessAborted(retryDelayMs(attempt, retryAfterMs, timing), signal);
				continue;
			}
			throw apiErrorFromAnswer(
				{ status: statusCode, body, location: headerText(response.headers?.location) },
				{ ...failure, attempts: attempt, notRepeated: notRepeated && mayRetry },
			);
		}
	}

	return { channel: settings.channel, request };
}

function headerText(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first !== '' ? first : undefined;
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

/** Anything that is neither an answer nor a known network failure; scrubbed of the key. */
function unexpectedError(
	context: NorceContext,
	error: unknown,
	secrets: string[],
	itemIndex: number | undefined,
): Error {
	if (error instanceof NodeOperationError) return error;
	const message =
		redact((error as Error)?.message, secrets) ?? 'The request to Norce Checkout failed';
	const description =
		redact((error as NodeApiError)?.description ?? undefined, secrets) ??
		'Check the credential and the node parameters; if it persists, report it with this message.';
	return norceApiError({ node: context.getNode(), itemIndex }, message, description, {});
}

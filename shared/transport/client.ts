import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	AnswerTooLargeError,
	MAX_ANSWER_BYTES,
	TOO_DEEP,
	parseAnswer,
	readAnswerText,
} from './answer';
import { RunningAttempts } from './attempts';
import { MAX_REDIRECTS, credentialOrigin, originOf, serviceHeaders, serviceRoot } from './endpoint';
import {
	apiErrorFromAnswer,
	apiErrorFromNetwork,
	boundsError,
	notNorceError,
	norceApiError,
	redact,
	redirectError,
	throttledError,
} from './errors';
import { isTransientNetworkCode, networkErrorCode } from './network';
import type { RetryTiming } from './retry';
import {
	isRetryableStatus,
	isUncertainStatus,
	parseRetryAfterMs,
	retryDelayMs,
	waitUnlessAborted,
} from './retry';
import { readsOf } from './reads';
import { Throttle, isThrottle } from './throttle';
import { JsonString } from './types';
import type {
	NorceBody,
	NorceClient,
	NorceContext,
	NorceRequest,
	NorceResponse,
	NorceService,
	NorceSession,
	RequestSettings,
} from './types';

/** "." and ".." (even percent-encoded): URL parsers resolve them as directory steps. */
export function isDotSegment(segment: string): boolean {
	return /^(\.|%2e){1,2}$/i.test(segment);
}

/** A UTF-16 surrogate without its pair: it has no UTF-8 form, so no URL can carry it. */
export function hasLoneSurrogate(text: string): boolean {
	return /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function encodePathSegment(segment: string): string | undefined {
	if (isDotSegment(segment) || hasLoneSurrogate(segment)) return undefined;
	return encodeURIComponent(segment);
}

/** What a Norce ID looks like (`o_…`, `p_…`): one short token, never markup or prose. */
export function isPlainId(text: string): boolean {
	return /^[\w.:~-]{1,512}$/.test(text.trim());
}

interface ClientOptions {
	timing: RetryTiming;
	/** Shared by every client of one execution, so the node backs off as one. */
	throttle?: Throttle;
	/** The decompressed size at which an answer is refused (tests lower it). */
	maxAnswerBytes?: number;
}

/** One attempt's answer: status, headers and the text read within the attempt's bounds. */
interface RawAnswer {
	statusCode: number;
	headers: IDataObject;
	text: string;
}

/** How an attempt ended: an answer, or what stopped it (and whether its deadline did). */
type AttemptOutcome = { answer: RawAnswer } | { failure: unknown; timedOut: boolean };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Only action nodes have a cancel signal; elsewhere a wait simply runs out. */
function cancelSignal(context: NorceContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined;
}

export function createNorceClient(
	context: NorceContext,
	session: NorceSession,
	settings: RequestSettings,
	{ timing, throttle = new Throttle(timing), maxAnswerBytes = MAX_ANSWER_BYTES }: ClientOptions,
): NorceClient {
	const { connection } = session;
	const secrets = [connection.token];
	const origin = credentialOrigin(connection);
	// One timer for the deadlines and one cancel listener for every attempt (attempts.ts).
	const cancel = cancelSignal(context);
	const running = new RunningAttempts(cancel);
	const endpoints = new Map<NorceService, { root: string; headers: Record<string, string> }>();
	const endpoint = (service: NorceService) => {
		let found = endpoints.get(service);
		if (found === undefined) {
			found = {
				root: serviceRoot(connection, service),
				headers: serviceHeaders(connection, service, settings.channel, settings.adapterId),
			};
			endpoints.set(service, found);
		}
		return found;
	};

	/**
	 * One attempt under one deadline (connect to last byte): the request, the same-origin
	 * redirects of a read, and the answer read off the wire. n8n is told never to follow a
	 * redirect itself: it would send the key to wherever the redirect points.
	 */
	async function attempt(
		request: NorceRequest,
		url: string,
		payload: string | undefined,
	): Promise<AttemptOutcome> {
		const { headers } = endpoint(request.service ?? 'order');
		const controller = new AbortController();
		const stop = () => controller.abort();
		const current = running.start(settings.timeoutMs, stop);
		if (cancel?.aborted) stop(); // cancelled during a wait: nothing is sent
		const visited = [url];
		try {
			for (;;) {
				const first = visited.length === 1;
				const options: IHttpRequestOptions = {
					method: request.method,
					url: visited[visited.length - 1],
					// A redirect's Location carries its own query.
					...(first ? { qs: request.qs, arrayFormat: 'repeat' as const } : {}),
					headers:
						payload === undefined
							? { ...headers }
							: { ...headers, 'Content-Type': 'application/json' },
					body: payload,
					timeout: settings.timeoutMs,
					abortSignal: controller.signal,
					returnFullResponse: true,
					// Statuses are judged here, so validate's 400 can be a result and retries see them.
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					sendCredentialsOnCrossOriginRedirect: false,
					// The raw (decompressed) stream: read here with a size cap and the deadline.
					encoding: 'stream',
				};
				const response = (await context.helpers.httpRequest(options)) as {
					statusCode: number;
					body: unknown;
					headers: IDataObject;
				};
				const location = headerText(response.headers?.location);
				if (REDIRECT_STATUSES.has(response.statusCode) && location && request.method === 'GET') {
					discard(response.body);
					const current = visited[visited.length - 1];
					const targetOrigin = originOf(location, current);
					if (targetOrigin !== origin) {
						throw redirectError('elsewhere', failureOf(request, visited.length), {
							status: response.statusCode,
							target: targetOrigin ?? location,
							origin,
						});
					}
					const target = new URL(location, current).href;
					if (visited.length > MAX_REDIRECTS) {
						throw redirectError('loop', failureOf(request, visited.length), {
							status: response.statusCode,
							target,
							origin,
						});
					}
					visited.push(target);
					continue;
				}
				const text = await readAnswerText(response.body, maxAnswerBytes, controller.signal);
				return {
					answer: { statusCode: response.statusCode, headers: response.headers ?? {}, text },
				};
			}
		} catch (failure) {
			return { failure, timedOut: current.timedOut && !isNodeError(failure) };
		} finally {
			running.end(current);
		}
	}

	function failureOf(request: NorceRequest, attempts: number) {
		return {
			node: context.getNode(),
			subject: request.subject,
			channel: settings.channel,
			secrets,
			attempts,
		};
	}

	function urlOf(request: NorceRequest): string {
		const segments = request.path.map(encodePathSegment);
		if (segments.some((segment) => segment === undefined)) {
			throw new NodeOperationError(
				context.getNode(),
				`An ID for ${request.subject} cannot be sent in a URL`,
				{
					description:
						'It is "." or "..", or holds half of a character pair (a lone surrogate, e.g. from cutting text in the middle of an emoji). Check the ID parameters of this item.',
				},
			);
		}
		return `${endpoint(request.service ?? 'order').root}/${segments.join('/')}`;
	}

	async function request(request: NorceRequest): Promise<NorceResponse> {
		const url = urlOf(request);
		const payload = serialise(request.body);
		let afterUncertainAttempt = false;
		/** Repeats after a connection failure or gateway error; Max Retries bounds them. */
		let retries = 0;
		for (let attempts = 1; ; attempts++) {
			const round = await throttle.beforeSend(cancel);
			if (throttle.isOpen) {
				throw throttledError(failureOf(request, attempts - 1), throttle.throttledRounds);
			}
			const mayRetry = retries < settings.maxRetries && cancel?.aborted !== true;
			const outcome = await attempt(request, url, payload);
			if ('failure' in outcome) {
				const { failure } = outcome;
				if (failure instanceof AnswerTooLargeError) {
					throw boundsError(failureOf(request, attempts), failure.message, 'size');
				}
				const code = outcome.timedOut ? 'ETIMEDOUT' : networkErrorCode(failure);
				if (code === undefined || isNodeError(failure)) {
					throw unexpectedError(context, failure, secrets);
				}
				if (isTransientNetworkCode(code) && request.safeToRepeat && mayRetry) {
					retries++;
					afterUncertainAttempt = true;
					await waitUnlessAborted(retryDelayMs(retries, undefined, timing), cancel);
					continue;
				}
				throw apiErrorFromNetwork(code, {
					...failureOf(request, attempts),
					timeoutMs: settings.timeoutMs,
					retriedNetworkErrors: request.safeToRepeat,
				});
			}
			const { answer } = outcome;
			const { statusCode } = answer;
			const retryAfterMs = parseRetryAfterMs(answer.headers['retry-after'], Date.now());
			const throttled = isThrottle(statusCode, retryAfterMs);
			if (throttled) {
				throttle.throttled(round, retryAfterMs);
				if (settings.maxRetries > 0 && cancel?.aborted !== true && !throttle.isOpen) continue;
			} else {
				throttle.passed(round);
			}
			const parsed = parseAnswer(answer.text);
			if (parsed.tooDeep) throw boundsError(failureOf(request, attempts), TOO_DEEP, 'depth');
			// Any answer, successes included, may echo the key back (e.g. the Authorization header).
			const body = withoutSecrets(parsed.body, answer.text, secrets);
			const success = statusCode >= 200 && statusCode < 300;
			if (success || request.isResult?.({ statusCode, body, afterUncertainAttempt })) {
				if (
					success &&
					request.method !== 'GET' &&
					!request.checksAnswer &&
					!parsed.isJson &&
					body !== undefined
				) {
					if (typeof body !== 'string' || !isPlainId(body)) {
						throw notNorceError({ node: context.getNode() }, request.subject, statusCode, body);
					}
				}
				return { statusCode, body, attempts, afterUncertainAttempt };
			}
			// A gateway error may come after Norce carried the request out, like a dropped
			// connection: only requests safe to repeat are sent again.
			const uncertain = isUncertainStatus(statusCode);
			const notRepeated = uncertain && !request.safeToRepeat;
			if (!throttled && isRetryableStatus(statusCode) && mayRetry && !notRepeated) {
				retries++;
				if (uncertain) afterUncertainAttempt = true;
				await waitUnlessAborted(retryDelayMs(retries, retryAfterMs, timing), cancel);
				continue;
			}
			throw apiErrorFromAnswer(
				{ status: statusCode, body, location: headerText(answer.headers.location) },
				{
					...failureOf(request, attempts),
					notRepeated: notRepeated && mayRetry,
					throttledRounds: throttled && throttle.isOpen ? throttle.throttledRounds : undefined,
				},
			);
		}
	}

	return { channel: settings.channel, request, ...readsOf(context, request) };
}

/** Errors already worded for the user (a refused redirect, an unusable ID). */
function isNodeError(error: unknown): error is NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError;
}

function serialise(body: NorceBody | undefined): string | undefined {
	if (body === undefined) return undefined;
	return JSON.stringify(body instanceof JsonString ? body.text : body);
}

/** An answer not read (a redirect's page): closed so its connection is freed. */
function discard(body: unknown) {
	const stream = body as { destroy?: () => void } | undefined;
	if (typeof stream?.destroy === 'function') stream.destroy();
}

function headerText(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first !== '' ? first : undefined;
}

/**
 * The body parsed from `text` with every secret in its strings (and keys) replaced by `***`.
 * Bodies almost never contain the key, so one native scan of the text comes first: without a
 * backslash, every string in the body is a piece of the text, and the walk is skipped.
 */
function withoutSecrets(body: unknown, text: string, secrets: string[]): unknown {
	const holds = (scanned: string) => secrets.some((secret) => secret && scanned.includes(secret));
	if (!holds(text) && (!text.includes('\\') || !holds(JSON.stringify(body) ?? ''))) return body;
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

/** Errors already worded here pass as they are; anything else unknown is scrubbed of the key. */
function unexpectedError(context: NorceContext, error: unknown, secrets: string[]): Error {
	if (isNodeError(error)) return error;
	const message =
		redact((error as Error)?.message, secrets) ?? 'The request to Norce Checkout failed';
	const description =
		redact((error as NodeApiError)?.description ?? undefined, secrets) ??
		'Check the credential and the node parameters; if it persists, report it with this message.';
	return norceApiError({ node: context.getNode() }, message, description, {});
}

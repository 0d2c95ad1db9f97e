import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { MAX_REDIRECTS } from './endpoint';
import { isTimeoutCode, networkReason } from './network';

/**
 * Turns a Norce answer (or a failed connection) into a NodeApiError a user can act on.
 *
 * Errors are built from a small plain object, never from the HTTP client's error: that one
 * holds the request headers, and with them the API key, which n8n would store in the run data.
 */

/** The fields Norce error bodies may carry: BaseError `{code, message}` or RFC 7807. */
interface NorceErrorBody {
	code?: string;
	message?: string;
}

export interface FailedAnswer {
	status: number;
	body: unknown;
	/** The Location header of a redirect. */
	location?: string;
}

export interface FailureContext {
	node: INode;
	/** The input item, for action nodes; absent for polls and option lists. */
	itemIndex?: number;
	/** Values that must never reach a message, e.g. the API key echoed back by a server. */
	secrets: string[];
	/** What the request was about, e.g. `order "o_123"`. */
	subject: string;
	channel: string;
	attempts: number;
	/** A retry was left out because Norce may already have carried the request out. */
	notRepeated?: boolean;
	/** Set when the node stopped sending after this many throttled rounds (see Throttle). */
	throttledRounds?: number;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The <title> of an HTML page, when it has one. */
function htmlTitle(html: string): string | undefined {
	return /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() || undefined;
}

/** Reads a Norce error body in any of the shapes seen: BaseError, RFC 7807, array, HTML, text. */
export function readErrorBody(body: unknown): NorceErrorBody {
	if (Array.isArray(body)) {
		const first = body.find((entry) => entry && typeof entry === 'object') as
			| JsonObject
			| undefined;
		return first ? { code: text(first.code), message: text(first.message) } : {};
	}
	if (body && typeof body === 'object') {
		const object = body as JsonObject;
		const errors = object.errors;
		let fieldErrors: string | undefined;
		if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
			// ASP.NET validation problem: { errors: { field: ["msg"] } }
			fieldErrors = Object.entries(errors)
				.map(([field, messages]) => `${field}: ${([] as unknown[]).concat(messages).join(' ')}`)
				.join('; ');
		} else if (Array.isArray(errors)) {
			return readErrorBody(errors);
		}
		const message =
			text(object.message) ?? text(object.detail) ?? text(object.title) ?? fieldErrors;
		const code =
			text(object.code) ??
			(text(object.type)?.startsWith('http') ? undefined : text(object.type)) ??
			text(object.title);
		return { code: code === message ? undefined : code, message };
	}
	const raw = text(body);
	if (raw === undefined) return {};
	if (/^\s*</.test(raw)) {
		// An HTML page comes from a proxy or gateway, not from Norce; its <title> says enough.
		const title = htmlTitle(raw);
		return { message: title ? `${title} (HTML page from a proxy or gateway)` : 'an HTML page' };
	}
	return { message: raw.length > 300 ? `${raw.slice(0, 300)}…` : raw };
}

function tag(status: number, code: string | undefined) {
	return code ? `[${status} ${code}]` : `[HTTP ${status}]`;
}

function triesNote(attempts: number) {
	return attempts > 1 ? ` after ${attempts} attempts` : '';
}

/** Replaces every occurrence of a secret with `***`. */
export function redact(text: string | undefined, secrets: string[]): string | undefined {
	if (text === undefined) return undefined;
	return secrets.reduce(
		(result, secret) => (secret ? result.split(secret).join('***') : result),
		text,
	);
}

export function apiErrorFromAnswer(answer: FailedAnswer, context: FailureContext): NodeApiError {
	const { status } = answer;
	const body = readErrorBody(answer.body);
	// Whatever the server sent is untrusted text: a proxy may echo the Authorization header.
	const code = redact(body.code, context.secrets);
	const norceMessage = redact(body.message, context.secrets);
	const said = norceMessage ? `Norce said: ${norceMessage}` : 'Norce sent no error details.';
	let message: string;
	let hint: string;
	if (status === 401 || status === 403) {
		message = `Norce Checkout refused access ${tag(status, code)}`;
		hint = `Check the API key, merchant and channel ("${context.channel}") in the Norce Checkout credential.`;
	} else if (status === 404) {
		message = `Not found: ${context.subject} ${tag(status, code)}`;
		hint = `Check the ID, and that it belongs to the merchant and channel "${context.channel}".`;
	} else if (status === 429 || (status === 503 && context.throttledRounds !== undefined)) {
		message = `Norce Checkout is rate limiting requests ${tag(status, code)}${triesNote(context.attempts)}`;
		hint =
			context.throttledRounds === undefined
				? 'Lower the Concurrency option, or raise Max Retries so the node waits longer.'
				: `${stoppedNote(context.throttledRounds)} Lower the Concurrency option, or run the remaining items later.`;
	} else if (status >= 300 && status < 400) {
		const to = redact(answer.location, context.secrets);
		message = `Norce Checkout answered the request for ${context.subject} with a redirect ${tag(status, code)}${to ? ` to ${to}` : ''}`;
		hint =
			'The node does not follow redirects for requests that change data: a redirected change could be carried out twice, or sent on as a read. Check the environment, slug or Base URL of the credential (e.g. http:// where the server wants https://).';
	} else if (status >= 500) {
		message = `Norce Checkout failed with a server error ${tag(status, code)}${triesNote(context.attempts)}`;
		hint = context.notRepeated
			? `This request is not retried after a gateway error because Norce may already have carried it out (the proxy lost the answer); check ${context.subject} before running it again.`
			: 'This is on the Norce side or a proxy in between; try again later.';
	} else {
		message = `Norce Checkout rejected the request for ${context.subject} ${tag(status, code)}`;
		hint = 'Check the values sent by this node.';
	}
	return norceApiError(context, message, `${said} ${hint}`, {
		httpCode: String(status),
		norceCode: code ?? null,
	});
}

function stoppedNote(rounds: number) {
	return `Every request was throttled (429 or 503) for ${rounds} rounds of waiting in a row, so the node stopped sending for this run.`;
}

/** A request not sent (again) because the node stopped sending after lasting throttling. */
export function throttledError(context: FailureContext, rounds: number): NodeApiError {
	const sentBefore = context.attempts > 0;
	const message = sentBefore
		? `Norce Checkout is rate limiting requests: the request for ${context.subject} was not sent again after ${context.attempts} attempts`
		: `Norce Checkout is rate limiting requests: nothing was sent for ${context.subject}`;
	const nothing = sentBefore ? '' : ' Nothing was sent for this item, so it is safe to run again.';
	return norceApiError(
		context,
		message,
		`${stoppedNote(rounds)}${nothing} Lower the Concurrency option, or run the remaining items later.`,
		{ httpCode: '429' },
	);
}

export type RedirectProblem = 'elsewhere' | 'loop';

/**
 * A redirect of a read the node did not follow: to another origin (the key, merchant and
 * channel go only to the credential's host), or round in a loop.
 */
export function redirectError(
	problem: RedirectProblem,
	context: FailureContext,
	redirect: { status: number; target: string; origin: string },
): NodeApiError {
	const target = redact(redirect.target, context.secrets);
	const message =
		problem === 'elsewhere'
			? `Norce Checkout redirected the request for ${context.subject} to another host, ${target} [HTTP ${redirect.status}]`
			: `Norce Checkout redirected the request for ${context.subject} in a loop [HTTP ${redirect.status}]`;
	const description =
		problem === 'elsewhere'
			? `The node sends the API key only to ${redirect.origin}, the address the credential names, so it did not follow. Check the environment, slug or Base URL of the credential, and any proxy in between (e.g. http:// where the server wants https://: then set the Base URL to the new address).`
			: `It was still being redirected after ${MAX_REDIRECTS} redirects (the last to ${target}). Check the Base URL of the credential and any proxy in between.`;
	return norceApiError(context, message, description, { httpCode: String(redirect.status) });
}

/** An answer beyond the transport's bounds (size or nesting); never sent again. */
export function boundsError(
	context: FailureContext,
	problem: string,
	bound: 'size' | 'depth',
): NodeApiError {
	const hint =
		bound === 'size'
			? 'A list page of Norce stays far below this. Check the Base URL of the credential and any proxy in between; for lists, lower Limit.'
			: 'Norce does not send such answers. Check the Base URL of the credential and any proxy in between.';
	return norceApiError(
		context,
		`Norce Checkout's answer for ${context.subject} was refused: ${problem}`,
		hint,
		{},
	);
}

/** A 2xx to a change that is not JSON: a sign-in page or web app answered, not Norce. */
export function notNorceError(
	context: Pick<FailureContext, 'node' | 'itemIndex'>,
	subject: string,
	status: number,
	body: unknown,
): NodeApiError {
	const page = typeof body === 'string' ? body : '';
	const title = htmlTitle(page);
	const what = /^\s*</.test(page)
		? `an HTML page${title ? ` ("${title.slice(0, 80)}")` : ''}`
		: 'text that is not JSON';
	return norceApiError(
		context,
		`Norce Checkout answered the request for ${subject} with ${what} [HTTP ${status}]`,
		"Norce answers a change with JSON or nothing at all. The Base URL may not point at the Norce Checkout API (a proxy's sign-in page or a web app answers like this): check the environment, slug or Base URL of the credential. Whether the change was made is not known; check before running it again.",
		{ httpCode: String(status) },
	);
}

export function apiErrorFromNetwork(
	errorCode: string | undefined,
	context: FailureContext & { timeoutMs: number; retriedNetworkErrors: boolean },
): NodeApiError {
	const reason = networkReason(errorCode);
	const timedOut = isTimeoutCode(errorCode);
	const message = `Could not reach Norce Checkout for ${context.subject}: ${reason}${
		timedOut ? ` (${context.timeoutMs} ms)` : ''
	}${triesNote(context.attempts)}`;
	const hint = timedOut
		? 'Raise the Timeout option, or lower Concurrency if Norce is slow under load.'
		: 'Check the environment, slug or Base URL in the credential, and the network.';
	const caution = context.retriedNetworkErrors
		? ''
		: ' This request is not retried after a connection failure because Norce may already have carried it out.';
	return norceApiError(context, message, `${hint}${caution}`, { networkCode: errorCode ?? null });
}

export function norceApiError(
	context: Pick<FailureContext, 'node' | 'itemIndex'>,
	message: string,
	description: string,
	facts: { httpCode?: string; norceCode?: string | null; networkCode?: string | null },
): NodeApiError {
	const error = new NodeApiError(context.node, { message, description, ...facts } as JsonObject, {
		message,
		description,
		httpCode: facts.httpCode,
		itemIndex: context.itemIndex,
	});
	// NodeApiError swaps in a generic text when the message happens to contain a Node error
	// code (ids are user input); ours is more specific, so keep it.
	error.message = message;
	error.description = description;
	return error;
}

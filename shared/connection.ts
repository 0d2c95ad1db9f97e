import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Where and as whom the node talks to Norce: everything the `norceApi` credential decides.
 * Both the node's transport and the credential's own `authenticate` build on this, so a
 * credential test and a node run can never disagree about host or headers.
 */
export interface NorceConnection {
	/** Base up to and including `/checkout/order`, never with a trailing slash. */
	baseUrl: string;
	merchant: string;
	channel: string;
	/** The raw token, without any `Bearer ` prefix. */
	token: string;
}

export type NorceEnvironment = 'playground' | 'stage' | 'production' | 'custom';

/** Host suffix per environment; production has no environment segment (norce-order-api §2.1). */
const HOST_SUFFIX: Record<Exclude<NorceEnvironment, 'custom'>, string> = {
	playground: '.api-se.playground.norce.tech',
	stage: '.api-se.stage.norce.tech',
	production: '.api-se.norce.tech',
};

// A slug is one DNS label: anything else ('.', '/', '@', '#', ':') could move the request to
// another host, which would hand the API key to whoever owns it.
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Thrown for a credential that cannot be used; the message names the field to fix. */
export class NorceCredentialError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'NorceCredentialError';
	}
}

/** Header values must not carry CR/LF (header injection) or other control characters. */
export function hasControlCharacters(value: string): boolean {
	for (let index = 0; index < value.length; index++) {
		const code = value.charCodeAt(index);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

/** Node's HTTP client refuses header values with characters above U+00FF (e.g. "€", U+2028). */
export function hasNonHeaderCharacters(value: string): boolean {
	for (let index = 0; index < value.length; index++) {
		if (value.charCodeAt(index) > 0xff) return true;
	}
	return false;
}

/**
 * Merchant, channel and adapter IDs are short identifiers; a value this long is a mapping
 * mistake, and servers refuse headers of a few kilobytes with an unhelpful 431 or reset.
 */
export const MAX_HEADER_VALUE_LENGTH = 256;

/** Why a value cannot be sent as an HTTP header (the end of a sentence), or undefined. */
export function headerValueProblem(
	value: string,
	maxLength = MAX_HEADER_VALUE_LENGTH,
): string | undefined {
	if (hasControlCharacters(value)) return 'contains a line break or control character';
	if (hasNonHeaderCharacters(value)) {
		return 'contains a character that cannot be sent in an HTTP header';
	}
	if (value.length > maxLength) {
		return `is ${value.length} characters long; at most ${maxLength} are sent in an HTTP header`;
	}
	return undefined;
}

/** Tokens are longer than identifiers (a JWT runs to a kilobyte or two), but not unbounded. */
const MAX_API_KEY_LENGTH = 8192;

/** A credential field sent as an HTTP header: refused here rather than failing as a "connection" error. */
function headerText(
	credentials: ICredentialDataDecryptedObject,
	field: string,
	label: string,
	maxLength?: number,
) {
	const value = requiredText(credentials, field, label);
	const problem = headerValueProblem(value, maxLength);
	if (problem !== undefined) {
		throw new NorceCredentialError(field, `The Norce Checkout credential's ${label} ${problem}`);
	}
	return value;
}

function requiredText(credentials: ICredentialDataDecryptedObject, field: string, label: string) {
	const raw = credentials[field];
	const value =
		typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw);
	if (value === '') {
		throw new NorceCredentialError(field, `The Norce Checkout credential has no ${label}`);
	}
	if (hasControlCharacters(value)) {
		throw new NorceCredentialError(
			field,
			`The Norce Checkout credential's ${label} contains a line break or control character`,
		);
	}
	return value;
}

/** Strips a `Bearer ` prefix that users often paste together with the key. */
export function bearerToken(apiKey: string): string {
	return apiKey.trim().replace(/^bearer(\s+|$)/i, '');
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

export function norceBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = (credentials.environment ?? 'playground') as NorceEnvironment;
	if (environment === 'custom') {
		const raw = requiredText(credentials, 'baseUrl', 'Base URL');
		const url = parseUrl(raw);
		if (url === undefined) {
			throw new NorceCredentialError('baseUrl', `The Base URL "${raw}" is not a valid URL`);
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			throw new NorceCredentialError(
				'baseUrl',
				`The Base URL must start with http:// or https:// (got "${url.protocol}")`,
			);
		}
		if (url.username || url.password || url.search || url.hash) {
			throw new NorceCredentialError(
				'baseUrl',
				'The Base URL must not contain a user name, password, query or fragment',
			);
		}
		return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
	}
	const suffix = HOST_SUFFIX[environment as Exclude<NorceEnvironment, 'custom'>];
	if (suffix === undefined) {
		throw new NorceCredentialError('environment', `Unknown Norce environment "${environment}"`);
	}
	const slug = requiredText(credentials, 'slug', 'slug');
	if (!SLUG_PATTERN.test(slug)) {
		throw new NorceCredentialError(
			'slug',
			'The slug may only contain lowercase letters, digits and hyphens (for example "my-shop")',
		);
	}
	return `https://${slug}${suffix}/checkout/order`;
}

/**
 * The Notification Service's base: the order base with its last segment (`order`) replaced by
 * `notification`, e.g. https://{slug}.api-se.norce.tech/checkout/notification, for every
 * environment and for a custom Base URL alike.
 */
export function notificationBaseUrl(orderBaseUrl: string): string {
	const url = new URL(orderBaseUrl);
	const segments = url.pathname.split('/').filter(Boolean);
	// A custom Base URL without a path: the service sits beside it at /notification.
	segments.splice(Math.max(segments.length - 1, 0), 1, 'notification');
	return `${url.origin}/${segments.join('/')}`;
}

/** Validates the whole credential; throws NorceCredentialError naming the first bad field. */
export function norceConnection(credentials: ICredentialDataDecryptedObject): NorceConnection {
	const baseUrl = norceBaseUrl(credentials);
	const merchant = headerText(credentials, 'merchant', 'merchant');
	const channel = headerText(credentials, 'channel', 'channel');
	const token = bearerToken(headerText(credentials, 'apiKey', 'API key', MAX_API_KEY_LENGTH));
	if (token === '') {
		throw new NorceCredentialError('apiKey', 'The Norce Checkout credential has no API key');
	}
	return { baseUrl, merchant, channel, token };
}

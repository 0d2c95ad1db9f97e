// @ts-check
'use strict';
/**
 * HTTP helpers of the self-check files for the Order API additions and the Notification
 * Service (selftest.js, selftest-orders.js, selftest-payments.js, selftest-notifications.js).
 */

const { DEFAULTS } = require('./index');

/** @typedef {import('./index').Sandbox} Sandbox */

const AUTH = {
	authorization: `Bearer ${DEFAULTS.apiKey}`,
	'x-merchant': DEFAULTS.merchant,
	'x-channel': 'se',
};
const ORDERS = '/api/v0/checkout/orders';
const EVENTS = '/api/v1/events';

/**
 * @typedef {{status: number, headers: Headers, text: string, json: any}} Answer
 * @param {string} url @param {{method?: string, headers?: Record<string, string | undefined>, body?: unknown, signal?: AbortSignal}} [init]
 *   `body` other than a string is sent as JSON with `Content-Type: application/json`.
 * @returns {Promise<Answer>}
 */
async function request(url, init = {}) {
	/** @type {Record<string, string | undefined>} */
	const merged = { ...AUTH };
	let body = init.body;
	if (body !== undefined && typeof body !== 'string') {
		body = JSON.stringify(body);
		merged['content-type'] = 'application/json';
	}
	Object.assign(merged, init.headers);
	/** @type {Record<string, string>} */
	const headers = {};
	for (const [key, value] of Object.entries(merged)) if (value !== undefined) headers[key] = value;
	const response = await fetch(url, {
		method: init.method || 'GET',
		headers,
		body: /** @type {string | undefined} */ (body),
		signal: init.signal,
	});
	const text = await response.text();
	/** @type {any} */
	let json;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/**
 * Order API request: `api(sb, 'PUT', '/o_x/state', {currentStatus: 'accepted'})`.
 * @param {Sandbox} sb @param {string} method @param {string} path after /api/v0/checkout/orders
 * @param {unknown} [body] @param {Record<string, string | undefined>} [headers]
 */
const api = (sb, method, path, body, headers) =>
	request(`${sb.baseUrl}${ORDERS}${path}`, { method, body, headers });

/**
 * Notification Service request (path after /api/v1/events).
 * @param {Sandbox} sb @param {string} method @param {string} path
 * @param {Record<string, string | undefined>} [headers]
 */
const events = (sb, method, path, headers) =>
	request(`${sb.notificationBaseUrl}${EVENTS}${path}`, { method, headers });

/**
 * Control API request.
 * @param {Sandbox} sb @param {string} method @param {string} path after /__sandbox @param {unknown} [body]
 * @returns {Promise<Answer>}
 */
async function control(sb, method, path, body) {
	const response = await fetch(`${sb.url}/__sandbox${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

/** `/${encodeURIComponent(id)}` @param {string} id */
const seg = (id) => `/${encodeURIComponent(id)}`;

module.exports = { AUTH, ORDERS, EVENTS, request, api, events, control, seg };

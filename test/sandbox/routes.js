// @ts-check
'use strict';
/**
 * Routing and handlers of the Norce Order API v0 subset the node uses.
 * Paths are split on '/' BEFORE percent-decoding, so an encoded '/' (%2F)
 * stays inside its segment, like on the real API.
 */

const { answerError, answerJson, answerNoContent } = require('./responses');
const { listOrders, toPublicOrder } = require('./order-list');

/**
 * @typedef {import('./index').Operation} Operation
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./responses').Exchange} Exchange
 *
 * @typedef {object} Route
 * @property {boolean} api true for paths under /checkout/order/api/v0 (these need auth)
 * @property {Operation} [operation] set when path AND method match an operation
 * @property {string[]} [allowed] set when the path is known but the method is not (→ 405)
 * @property {boolean} [badEncoding] a segment is not valid percent-encoding (→ 400)
 * @property {string} [orderId] decoded
 * @property {string} [validationId] decoded
 *
 * @typedef {object} ApiContext what the handlers need from the sandbox
 * @property {string} apiKey
 * @property {string} merchant
 * @property {readonly string[]} channels
 * @property {number} maxLimit
 * @property {Map<string, SandboxOrder>} orders
 * @property {import('./order-list').OrderListIndex} listIndex
 */

const API_PREFIX = '/checkout/order/api/v0/';

/**
 * Path templates after `/checkout/order/api/v0/checkout/orders`, keyed by the
 * number of remaining segments. `null` marks the order id / validation id slots.
 * @type {Array<{segments: Array<string | null>, method: string, operation: Operation}>}
 */
const ROUTES = [
	{ segments: [], method: 'GET', operation: 'getMany' },
	{ segments: [null], method: 'GET', operation: 'get' },
	{ segments: [null, 'validate'], method: 'POST', operation: 'validate' },
	{ segments: [null, 'reference'], method: 'PUT', operation: 'updateReference' },
	{ segments: [null, 'validations', null], method: 'DELETE', operation: 'removeValidation' },
];

/** @param {string} method @param {string} path raw path without query @returns {Route} */
function matchRoute(method, path) {
	if (!path.startsWith(API_PREFIX)) return { api: false };
	const rawSegments = path.slice(API_PREFIX.length).split('/');
	/** @type {string[]} */
	let segments;
	try {
		segments = rawSegments.map((segment) => decodeURIComponent(segment));
	} catch {
		return { api: true, badEncoding: true };
	}
	if (segments[0] !== 'checkout' || segments[1] !== 'orders') return { api: true };
	const rest = segments.slice(2);
	/** @type {string[]} */
	const allowed = [];
	for (const route of ROUTES) {
		if (route.segments.length !== rest.length) continue;
		if (!route.segments.every((expected, i) => expected === null || expected === rest[i])) continue;
		const ids = { orderId: rest[0], validationId: rest[2] };
		if (route.method === method) return { api: true, operation: route.operation, ...ids };
		allowed.push(route.method);
	}
	return allowed.length > 0 ? { api: true, allowed, orderId: rest[0] } : { api: true };
}

/** @param {import('node:http').IncomingHttpHeaders} headers @param {string} name */
function header(headers, name) {
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Checks Authorization, x-merchant and x-channel in that order.
 * @param {Exchange} ex @param {ApiContext} ctx
 * @returns {string | undefined} the channel, or undefined when an error was answered
 */
function authorize(ex, ctx) {
	const { headers } = ex.req;
	// Never echo the received token.
	if (header(headers, 'authorization') !== `Bearer ${ctx.apiKey}`) {
		answerError(ex, 401, 'unauthorized', 'Missing or invalid bearer token.');
		return undefined;
	}
	const merchant = header(headers, 'x-merchant');
	if (!merchant) {
		answerError(ex, 400, 'bad-request', 'Header x-merchant is required.');
		return undefined;
	}
	if (merchant !== ctx.merchant) {
		answerError(ex, 403, 'forbidden', `Token is not valid for merchant '${merchant}'.`);
		return undefined;
	}
	const channel = header(headers, 'x-channel');
	if (!channel) {
		answerError(ex, 400, 'bad-request', 'Header x-channel is required.');
		return undefined;
	}
	if (!ctx.channels.includes(channel)) {
		answerError(ex, 403, 'forbidden', `Unknown channel '${channel}' for merchant '${merchant}'.`);
		return undefined;
	}
	return channel;
}

/** Orders are scoped by channel: another channel's order is "not found". @param {ApiContext} ctx @param {string} id @param {string} channel */
function findOrder(ctx, id, channel) {
	const order = ctx.orders.get(id);
	return order && order.channel === channel ? order : undefined;
}

/** @param {Exchange} ex @param {string} id */
function answerOrderNotFound(ex, id) {
	answerError(ex, 404, 'order-not-found', `Order with id:${id} not found.`);
}

/**
 * Handles one /checkout/order/api/v0 request after faults/latency were applied.
 * @param {Exchange} ex @param {Route} route @param {ApiContext} ctx
 * @param {Record<string, string | string[]>} query @param {string} body
 */
function handleApi(ex, route, ctx, query, body) {
	const channel = authorize(ex, ctx);
	if (channel === undefined) return;
	if (route.badEncoding)
		return answerError(ex, 400, 'bad-request', 'Malformed percent-encoding in path.');
	if (route.allowed) {
		return answerError(
			ex,
			405,
			'method-not-allowed',
			`Method ${ex.req.method} is not allowed on this path.`,
			{
				allow: route.allowed.join(', '),
			},
		);
	}
	if (!route.operation)
		return answerError(ex, 404, 'not-found', `No route for ${ex.req.method} ${ex.path}.`);

	if (route.operation === 'getMany') {
		const outcome = listOrders(ctx.listIndex, channel, query, ctx.maxLimit);
		return outcome.ok
			? answerJson(ex, 200, outcome.body)
			: answerError(ex, 400, 'bad-request', outcome.message);
	}

	const orderId = /** @type {string} */ (route.orderId);
	const order = findOrder(ctx, orderId, channel);
	if (!order) return answerOrderNotFound(ex, orderId);

	switch (route.operation) {
		case 'get':
			return answerJson(ex, 200, toPublicOrder(order));
		case 'validate':
			return validate(ex, order);
		case 'removeValidation':
			return removeValidation(ex, order, /** @type {string} */ (route.validationId));
		case 'updateReference':
			return updateReference(ex, order, body);
	}
	return undefined;
}

/** Answers what the order's scripted `validation` says (body of the request is ignored). @param {Exchange} ex @param {SandboxOrder} order */
function validate(ex, order) {
	const behaviour = order.validation || { status: 200, results: [] };
	const results = behaviour.results || [];
	if (behaviour.status === 400 && behaviour.shape === 'errors-object')
		return answerJson(ex, 400, { errors: results });
	return answerJson(ex, behaviour.status || 200, results);
}

/** @param {Exchange} ex @param {SandboxOrder} order @param {string} validationId */
function removeValidation(ex, order, validationId) {
	const validations = order.validations || [];
	const index = validations.findIndex((validation) => validation.id === validationId);
	if (index === -1) {
		return answerError(
			ex,
			404,
			'validation-not-found',
			`Validation with id:${validationId} not found on order ${order.id}.`,
		);
	}
	validations.splice(index, 1);
	order.lastModified = new Date().toISOString();
	return answerNoContent(ex);
}

/** The body is a bare JSON string literal, e.g. `"REF-1"` (quotes included). @param {Exchange} ex @param {SandboxOrder} order @param {string} body */
function updateReference(ex, order, body) {
	const mediaType = (header(ex.req.headers, 'content-type') || '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (mediaType !== 'application/json') {
		return answerError(ex, 415, 'unsupported-media-type', 'Content-Type must be application/json.');
	}
	/** @type {unknown} */
	let reference;
	try {
		reference = JSON.parse(body);
	} catch {
		reference = undefined;
	}
	if (typeof reference !== 'string')
		return answerError(ex, 400, 'bad-request', 'Body must be a JSON string.');
	order.reference = reference;
	order.lastModified = new Date().toISOString();
	return answerNoContent(ex);
}

module.exports = { API_PREFIX, matchRoute, handleApi };

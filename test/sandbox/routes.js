// @ts-check
'use strict';
/**
 * Routing and the auth checks of the two services the sandbox imitates:
 *   /checkout/order/api/v0/checkout/orders…   Order API v0 (routes/*.js)
 *   /checkout/notification/api/v1/events…     Notification Service (notification-service.js)
 * Paths are split on '/' BEFORE percent-decoding, so an encoded '/' (%2F)
 * stays inside its segment, like on the real API.
 */

const { answerError } = require('./responses');
const { findOrder, answerOrderNotFound } = require('./routes/common');

/**
 * @typedef {import('./index').Operation} Operation
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./responses').Exchange} Exchange
 * @typedef {import('./routes/common').ApiContext} ApiContext
 * @typedef {import('./routes/common').RouteDef} RouteDef
 *
 * @typedef {object} Route
 * @property {boolean} api true for paths under one of the API prefixes (these need auth)
 * @property {'order' | 'notification'} [service]
 * @property {Operation} [operation] set when path AND method match an operation
 * @property {RouteDef} [def] the matched route definition
 * @property {Record<string, string>} [params] decoded path parameters
 * @property {string[]} [allowed] set when the path is known but the method is not (→ 405)
 * @property {boolean} [badEncoding] a segment is not valid percent-encoding (→ 400)
 * @property {string} [orderId] decoded
 * @property {string} [eventId] decoded (Notification Service)
 * @property {string} [validationId] decoded
 */

const API_PREFIX = '/checkout/order/api/v0/';
const NOTIFICATION_PREFIX = '/checkout/notification/api/v1/';

/**
 * @typedef {{def: RouteDef, segments: string[]}} CompiledRoute
 * @param {RouteDef[]} defs @returns {CompiledRoute[]}
 */
const compile = (defs) =>
	defs.map((def) => ({ def, segments: def.path === '' ? [] : def.path.split('/') }));

/** Templates after `/checkout/order/api/v0/checkout/orders`. */
const ORDER_ROUTES = compile([
	...require('./routes/order').ROUTES,
	...require('./routes/callbacks').ROUTES,
	...require('./routes/consent').ROUTES,
	...require('./routes/payment').ROUTES,
	...require('./routes/shipping').ROUTES,
]);
/** Templates after `/checkout/notification/api/v1`. */
const NOTIFICATION_ROUTES = compile(require('./notification-service').ROUTES);

/**
 * @param {CompiledRoute[]} routes @param {string} method @param {string[]} rest
 * @param {'order' | 'notification'} service @returns {Route}
 */
function matchIn(routes, method, rest, service) {
	/** @type {string[]} */
	const allowed = [];
	for (const { def, segments } of routes) {
		if (segments.length !== rest.length) continue;
		if (!segments.every((expected, i) => expected.startsWith(':') || expected === rest[i]))
			continue;
		if (def.method !== method) {
			if (!allowed.includes(def.method)) allowed.push(def.method);
			continue;
		}
		/** @type {Record<string, string>} */
		const params = {};
		segments.forEach((expected, i) => {
			if (expected.startsWith(':')) params[expected.slice(1)] = rest[i];
		});
		return {
			api: true,
			service,
			operation: def.operation,
			def,
			params,
			orderId: params.orderId,
			eventId: params.eventId,
			validationId: params.validationId,
		};
	}
	const orderId = service === 'order' ? rest[0] : undefined;
	return allowed.length > 0 ? { api: true, service, allowed, orderId } : { api: true, service };
}

/** @param {string} method @param {string} path raw path without query @returns {Route} */
function matchRoute(method, path) {
	const service = path.startsWith(API_PREFIX)
		? 'order'
		: path.startsWith(NOTIFICATION_PREFIX)
			? 'notification'
			: undefined;
	if (!service) return { api: false };
	const prefix = service === 'order' ? API_PREFIX : NOTIFICATION_PREFIX;
	const rawSegments = path.slice(prefix.length).split('/');
	/** @type {string[]} */
	let segments;
	try {
		segments = rawSegments.map((segment) => decodeURIComponent(segment));
	} catch {
		return { api: true, service, badEncoding: true };
	}
	if (service === 'notification') return matchIn(NOTIFICATION_ROUTES, method, segments, service);
	if (segments[0] !== 'checkout' || segments[1] !== 'orders') return { api: true, service };
	return matchIn(ORDER_ROUTES, method, segments.slice(2), service);
}

/** @param {import('node:http').IncomingHttpHeaders} headers @param {string} name */
function header(headers, name) {
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Checks Authorization, x-merchant and (Order API only) x-channel, in that order.
 * @param {Exchange} ex @param {ApiContext} ctx @param {boolean} needsChannel
 * @returns {string | undefined} the channel ('' when not needed), or undefined when an error was answered
 */
function authorize(ex, ctx, needsChannel) {
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
	if (!needsChannel) return '';
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

/**
 * Handles one API request after faults/latency were applied.
 * @param {Exchange} ex @param {Route} route @param {ApiContext} ctx
 * @param {Record<string, string | string[]>} query @param {string} body
 */
function handleApi(ex, route, ctx, query, body) {
	const channel = authorize(ex, ctx, route.service !== 'notification');
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
	const def = route.def;
	if (!def) return answerError(ex, 404, 'not-found', `No route for ${ex.req.method} ${ex.path}.`);
	const params = route.params || {};
	/** @type {import('./routes/common').ApiCall} */
	const call = {
		ex,
		ctx,
		channel,
		query,
		body,
		params,
		def,
		order: /** @type {any} */ (undefined),
	};
	if (!def.collection) {
		const order = findOrder(ctx, params.orderId, channel);
		if (!order) return answerOrderNotFound(ex, params.orderId);
		call.order = order;
	}
	return def.handle(call);
}

module.exports = { API_PREFIX, NOTIFICATION_PREFIX, matchRoute, handleApi };

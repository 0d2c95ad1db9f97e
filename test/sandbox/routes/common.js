// @ts-check
'use strict';
/**
 * What the route handlers share: the types of a route and of one call, the order
 * lookup, BaseError answers, and reading a JSON request body.
 */

const { answerError } = require('../responses');

/**
 * @typedef {import('../index').Operation} Operation
 * @typedef {import('../index').SandboxOrder} SandboxOrder
 * @typedef {import('../responses').Exchange} Exchange
 *
 * @typedef {object} ApiSettings switches settable at runtime (options, control API, Sandbox methods)
 * @property {'object' | 'string'} createOrderResponse body of POST /orders: `{id}` or a bare JSON string
 * @property {200 | 202} stateUpdateStatus status of PUT …/state
 * @property {'both' | 'order_id' | 'orderId' | 'none'} eventOrderQuery the event list's order filter names the
 *   Notification Service honours (the other is ignored, as an unknown query name)
 *
 * @typedef {object} ApiContext what the handlers need from the sandbox
 * @property {string} apiKey
 * @property {string} merchant
 * @property {readonly string[]} channels
 * @property {number} maxLimit
 * @property {Map<string, SandboxOrder>} orders
 * @property {import('../order-list').OrderListIndex} listIndex
 * @property {ApiSettings} settings
 * @property {import('../derive').IdSource} ids
 * @property {import('../notification-events').NotificationEventStore} events
 * @property {import('../configuration').ConfigurationStore} configuration
 * @property {import('../delivery').Deliveries} deliveries
 * @property {() => string} now ISO timestamp of "now"
 *
 * @typedef {object} ApiCall one request, after auth and routing
 * @property {Exchange} ex
 * @property {ApiContext} ctx
 * @property {string} channel the x-channel ('' on the Notification Service)
 * @property {Record<string, string | string[]>} query
 * @property {string} body raw body text
 * @property {Record<string, string>} params decoded path parameters (orderId, paymentId, …)
 * @property {RouteDef} def
 * @property {SandboxOrder} order the order of `params.orderId` (not set on collection routes)
 *
 * @typedef {object} RouteDef
 * @property {string} method
 * @property {string} path template after the service root, e.g. ':orderId/payments/:paymentId'
 * @property {Operation} operation
 * @property {(call: ApiCall) => void} handle
 * @property {boolean} [collection] no order lookup before the handler
 * @property {string} [variant] handler-specific, e.g. 'billing' or 'shipping'
 */

/** Orders are scoped by channel: another channel's order is "not found". @param {ApiContext} ctx @param {string | undefined} id @param {string} channel */
function findOrder(ctx, id, channel) {
	const order = id === undefined ? undefined : ctx.orders.get(id);
	return order && order.channel === channel ? order : undefined;
}

/** @param {Exchange} ex @param {string | undefined} id */
function answerOrderNotFound(ex, id) {
	answerError(ex, 404, 'order-not-found', `Order with id:${id} not found.`);
}

/**
 * 404 for a sub-resource, e.g. `payment-not-found`, "Payment with id:p_x not found on order o_y.".
 * @param {Exchange} ex @param {string} what e.g. 'Payment' @param {string} id @param {string} orderId
 */
function answerChildNotFound(ex, what, id, orderId) {
	const code = `${what.toLowerCase().replace(/ /g, '-')}-not-found`;
	answerError(ex, 404, code, `${what} with id:${id} not found on order ${orderId}.`);
}

/** @param {Exchange} ex @param {string} message */
function badRequest(ex, message) {
	answerError(ex, 400, 'bad-request', message);
}

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} value */
const isPrice = (value) =>
	isObject(value) &&
	typeof value.includingVat === 'number' &&
	Number.isFinite(value.includingVat) &&
	typeof value.excludingVat === 'number' &&
	Number.isFinite(value.excludingVat);

/** @param {import('node:http').IncomingMessage} req */
function isJsonContentType(req) {
	const value = req.headers['content-type'];
	const type = (Array.isArray(value) ? value[0] : value) || '';
	return type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Reads the JSON body: 415 unless `Content-Type: application/json`, 400 when it is not JSON or
 * not of the expected kind. Returns undefined when an error was answered.
 * @param {ApiCall} call @param {'object' | 'array'} kind
 * @returns {any}
 */
function readJson(call, kind) {
	const { ex, body } = call;
	if (!isJsonContentType(ex.req)) {
		answerError(ex, 415, 'unsupported-media-type', 'Content-Type must be application/json.');
		return undefined;
	}
	/** @type {unknown} */
	let value;
	try {
		value = JSON.parse(body);
	} catch {
		value = undefined;
	}
	const ok = kind === 'array' ? Array.isArray(value) : isObject(value);
	if (!ok) {
		badRequest(ex, kind === 'array' ? 'Body must be a JSON array.' : 'Body must be a JSON object.');
		return undefined;
	}
	return value;
}

module.exports = {
	findOrder,
	answerOrderNotFound,
	answerChildNotFound,
	badRequest,
	isObject,
	isPrice,
	isJsonContentType,
	readJson,
};

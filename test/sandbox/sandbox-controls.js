// @ts-check
'use strict';
/**
 * The Sandbox methods for polling-trigger tests and answer switches: create orders with a
 * chosen `created`, move an order's state at a chosen time, add notification events,
 * and switch the create-order answer shape, the state-update status and the event list's
 * order filter name.
 * Used in-process (index.js) and by the control API (control.js).
 */

const { isObject } = require('./routes/common');
const { checkTimestamp } = require('./normalize');
const { buildNewOrder, isOrderStatus, setStatus } = require('./order-mutations');
const { ORDER_STATUSES } = require('./orders');

/**
 * @typedef {import('./routes/common').ApiContext} ApiContext
 * @typedef {import('./routes/common').ApiSettings} ApiSettings
 * @typedef {import('./index').SandboxControls} SandboxControls
 */

/** An Error with the HTTP status the control API should answer. @param {string} message @param {number} status */
function controlError(message, status) {
	const error = /** @type {TypeError & {status?: number}} */ (new TypeError(message));
	error.status = status;
	return error;
}

/** @param {unknown} shape @returns {'object' | 'string'} */
function checkCreateOrderResponse(shape) {
	if (shape !== 'object' && shape !== 'string')
		throw new TypeError("createOrderResponse must be 'object' or 'string'");
	return shape;
}

/** @param {unknown} status @returns {200 | 202} */
function checkStateUpdateStatus(status) {
	if (status !== 200 && status !== 202) throw new TypeError('stateUpdateStatus must be 200 or 202');
	return status;
}

/** @param {unknown} names @returns {'both' | 'order_id' | 'orderId' | 'none'} */
function checkEventOrderQuery(names) {
	if (!['both', 'order_id', 'orderId', 'none'].includes(/** @type {string} */ (names)))
		throw new TypeError("eventOrderQuery must be 'both', 'order_id', 'orderId' or 'none'");
	return /** @type {'both' | 'order_id' | 'orderId' | 'none'} */ (names);
}

/** @param {{createOrderResponse?: unknown, stateUpdateStatus?: unknown, eventOrderQuery?: unknown}} options @returns {ApiSettings} */
function initialSettings(options) {
	return {
		createOrderResponse: checkCreateOrderResponse(options.createOrderResponse ?? 'object'),
		stateUpdateStatus: checkStateUpdateStatus(options.stateUpdateStatus ?? 200),
		eventOrderQuery: checkEventOrderQuery(options.eventOrderQuery ?? 'both'),
	};
}

/** @param {ApiContext} ctx @returns {SandboxControls} */
function createControls(ctx) {
	return {
		createOrder(input = {}) {
			if (!isObject(input)) throw new TypeError('createOrder needs an object');
			const { channel = ctx.channels[0], created, status, id, validation, ...fields } = input;
			if (!ctx.channels.includes(channel)) throw new TypeError(`unknown channel '${channel}'`);
			if (status !== undefined && !isOrderStatus(status))
				throw new TypeError(`status must be one of ${ORDER_STATUSES.join(', ')}`);
			if (id !== undefined && (typeof id !== 'string' || id === ''))
				throw new TypeError('id must be a non-empty string');
			if (id !== undefined && ctx.orders.has(id))
				throw controlError(`order ${id} already exists`, 409);
			const at = created === undefined ? ctx.now() : checkTimestamp(created, 'created');
			const built = buildNewOrder(ctx, channel, fields, { created: at, status, id });
			if ('error' in built) throw controlError(built.error.message, built.error.status);
			if (validation !== undefined) built.order.validation = validation;
			ctx.orders.set(built.order.id, built.order);
			return built.order;
		},
		setOrderStatus(orderId, status, timeStamp) {
			const order = ctx.orders.get(orderId);
			if (!order) throw controlError(`Order with id:${orderId} not found.`, 404);
			if (!isOrderStatus(status))
				throw new TypeError(`status must be one of ${ORDER_STATUSES.join(', ')}`);
			const at = timeStamp === undefined ? ctx.now() : checkTimestamp(timeStamp, 'timeStamp');
			setStatus(ctx, order, status, at);
			return order;
		},
		addNotificationEvent(input) {
			return ctx.events.add(input, ctx);
		},
		setCreateOrderResponse(shape) {
			ctx.settings.createOrderResponse = checkCreateOrderResponse(shape);
		},
		setStateUpdateStatus(status) {
			ctx.settings.stateUpdateStatus = checkStateUpdateStatus(status);
		},
		setEventOrderQuery(names) {
			ctx.settings.eventOrderQuery = checkEventOrderQuery(names);
		},
	};
}

module.exports = { createControls, initialSettings };

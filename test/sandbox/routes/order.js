// @ts-check
'use strict';
/**
 * Order routes: list, get, create, delete, reference, state, cart, addresses, attributes.
 */

const { answer, answerError, answerJson, answerNoContent } = require('../responses');
const { listOrders } = require('../order-list');
const { toPublicOrder } = require('../public');
const { ORDER_STATUSES } = require('../orders');
const { normalizeCart } = require('../normalize');
const {
	buildNewOrder,
	cartConflict,
	cartReferenceOwner,
	change,
	isOrderStatus,
	recomputeTotal,
	setStatus,
} = require('../order-mutations');
const { badRequest, isJsonContentType, readJson } = require('./common');

/** @typedef {import('./common').ApiCall} ApiCall @typedef {import('./common').RouteDef} RouteDef */

/** @param {ApiCall} call */
function getMany({ ex, ctx, channel, query }) {
	const outcome = listOrders(ctx.listIndex, channel, query, ctx.maxLimit);
	return outcome.ok ? answerJson(ex, 200, outcome.body) : badRequest(ex, outcome.message);
}

/** @param {ApiCall} call */
function get({ ex, order }) {
	return answerJson(ex, 200, toPublicOrder(order));
}

/** 201 with `{id}` or a bare JSON string, as `settings.createOrderResponse` says. @param {ApiCall} call */
function create(call) {
	const { ex, ctx, channel } = call;
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const built = buildNewOrder(ctx, channel, body, { created: ctx.now() });
	if ('error' in built) {
		const { status, code, message } = built.error;
		return answerError(ex, status, code, message);
	}
	ctx.orders.set(built.order.id, built.order);
	const id = built.order.id;
	return answerJson(ex, 201, ctx.settings.createOrderResponse === 'string' ? id : { id });
}

/** @param {ApiCall} call */
function remove({ ex, ctx, order }) {
	ctx.orders.delete(order.id);
	return answer(ex, 204, {});
}

/** The body is a bare JSON string literal, e.g. `"REF-1"` (quotes included). @param {ApiCall} call */
function updateReference({ ex, ctx, order, body }) {
	if (!isJsonContentType(ex.req)) {
		return answerError(ex, 415, 'unsupported-media-type', 'Content-Type must be application/json.');
	}
	/** @type {unknown} */
	let reference;
	try {
		reference = JSON.parse(body);
	} catch {
		reference = undefined;
	}
	if (typeof reference !== 'string') return badRequest(ex, 'Body must be a JSON string.');
	change(ctx, order, ctx.now(), () => {
		order.reference = reference;
	});
	return answerNoContent(ex);
}

/** `{"currentStatus": s}` → 200 (or 202 when `settings.stateUpdateStatus` is 202), empty body. @param {ApiCall} call */
function updateState(call) {
	const { ex, ctx, order } = call;
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const status = body.currentStatus;
	if (!isOrderStatus(status))
		return badRequest(ex, `Field 'currentStatus' must be one of: ${ORDER_STATUSES.join(', ')}.`);
	if (status === 'processing') {
		const missing = (order.consents || []).find((consent) => consent.required && !consent.checked);
		if (missing) {
			return answerError(
				ex,
				400,
				'consent-required',
				`Consent '${missing.id}' must be checked before order ${order.id} can move to processing.`,
			);
		}
	}
	setStatus(ctx, order, status, ctx.now());
	return ctx.settings.stateUpdateStatus === 202 ? answer(ex, 202, {}) : answerNoContent(ex);
}

/** Replaces the cart (item ids assigned); order.total follows. @param {ApiCall} call */
function updateCart(call) {
	const { ex, ctx, order } = call;
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const cart = normalizeCart(body, ctx.ids);
	if (cart.error !== undefined) return badRequest(ex, cart.error);
	if (cartReferenceOwner(ctx, cart.value.reference, order.id)) {
		const { status, code, message } = cartConflict(cart.value.reference);
		return answerError(ex, status, code, message);
	}
	change(ctx, order, ctx.now(), () => {
		order.cart = cart.value;
		recomputeTotal(order);
	});
	return answerNoContent(ex);
}

/** PUT …/customer/billing|shipping: only while the order is in `checkout` (else 400). @param {ApiCall} call */
function updateAddress(call) {
	const { ex, ctx, order, def } = call;
	const address = readJson(call, 'object');
	if (address === undefined) return;
	const status = order.state && order.state.currentStatus;
	if (status !== 'checkout') {
		return answerError(
			ex,
			400,
			'invalid-order-state',
			`Order ${order.id} is in state '${status}'; addresses can only be changed in state 'checkout'.`,
		);
	}
	const field = /** @type {'billing' | 'shipping'} */ (def.variant);
	change(ctx, order, ctx.now(), () => {
		order.customer = { ...order.customer, [field]: address };
	});
	return answerNoContent(ex);
}

/** Shallow merge; a `null` value removes the attribute. @param {ApiCall} call */
function updateAttributes(call) {
	const { ex, ctx, order } = call;
	const patch = readJson(call, 'object');
	if (patch === undefined) return;
	change(ctx, order, ctx.now(), () => {
		/** @type {Record<string, unknown>} */
		const next = { ...order.attributes };
		for (const [key, value] of Object.entries(patch)) {
			if (value === null) delete next[key];
			else next[key] = value;
		}
		order.attributes = next;
	});
	return answerNoContent(ex);
}

/** @type {RouteDef[]} */
const ROUTES = [
	{ method: 'GET', path: '', operation: 'getMany', handle: getMany, collection: true },
	{ method: 'POST', path: '', operation: 'order.create', handle: create, collection: true },
	{ method: 'GET', path: ':orderId', operation: 'get', handle: get },
	{ method: 'DELETE', path: ':orderId', operation: 'order.delete', handle: remove },
	{
		method: 'PUT',
		path: ':orderId/reference',
		operation: 'updateReference',
		handle: updateReference,
	},
	{ method: 'PUT', path: ':orderId/state', operation: 'order.updateState', handle: updateState },
	{ method: 'PUT', path: ':orderId/cart', operation: 'order.updateCart', handle: updateCart },
	{
		method: 'PUT',
		path: ':orderId/customer/billing',
		operation: 'order.updateAddress',
		handle: updateAddress,
		variant: 'billing',
	},
	{
		method: 'PUT',
		path: ':orderId/customer/shipping',
		operation: 'order.updateAddress',
		handle: updateAddress,
		variant: 'shipping',
	},
	{
		method: 'PATCH',
		path: ':orderId/attributes',
		operation: 'order.updateAttributes',
		handle: updateAttributes,
	},
];

module.exports = { ROUTES };

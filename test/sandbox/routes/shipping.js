// @ts-check
'use strict';
/**
 * Shipping routes. `total` (Price) and `vatRate` are required on create and on PUT;
 * a `reference` another shipping of the order already has is a 409. order.total follows.
 */

const { answerError, answerJson } = require('../responses');
const { change, recomputeTotal } = require('../order-mutations');
const { answerChildNotFound, badRequest, isObject, isPrice, readJson } = require('./common');

/**
 * @typedef {import('./common').ApiCall} ApiCall @typedef {import('./common').RouteDef} RouteDef
 * @typedef {import('../index').Shipping} Shipping
 */

const SHIPPING_STATES = ['intent', 'removed', 'processing', 'failed', 'confirmed'];

/**
 * @param {ApiCall} call @param {Record<string, any>} body @param {Shipping} [existing]
 * @returns {{value: Shipping, error?: undefined} | {error: string, status?: 409, value?: undefined}}
 */
function checkShipping({ ctx, order }, body, existing) {
	if (!isPrice(body.total))
		return { error: "Shipping field 'total' is required: a Price {includingVat, excludingVat}." };
	if (typeof body.vatRate !== 'number' || !Number.isFinite(body.vatRate) || body.vatRate < 0)
		return { error: "Shipping field 'vatRate' is required: a number such as 0.25." };
	if (body.state !== undefined && !SHIPPING_STATES.includes(body.state))
		return { error: `Shipping field 'state' must be one of: ${SHIPPING_STATES.join(', ')}.` };
	if (body.reference !== undefined && body.reference !== null && typeof body.reference !== 'string')
		return { error: "Shipping field 'reference' must be a string." };
	if (body.attributes !== undefined && body.attributes !== null && !isObject(body.attributes))
		return { error: "Shipping field 'attributes' must be an object." };
	const id = existing ? existing.id : undefined;
	if (
		typeof body.reference === 'string' &&
		body.reference !== '' &&
		(order.shippings || []).some((s) => s.id !== id && s.reference === body.reference)
	) {
		return {
			status: 409,
			error: `A shipping with reference '${body.reference}' already exists on order ${order.id}.`,
		};
	}
	return {
		value: {
			...body,
			id: id || ctx.ids.next('s_'),
			merchant: order.merchant,
			channel: order.channel,
			orderId: order.id,
			state: body.state || 'intent',
			total: body.total,
			vatRate: body.vatRate,
			attributes: isObject(body.attributes) ? body.attributes : {},
		},
	};
}

/** @param {ApiCall} call @param {{error: string, status?: 409}} failure */
function answerFailure(call, failure) {
	return failure.status === 409
		? answerError(call.ex, 409, 'shipping-conflict', failure.error)
		: badRequest(call.ex, failure.error);
}

/** @param {ApiCall} call @returns {Shipping | undefined} */
function findShipping({ ex, order, params }) {
	const shipping = (order.shippings || []).find((s) => s.id === params.shippingId);
	if (!shipping) answerChildNotFound(ex, 'Shipping', params.shippingId, order.id);
	return shipping;
}

/** POST …/shippings → 201 `{id}`. @param {ApiCall} call */
function create(call) {
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const checked = checkShipping(call, body);
	if (checked.error !== undefined) return answerFailure(call, checked);
	const shipping = /** @type {Shipping} */ (checked.value);
	change(call.ctx, call.order, call.ctx.now(), () => {
		call.order.shippings = [...(call.order.shippings || []), shipping];
		recomputeTotal(call.order);
	});
	return answerJson(call.ex, 201, { id: shipping.id });
}

/** @param {ApiCall} call */
const getMany = ({ ex, order }) => answerJson(ex, 200, order.shippings || []);

/** @param {ApiCall} call */
function get(call) {
	const shipping = findShipping(call);
	if (shipping) answerJson(call.ex, 200, shipping);
}

/** PUT …/shippings/{shipping_id} (whole Shipping) → 200 Shipping. @param {ApiCall} call */
function update(call) {
	const existing = findShipping(call);
	if (!existing) return;
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const checked = checkShipping(call, body, existing);
	if (checked.error !== undefined) return answerFailure(call, checked);
	const shipping = /** @type {Shipping} */ (checked.value);
	change(call.ctx, call.order, call.ctx.now(), () => {
		call.order.shippings = call.order.shippings.map((s) => (s.id === shipping.id ? shipping : s));
		recomputeTotal(call.order);
	});
	return answerJson(call.ex, 200, shipping);
}

const S = ':orderId/shippings';
/** @type {RouteDef[]} */
const ROUTES = [
	{ method: 'POST', path: S, operation: 'shipping.create', handle: create },
	{ method: 'GET', path: S, operation: 'shipping.getMany', handle: getMany },
	{ method: 'GET', path: `${S}/:shippingId`, operation: 'shipping.get', handle: get },
	{ method: 'PUT', path: `${S}/:shippingId`, operation: 'shipping.update', handle: update },
];

module.exports = { ROUTES, SHIPPING_STATES };

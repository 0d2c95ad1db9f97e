// @ts-check
'use strict';
/**
 * Consent routes. Every answer is 200 with an empty body; PATCH changes only `checked`.
 */

const { answerError, answerNoContent } = require('../responses');
const { normalizeConsent } = require('../normalize');
const { change } = require('../order-mutations');
const { answerChildNotFound, badRequest, isObject, readJson } = require('./common');

/** @typedef {import('./common').ApiCall} ApiCall @typedef {import('./common').RouteDef} RouteDef */

/** POST …/consents: 409 `consent-conflict` for an id the order already has. @param {ApiCall} call */
function create(call) {
	const { ex, ctx, order } = call;
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const checked = normalizeConsent(body);
	if (checked.error !== undefined) return badRequest(ex, checked.error);
	const consent = checked.value;
	if ((order.consents || []).some((c) => c.id === consent.id)) {
		return answerError(
			ex,
			409,
			'consent-conflict',
			`Consent with id:${consent.id} already exists on order ${order.id}.`,
		);
	}
	change(ctx, order, ctx.now(), () => {
		order.consents = [...(order.consents || []), consent];
	});
	return answerNoContent(ex);
}

/**
 * Sets `checked` of the consents in `updates` (id → checked).
 * @param {ApiCall} call @param {Map<string, boolean>} updates
 */
function applyChecked({ ctx, order }, updates) {
	change(ctx, order, ctx.now(), () => {
		order.consents = (order.consents || []).map((consent) =>
			updates.has(consent.id)
				? { ...consent, checked: /** @type {boolean} */ (updates.get(consent.id)) }
				: consent,
		);
	});
}

/** @param {unknown} checked */
const badChecked = (checked) => typeof checked !== 'boolean';

/** PATCH …/consents (Consent[]): all ids must exist (else 404, nothing changes). @param {ApiCall} call */
function updateMany(call) {
	const { ex, order } = call;
	const list = readJson(call, 'array');
	if (list === undefined) return;
	/** @type {Map<string, boolean>} */
	const updates = new Map();
	for (const item of list) {
		if (!isObject(item) || typeof item.id !== 'string' || item.id === '')
			return badRequest(ex, "Every consent needs an 'id'.");
		if (badChecked(item.checked))
			return badRequest(ex, "Consent field 'checked' must be true or false.");
		if (!(order.consents || []).some((c) => c.id === item.id))
			return answerChildNotFound(ex, 'Consent', item.id, order.id);
		updates.set(item.id, item.checked);
	}
	applyChecked(call, updates);
	return answerNoContent(ex);
}

/** PATCH …/consents/{consent_id} (Consent; only `checked` is used). @param {ApiCall} call */
function update(call) {
	const { ex, order, params } = call;
	const id = params.consentId;
	if (!(order.consents || []).some((c) => c.id === id))
		return answerChildNotFound(ex, 'Consent', id, order.id);
	const body = readJson(call, 'object');
	if (body === undefined) return;
	if (badChecked(body.checked))
		return badRequest(ex, "Consent field 'checked' must be true or false.");
	applyChecked(call, new Map([[id, body.checked]]));
	return answerNoContent(ex);
}

/** @param {ApiCall} call */
function remove({ ex, ctx, order, params }) {
	const id = params.consentId;
	if (!(order.consents || []).some((c) => c.id === id))
		return answerChildNotFound(ex, 'Consent', id, order.id);
	change(ctx, order, ctx.now(), () => {
		order.consents = order.consents.filter((c) => c.id !== id);
	});
	return answerNoContent(ex);
}

/** @type {RouteDef[]} */
const ROUTES = [
	{ method: 'POST', path: ':orderId/consents', operation: 'consent.create', handle: create },
	{
		method: 'PATCH',
		path: ':orderId/consents',
		operation: 'consent.updateMany',
		handle: updateMany,
	},
	{
		method: 'PATCH',
		path: ':orderId/consents/:consentId',
		operation: 'consent.update',
		handle: update,
	},
	{
		method: 'DELETE',
		path: ':orderId/consents/:consentId',
		operation: 'consent.delete',
		handle: remove,
	},
];

module.exports = { ROUTES };

// @ts-check
'use strict';
/**
 * Order callbacks: validate, validations, hooks and notifications.
 * Registering answers 200 with an empty body (no id; the id is visible in the order).
 */

const { answerJson, answerNoContent } = require('../responses');
const { normalizeHook, normalizeNotification, normalizeValidation } = require('../normalize');
const { change } = require('../order-mutations');
const { answerChildNotFound, badRequest, readJson } = require('./common');

/**
 * @typedef {import('./common').ApiCall} ApiCall @typedef {import('./common').RouteDef} RouteDef
 * @typedef {'validations' | 'hooks' | 'notifications'} ListField
 */

/** Answers what the order's scripted `validation` says (body of the request is ignored). @param {ApiCall} call */
function validate({ ex, order }) {
	const behaviour = order.validation || { status: 200, results: [] };
	const results = behaviour.results || [];
	if (behaviour.status === 400 && behaviour.shape === 'errors-object')
		return answerJson(ex, 400, { errors: results });
	return answerJson(ex, behaviour.status || 200, results);
}

const NORMALIZERS = {
	validations: normalizeValidation,
	hooks: normalizeHook,
	notifications: normalizeNotification,
};
const NAMES = { validations: 'Validation', hooks: 'Hook', notifications: 'Notification' };
const ID_PARAMS = { validations: 'validationId', hooks: 'hookId', notifications: 'notificationId' };

/** POST …/validations|hooks|notifications. @param {ApiCall} call */
function add(call) {
	const { ex, ctx, order, def } = call;
	const field = /** @type {ListField} */ (def.variant);
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const checked = NORMALIZERS[field](body, ctx.ids);
	if (checked.error !== undefined) return badRequest(ex, checked.error);
	change(ctx, order, ctx.now(), () => {
		/** @type {any} */ (order)[field] = [...(order[field] || []), checked.value];
	});
	return answerNoContent(ex);
}

/** DELETE …/validations|hooks|notifications/{id}: 200 empty, or 404 `<kind>-not-found`. @param {ApiCall} call */
function remove({ ex, ctx, order, def, params }) {
	const field = /** @type {ListField} */ (def.variant);
	const id = params[ID_PARAMS[field]];
	const list = /** @type {Array<{id: string}>} */ (order[field] || []);
	if (!list.some((entry) => entry.id === id))
		return answerChildNotFound(ex, NAMES[field], id, order.id);
	change(ctx, order, ctx.now(), () => {
		/** @type {any} */ (order)[field] = list.filter((entry) => entry.id !== id);
	});
	return answerNoContent(ex);
}

/** @type {RouteDef[]} */
const ROUTES = [
	{ method: 'POST', path: ':orderId/validate', operation: 'validate', handle: validate },
	{
		method: 'POST',
		path: ':orderId/validations',
		operation: 'order.addValidation',
		handle: add,
		variant: 'validations',
	},
	{
		method: 'DELETE',
		path: ':orderId/validations/:validationId',
		operation: 'removeValidation',
		handle: remove,
		variant: 'validations',
	},
	{
		method: 'POST',
		path: ':orderId/hooks',
		operation: 'hook.create',
		handle: add,
		variant: 'hooks',
	},
	{
		method: 'DELETE',
		path: ':orderId/hooks/:hookId',
		operation: 'hook.delete',
		handle: remove,
		variant: 'hooks',
	},
	{
		method: 'POST',
		path: ':orderId/notifications',
		operation: 'notification.create',
		handle: add,
		variant: 'notifications',
	},
	{
		method: 'DELETE',
		path: ':orderId/notifications/:notificationId',
		operation: 'notification.delete',
		handle: remove,
		variant: 'notifications',
	},
];

module.exports = { ROUTES };

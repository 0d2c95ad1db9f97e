// @ts-check
'use strict';
/**
 * Payment routes: payments, payment actions and payment transactions. Transactions are
 * kept in the order's internal `paymentTransactions` (not part of the v0 Payment schema).
 */

const { answerJson, answerNoContent } = require('../responses');
const { normalizeAction } = require('../normalize');
const { change } = require('../order-mutations');
const { answerChildNotFound, badRequest, isObject, readJson } = require('./common');

/**
 * @typedef {import('./common').ApiCall} ApiCall @typedef {import('./common').RouteDef} RouteDef
 * @typedef {import('../index').Payment} Payment @typedef {import('../index').PaymentAction} PaymentAction
 * @typedef {import('../index').PaymentTransaction} PaymentTransaction
 * @typedef {import('../index').SandboxOrder} SandboxOrder
 */

/** v0 states plus v1's cancelled/refunded. */
const PAYMENT_STATES = [
	'intent',
	'removed',
	'processing',
	'failed',
	'confirmed',
	'pending',
	'declined',
	'reserved',
	'credited',
	'captured',
	'cancelled',
	'refunded',
];
const PAYMENT_TYPES = ['default', 'prepaid', 'voucher'];
const TRANSACTION_EVENTS = [
	'open',
	'process',
	'confirm',
	'reopen',
	'cancel',
	'paymentAction',
	'capture',
	'refund',
];

/**
 * A whole Payment body (create and PUT). Server-owned fields (id, orderId, merchant, channel)
 * are set here; on PUT, actions without an id keep the existing ones' list when absent.
 * @param {ApiCall} call @param {Record<string, any>} body @param {Payment} [existing]
 * @returns {{value: Payment, error?: undefined} | {error: string, value?: undefined}}
 */
function checkPayment({ ctx, order }, body, existing) {
	// Optional: Norce's own client adds payments with {reference, name, type, amount} only (§11).
	if (body.adapterId !== undefined && body.adapterId !== null && typeof body.adapterId !== 'string')
		return { error: "Payment field 'adapterId' must be a string." };
	if (body.state !== undefined && !PAYMENT_STATES.includes(body.state))
		return { error: `Payment field 'state' must be one of: ${PAYMENT_STATES.join(', ')}.` };
	if (body.type !== undefined && !PAYMENT_TYPES.includes(body.type))
		return { error: `Payment field 'type' must be one of: ${PAYMENT_TYPES.join(', ')}.` };
	for (const field of ['amount', 'upperLimitAmount']) {
		if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'number')
			return { error: `Payment field '${field}' must be a number.` };
	}
	if (body.attributes !== undefined && body.attributes !== null && !isObject(body.attributes))
		return { error: "Payment field 'attributes' must be an object." };
	/** @type {PaymentAction[]} */
	let actions = existing && Array.isArray(existing.actions) ? existing.actions : [];
	if (body.actions !== undefined && body.actions !== null) {
		if (!Array.isArray(body.actions)) return { error: "Payment field 'actions' must be an array." };
		actions = [];
		for (const item of body.actions) {
			const checked = normalizeAction(item, ctx.ids);
			if (checked.error !== undefined) return { error: checked.error };
			actions.push(
				typeof item.id === 'string' && item.id ? { ...checked.value, id: item.id } : checked.value,
			);
		}
	}
	return {
		value: {
			...body,
			id: existing ? existing.id : ctx.ids.next('p_'),
			merchant: order.merchant,
			channel: order.channel,
			orderId: order.id,
			currency: typeof body.currency === 'string' ? body.currency : order.currency,
			type: body.type || 'default',
			state: body.state || 'intent',
			attributes: isObject(body.attributes) ? body.attributes : {},
			actions,
		},
	};
}

/** @param {ApiCall} call @returns {Payment | undefined} the payment, or undefined after a 404 */
function findPayment({ ex, order, params }) {
	const payment = (order.payments || []).find((p) => p.id === params.paymentId);
	if (!payment) answerChildNotFound(ex, 'Payment', params.paymentId, order.id);
	return payment;
}

/** @param {SandboxOrder} order @param {Payment} payment */
function replacePayment(order, payment) {
	order.payments = order.payments.map((p) => (p.id === payment.id ? payment : p));
}

/** @param {SandboxOrder} order @param {string} paymentId @param {PaymentTransaction} transaction */
function pushTransaction(order, paymentId, transaction) {
	const all = order.paymentTransactions || {};
	order.paymentTransactions = { ...all, [paymentId]: [...(all[paymentId] || []), transaction] };
}

/** POST …/payments → 201 `{id}`. @param {ApiCall} call */
function create(call) {
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const checked = checkPayment(call, body);
	if (checked.error !== undefined) return badRequest(call.ex, checked.error);
	const payment = checked.value;
	change(call.ctx, call.order, call.ctx.now(), () => {
		call.order.payments = [...(call.order.payments || []), payment];
	});
	return answerJson(call.ex, 201, { id: payment.id });
}

/** @param {ApiCall} call */
const getMany = ({ ex, order }) => answerJson(ex, 200, order.payments || []);

/** @param {ApiCall} call */
function get(call) {
	const payment = findPayment(call);
	if (payment) answerJson(call.ex, 200, payment);
}

/** PUT …/payments/{payment_id} (whole Payment) → 200 Payment. @param {ApiCall} call */
function update(call) {
	const existing = findPayment(call);
	if (!existing) return;
	const body = readJson(call, 'object');
	if (body === undefined) return;
	const checked = checkPayment(call, body, existing);
	if (checked.error !== undefined) return badRequest(call.ex, checked.error);
	const payment = checked.value;
	change(call.ctx, call.order, call.ctx.now(), () => replacePayment(call.order, payment));
	return answerJson(call.ex, 200, payment);
}

/** POST …/actions (PaymentAction[]) → 200 empty; ids assigned. @param {ApiCall} call */
function addActions(call) {
	const payment = findPayment(call);
	if (!payment) return;
	const list = readJson(call, 'array');
	if (list === undefined) return;
	/** @type {PaymentAction[]} */
	const added = [];
	for (const item of list) {
		const checked = normalizeAction(item, call.ctx.ids);
		if (checked.error !== undefined) return badRequest(call.ex, checked.error);
		added.push(checked.value);
	}
	change(call.ctx, call.order, call.ctx.now(), () =>
		replacePayment(call.order, { ...payment, actions: [...(payment.actions || []), ...added] }),
	);
	return answerNoContent(call.ex);
}

/** POST …/actions/{action_id}/execute (no body) → 200 empty; records a `paymentAction` transaction. @param {ApiCall} call */
function executeAction(call) {
	const payment = findPayment(call);
	if (!payment) return;
	const action = (payment.actions || []).find((a) => a.id === call.params.actionId);
	if (!action)
		return answerChildNotFound(call.ex, 'Payment action', call.params.actionId, call.order.id);
	const at = call.ctx.now();
	change(call.ctx, call.order, at, () =>
		pushTransaction(call.order, payment.id, {
			event: 'paymentAction',
			pspEvent: action.type,
			amount: payment.amount,
			isSuccess: true,
			pspStatus: 'OK',
			paymentAction: { ...action },
			created: at,
		}),
	);
	return answerNoContent(call.ex);
}

/** @param {ApiCall} call */
function getTransactions(call) {
	const payment = findPayment(call);
	if (!payment) return;
	return answerJson(call.ex, 200, (call.order.paymentTransactions || {})[payment.id] || []);
}

/** POST …/transactions (PaymentTransaction; `event` required) → 200 with `created` set. @param {ApiCall} call */
function addTransaction(call) {
	const payment = findPayment(call);
	if (!payment) return;
	const body = readJson(call, 'object');
	if (body === undefined) return;
	if (!TRANSACTION_EVENTS.includes(body.event))
		return badRequest(
			call.ex,
			`Transaction field 'event' must be one of: ${TRANSACTION_EVENTS.join(', ')}.`,
		);
	if (body.amount !== undefined && body.amount !== null && typeof body.amount !== 'number')
		return badRequest(call.ex, "Transaction field 'amount' must be a number.");
	if (body.isSuccess !== undefined && typeof body.isSuccess !== 'boolean')
		return badRequest(call.ex, "Transaction field 'isSuccess' must be true or false.");
	const at = call.ctx.now();
	/** @type {PaymentTransaction} */
	const transaction = { ...body, event: body.event, created: at };
	change(call.ctx, call.order, at, () => pushTransaction(call.order, payment.id, transaction));
	return answerJson(call.ex, 200, transaction);
}

const P = ':orderId/payments';
/** @type {RouteDef[]} */
const ROUTES = [
	{ method: 'POST', path: P, operation: 'payment.create', handle: create },
	{ method: 'GET', path: P, operation: 'payment.getMany', handle: getMany },
	{ method: 'GET', path: `${P}/:paymentId`, operation: 'payment.get', handle: get },
	{ method: 'PUT', path: `${P}/:paymentId`, operation: 'payment.update', handle: update },
	{
		method: 'POST',
		path: `${P}/:paymentId/actions`,
		operation: 'payment.addActions',
		handle: addActions,
	},
	{
		method: 'POST',
		path: `${P}/:paymentId/actions/:actionId/execute`,
		operation: 'payment.executeAction',
		handle: executeAction,
	},
	{
		method: 'GET',
		path: `${P}/:paymentId/transactions`,
		operation: 'payment.getTransactions',
		handle: getTransactions,
	},
	{
		method: 'POST',
		path: `${P}/:paymentId/transactions`,
		operation: 'payment.addTransaction',
		handle: addTransaction,
	},
];

module.exports = { ROUTES, PAYMENT_STATES, TRANSACTION_EVENTS };

// @ts-check
'use strict';
/**
 * Public views: copies without the sandbox-internal fields, for API answers.
 * Internal fields: `validation` and `paymentTransactions` on orders, `retryOutcome` on events.
 */

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').Order} Order
 * @typedef {import('./index').SandboxNotificationEvent} SandboxNotificationEvent
 * @typedef {import('./index').NotificationEvent} NotificationEvent
 */

/**
 * Copy of an order without sandbox-internal fields.
 * @param {SandboxOrder} order @returns {Order}
 */
function toPublicOrder(order) {
	const { validation, paymentTransactions, ...publicOrder } = order;
	return publicOrder;
}

/** @param {SandboxNotificationEvent} event @returns {NotificationEvent} */
function toPublicEvent(event) {
	const { retryOutcome, ...publicEvent } = event;
	return publicEvent;
}

module.exports = { toPublicOrder, toPublicEvent };

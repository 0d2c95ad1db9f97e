// @ts-check
'use strict';
/**
 * Public views: copies without the sandbox-internal fields, for API answers.
 * Internal fields: `validation` and `paymentTransactions` on orders, `deliveries` and
 * `retryOutcome` on events (Norce documents no delivery fields on an event).
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
	const { retryOutcome, deliveries, ...publicEvent } = event;
	return structuredClone(publicEvent);
}

module.exports = { toPublicOrder, toPublicEvent };

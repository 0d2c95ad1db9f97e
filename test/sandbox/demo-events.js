// @ts-check
'use strict';
/**
 * The seeded events of the Notification Service (ids in DEMO: notificationEventId, …),
 * built from the decorated demo orders (demo-extras.js). Their answers carry the documented
 * fields only; the delivery attempts (status codes) are sandbox-internal, see notification-events.js.
 */

const {
	DEMO_EXTRAS,
	VALID_ORDER,
	COMPLETED_SE_ORDER,
	DECLINED_ORDER,
	FAILING_ORDER,
	OTHER_CHANNEL_ORDER,
	later,
	transitionAt,
} = require('./demo-extras');

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').OrderNotification} OrderNotification
 * @typedef {import('./index').SandboxNotificationEvent} SandboxNotificationEvent
 * @typedef {import('./index').NotificationDelivery} NotificationDelivery
 */

/**
 * @param {number} statusCode @param {string} at @param {number} attempt
 * @returns {NotificationDelivery}
 */
function delivery(statusCode, at, attempt) {
	const ok = statusCode >= 200 && statusCode < 300;
	return {
		attempt,
		createdAt: at,
		status: ok ? 'succeeded' : 'failed',
		statusCode,
		...(ok ? {} : { error: `Webhook answered HTTP ${statusCode}.` }),
	};
}

/** [event id, order id, status whose transition fired it, delivery statuses, retryOutcome] */
const EVENTS =
	/** @type {Array<[string, string, string, number[], 'succeeded' | 'failed' | undefined]>} */ ([
		[DEMO_EXTRAS.notificationEventId, VALID_ORDER, 'processing', [200], undefined],
		[
			'0f6d2c87-4b1a-4e93-8c5d-3a7e9b1f0c24',
			COMPLETED_SE_ORDER,
			'completed',
			[503, 200],
			undefined,
		],
		[DEMO_EXTRAS.failedNotificationEventId, DECLINED_ORDER, 'declined', [500, 500], undefined],
		[DEMO_EXTRAS.failingRetryNotificationEventId, FAILING_ORDER, 'processing', [410], 'failed'],
		[
			DEMO_EXTRAS.otherChannelNotificationEventId,
			OTHER_CHANNEL_ORDER,
			'processing',
			[200],
			undefined,
		],
	]);

/**
 * The seeded Notification Service events, built from (decorated) demo orders.
 * Orders missing from `orders` (custom seed orders) are skipped.
 * @param {SandboxOrder[]} orders @param {string} merchant @returns {SandboxNotificationEvent[]}
 */
function demoNotificationEvents(orders, merchant) {
	// Required here, not at the top: notification-events.js requires this file.
	const { eventNotification } = require('./notification-events');
	const byId = new Map(orders.map((order) => [order.id, order]));
	/** @type {SandboxNotificationEvent[]} */
	const events = [];
	for (const [id, orderId, status, statusCodes, retryOutcome] of EVENTS) {
		const order = byId.get(orderId);
		const notification = /** @type {OrderNotification | undefined} */ (
			order && order.notifications[0]
		);
		if (!order || !notification) continue;
		const createdAt = later(transitionAt(order, status), 2);
		const deliveries = statusCodes.map((code, i) =>
			delivery(code, later(createdAt, i * 60), i + 1),
		);
		/** @type {SandboxNotificationEvent} */
		const event = {
			id,
			createdAt,
			merchant,
			channel: order.channel,
			orderId,
			notification: eventNotification(notification),
			deliveries,
		};
		if (retryOutcome) event.retryOutcome = retryOutcome;
		events.push(event);
	}
	return events;
}

module.exports = { demoNotificationEvents, delivery };

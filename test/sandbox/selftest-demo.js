// @ts-check
'use strict';
/** Self-check of the DEMO additions against the data, and of the route table (run by selftest.js). */

const assert = require('node:assert/strict');
const { startSandbox, DEMO, demoOrders } = require('./index');
const { OPERATIONS } = require('./operations');

/** @typedef {(name: string, fn: () => Promise<void>) => void} Check */

/** @param {Check} check */
function register(check) {
	check('DEMO additions match the data; every route has a fault-matchable operation', async () => {
		const orders = new Map(demoOrders().map((o) => [o.id, /** @type {any} */ (o)]));
		const valid = orders.get(DEMO.validOrderId);
		assert.deepEqual(
			valid.payments.map((/** @type {any} */ p) => p.id),
			[DEMO.paymentId],
		);
		assert.equal(valid.payments[0].actions[0].id, DEMO.paymentActionId);
		assert.equal(valid.paymentTransactions[DEMO.paymentId].length, DEMO.paymentTransactionCount);
		assert.deepEqual(
			[valid.shippings[0].id, valid.shippings[0].reference],
			[DEMO.shippingId, DEMO.shippingReference],
		);
		assert.deepEqual(
			valid.hooks.map((/** @type {any} */ h) => h.id),
			[DEMO.hookId],
		);
		assert.deepEqual(
			[valid.notifications[0].id, valid.notifications[0].reference],
			[DEMO.notificationId, DEMO.notificationReference],
		);
		for (const order of orders.values())
			assert.ok(order.consents.some((/** @type {any} */ c) => c.id === DEMO.consentId));
		assert.equal(orders.get(DEMO.checkoutOrderId).state.currentStatus, 'checkout');
		const required = orders.get(DEMO.requiredConsentOrderId);
		assert.deepEqual(
			required.consents.find((/** @type {any} */ c) => c.id === DEMO.requiredConsentId),
			{ id: DEMO.requiredConsentId, checked: false, text: 'I accept the terms', required: true },
		);
		const sb = await startSandbox();
		try {
			const counts = DEMO.notificationEventCounts;
			const all = sb.notificationEvents;
			assert.equal(all.length, counts.total);
			assert.equal(all.filter((e) => e.channel === 'no').length, counts.no);
			assert.equal(
				all.filter((e) => e.deliveries.at(-1)?.status === 'failed').length,
				counts.failed,
			);
			for (const id of [
				DEMO.notificationEventId,
				DEMO.failedNotificationEventId,
				DEMO.failingRetryNotificationEventId,
				DEMO.otherChannelNotificationEventId,
			])
				assert.ok(
					all.some((e) => e.id === id),
					id,
				);
		} finally {
			await sb.close();
		}
		const defs = ['order', 'callbacks', 'consent', 'payment', 'shipping']
			.flatMap((file) => require(`./routes/${file}`).ROUTES)
			.concat(require('./notification-service').ROUTES);
		for (const def of defs) assert.ok(OPERATIONS.includes(def.operation), def.operation);
		assert.equal(new Set(defs.map((d) => `${d.method} ${d.path}`)).size, defs.length);
	});
}

module.exports = { register };

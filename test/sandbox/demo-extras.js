// @ts-check
'use strict';
/**
 * Extra demo data on top of the 17 demo orders (orders.js): payment actions and
 * transactions, a required consent, a hook and notifications (the seeded events of
 * the Notification Service are in demo-events.js). The ids are literals in DEMO_EXTRAS
 * (and index.d.ts); the self-check compares them with the data.
 */

const { deriveId } = require('./derive');

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').Payment} Payment
 * @typedef {import('./index').PaymentAction} PaymentAction
 * @typedef {import('./index').PaymentTransaction} PaymentTransaction
 * @typedef {import('./index').OrderNotification} OrderNotification
 */

const VALID_ORDER = 'o_FpCZIBTVdZkkZdtbdJWQMdGzkU';
const COMPLETED_SE_ORDER = 'o_KeFbXaSRcwfAcrkwOOWsQCAgDB';
const DECLINED_ORDER = 'o_eoaiqpBZBEVWWDMehyWHbjNOLP';
const FAILING_ORDER = 'o_FsLEuDmeEBxpxeOkgSFGWmyuGJ';
const OTHER_CHANNEL_ORDER = 'o_vclIJxGmpaTWfurOTfkfJqAZmJ';
const THREE_FAILURES_ORDER = 'o_dagzdZqhlqyAYKFioPNzeLMdfq';
const ERRORS_OBJECT_ORDER = 'o_dNNEavQxjliFEqIgSfZhneJwJb';

const DEMO_EXTRAS = Object.freeze({
	/** The payment of validOrderId (reserved; actions capture + cancel; 3 transactions). */
	paymentId: 'p_NNDmlghdQTBpdzLhjMOStiKDeE',
	paymentActionId: 'pa_isHjEdxYTFVUVaEETMUiEXnSSz',
	paymentTransactionCount: 3,
	/** The shipping of validOrderId. */
	shippingId: 's_oZjIbvUktzxHmeHDFwoqDwTuVr',
	shippingReference: 'SHP-NC-100482',
	/** On every demo order (not required). */
	consentId: 'ci_newsletter',
	/** se, checkout, no validation quirks that matter for edits: addresses may change. */
	checkoutOrderId: ERRORS_OBJECT_ORDER,
	/** se, checkout, has the required, unchecked consent requiredConsentId. */
	requiredConsentOrderId: THREE_FAILURES_ORDER,
	requiredConsentId: 'ci_terms',
	/** Hook on validOrderId. */
	hookId: 'oh_rxdiWOcGuYLIBRLuhlbSCjfxrO',
	/** Notification on validOrderId: scope /state/currentStatus, no schema. */
	notificationId: 'on_EyPqYRJDIhptNFufcjbAwreCVP',
	notificationReference: 'n8n-status-changed',
	/** validOrderId, delivered at the first attempt. */
	notificationEventId: '5b3e1c04-8f2a-4d6b-9e71-0a4c2f8d6b13',
	/** declinedOrderId, two failed attempts; a retry succeeds. */
	failedNotificationEventId: '9d2f7a61-3c4e-4b8a-a5f0-7e1b6c9d2a48',
	/** failingOrderId, one failed attempt; every retry fails again (HTTP 410). */
	failingRetryNotificationEventId: 'c7a49e2b-1d6f-4f3a-8b25-4e9c0d7f1a66',
	/** otherChannelOrderId (channel no), delivered. */
	otherChannelNotificationEventId: '2e8b5d39-6a1c-4e7f-b3d2-9f0a4c6e8b75',
	// failed: events whose (sandbox-internal, simulated) last delivery failed
	notificationEventCounts: Object.freeze({ total: 5, se: 4, no: 1, failed: 2 }),
});

const ADAPTER_BASE = 'https://norce-demo.api-se.playground.norce.tech/checkout';
const ADAPTER_SLUGS = /** @type {Record<string, string>} */ ({
	walley_checkout_adapter: 'walley-adapter',
	'klarna-checkout': 'klarna-adapter',
});

/** @param {string} iso @param {number} seconds */
const later = (iso, seconds) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** @param {SandboxOrder} order @param {string} status */
function transitionAt(order, status) {
	const found = order.state.transitions.find((t) => t.status === status);
	return found ? found.timeStamp : order.created;
}

/** @param {SandboxOrder} order @param {Payment} payment @returns {PaymentAction[]} */
function paymentActions(order, payment) {
	const types =
		payment.state === 'reserved'
			? ['capture', 'cancel']
			: payment.state === 'captured'
				? ['refund']
				: [];
	const slug = ADAPTER_SLUGS[payment.adapterId] || payment.adapterId;
	return types.map((type) => ({
		id: deriveId('pa_', `${order.id}/payment/action/${type}`),
		adapterId: payment.adapterId,
		type,
		url: `${ADAPTER_BASE}/${slug}/api/v1/orders/{order_id}/payments/${payment.id}/${type}`,
	}));
}

/** @param {SandboxOrder} order @param {Payment} payment @returns {PaymentTransaction[]} */
function paymentTransactions(order, payment) {
	const processing = transitionAt(order, 'processing');
	const declined = payment.state === 'declined';
	/** @type {Array<[PaymentTransaction['event'], string, boolean, string]>} */
	const steps = [
		['open', 'checkout.created', true, order.created],
		['process', 'payment.authorize', true, later(processing, -30)],
		['confirm', declined ? 'payment.rejected' : 'payment.authorized', !declined, processing],
	];
	if (payment.state === 'captured')
		steps.push(['capture', 'payment.captured', true, transitionAt(order, 'completed')]);
	return steps.map(([event, pspEvent, isSuccess, created]) => ({
		event,
		pspEvent,
		amount: payment.amount,
		isSuccess,
		...(isSuccess ? {} : { errorDetail: 'Declined by the payment provider.' }),
		pspStatus: isSuccess ? 'OK' : 'DECLINED',
		requestJson: JSON.stringify({ orderId: order.id, amount: payment.amount }),
		responseJson: JSON.stringify({
			status: isSuccess ? 'ok' : 'declined',
			reference: payment.reference,
		}),
		created,
	}));
}

/** [order id, adapterId, reference, description, schema] of the seeded notifications. */
const NOTIFICATIONS = /** @type {Array<[string, string, string, string, unknown]>} */ ([
	[
		VALID_ORDER,
		'n8n',
		DEMO_EXTRAS.notificationReference,
		'Tell n8n about status changes',
		undefined,
	],
	[
		COMPLETED_SE_ORDER,
		'erp_export',
		'erp-export-completed',
		'Export completed orders',
		{ const: 'completed' },
	],
	[DECLINED_ORDER, 'crm_sync', 'crm-declined', 'Follow up declined orders', { enum: ['declined'] }],
	[FAILING_ORDER, 'erp_export', 'erp-export-processing', 'Reserve stock', { const: 'processing' }],
	[
		OTHER_CHANNEL_ORDER,
		'n8n',
		DEMO_EXTRAS.notificationReference,
		'Tell n8n about status changes',
		undefined,
	],
]);

/** @param {string} adapterId @param {string} reference */
function invokeUrl(adapterId, reference) {
	return adapterId === 'n8n'
		? 'https://n8n.example.com/webhook/norce-checkout/{order_id}'
		: `https://${adapterId.replace(/_/g, '-')}.example.com/norce/${reference}/{order_id}`;
}

/**
 * Adds the extras to freshly built demo orders (in place) and returns them.
 * @param {SandboxOrder[]} orders @param {string} _merchant
 */
function decorateDemoOrders(orders, _merchant) {
	const byId = new Map(orders.map((order) => [order.id, order]));
	for (const order of orders) {
		order.payments = order.payments.map((payment) => ({
			...payment,
			actions: paymentActions(order, payment),
		}));
		if (order.payments.length > 0) {
			order.paymentTransactions = Object.fromEntries(
				order.payments.map((payment) => [payment.id, paymentTransactions(order, payment)]),
			);
		}
	}
	const required = byId.get(THREE_FAILURES_ORDER);
	if (required) {
		required.consents = [
			...required.consents,
			{
				id: DEMO_EXTRAS.requiredConsentId,
				checked: false,
				text: 'I accept the terms',
				required: true,
			},
		];
	}
	const valid = byId.get(VALID_ORDER);
	if (valid) {
		valid.hooks = [
			{
				id: DEMO_EXTRAS.hookId,
				adapterId: 'ingrid-shipping-adapter',
				subscribeTo: '/cart',
				invoke: `${ADAPTER_BASE}/ingrid-adapter/api/v1/hooks/orders/{order_id}/cart`,
				version: 'v0',
			},
		];
	}
	for (const [orderId, adapterId, reference, description, schema] of NOTIFICATIONS) {
		const order = byId.get(orderId);
		if (!order) continue;
		/** @type {OrderNotification} */
		const notification = {
			id: deriveId('on_', `${orderId}/notification/${reference}`),
			adapterId,
			reference,
			description,
			scope: '/state/currentStatus',
			invoke: invokeUrl(adapterId, reference),
			version: 'v0',
		};
		if (schema !== undefined) notification.schema = schema;
		order.notifications = [notification];
	}
	return orders;
}

module.exports = {
	DEMO_EXTRAS,
	decorateDemoOrders,
	transitionAt,
	later,
	VALID_ORDER,
	COMPLETED_SE_ORDER,
	DECLINED_ORDER,
	FAILING_ORDER,
	OTHER_CHANNEL_ORDER,
};

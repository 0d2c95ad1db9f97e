// @ts-check
'use strict';
/**
 * The Notification Service's event log, and the firing of order notifications:
 * after a committed change, each notification on the order whose `scope` (JSON pointer)
 * now points at a different value, and whose `schema` accepts the new value, adds an
 * event. No HTTP request is made.
 *
 * Documented (docs.norce.io notification-read, NotificationEvent): an event is
 * `{id, createdAt, merchant, channel, orderId, notification{id, adapterId, reference,
 * description, scope, schema, invoke}}`, and that is all the API answers. Norce logs each
 * delivery attempt "with the HTTP status code and response details" but publishes no shape
 * for it, so the sandbox keeps its simulated attempts in the internal `deliveries` (never
 * answered; tests read them in-process to see what a retry did).
 */

const { checkTimestamp } = require('./normalize');
const { isObject } = require('./routes/common');
const { delivery } = require('./demo-events');

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').OrderNotification} OrderNotification
 * @typedef {import('./index').SandboxNotificationEvent} SandboxNotificationEvent
 * @typedef {import('./index').NotificationDelivery} NotificationDelivery
 * @typedef {import('./index').NotificationEventInput} NotificationEventInput
 * @typedef {import('./index').EventNotification} EventNotification
 * @typedef {Array<{notification: OrderNotification, before: string | undefined}>} ScopeSnapshot
 */

/** Value at a JSON pointer ('' or '/a/b', with ~0 / ~1 escapes). @param {unknown} root @param {string} pointer */
function pointerGet(root, pointer) {
	let value = root;
	for (const raw of pointer.split('/').slice(1)) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (value === null || typeof value !== 'object') return undefined;
		value = /** @type {any} */ (value)[key];
	}
	return value;
}

/** @param {unknown} value */
function jsonType(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/** The JSON Schema subset the sandbox checks: const, enum, type, not. Other keywords pass. @param {unknown} schema @param {unknown} value @returns {boolean} */
function schemaAccepts(schema, value) {
	if (schema === undefined || schema === null || schema === true) return true;
	if (schema === false || !isObject(schema)) return schema !== false;
	const same = (/** @type {unknown} */ a) => JSON.stringify(a) === JSON.stringify(value);
	if ('const' in schema && !same(schema.const)) return false;
	if (Array.isArray(schema.enum) && !schema.enum.some(same)) return false;
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		const actual = jsonType(value);
		const ok = types.some(
			(/** @type {unknown} */ t) =>
				t === actual ||
				(t === 'integer' && Number.isInteger(value)) ||
				(t === 'number' && actual === 'number'),
		);
		if (!ok) return false;
	}
	if (schema.not !== undefined && schemaAccepts(schema.not, value)) return false;
	return true;
}

/**
 * The event's `notification`: "as it appeared on the order at the time when the event
 * occurred", with the documented fields only (docs: NotificationEventPayload.notification).
 * @param {OrderNotification} notification @returns {EventNotification}
 */
function eventNotification(notification) {
	/** @type {EventNotification} */
	const copy = { id: notification.id, scope: notification.scope, invoke: notification.invoke };
	if (notification.adapterId !== undefined) copy.adapterId = notification.adapterId;
	if (notification.reference !== undefined) copy.reference = notification.reference;
	if (notification.description !== undefined) copy.description = notification.description;
	if (notification.schema !== undefined) copy.schema = structuredClone(notification.schema);
	return copy;
}

class NotificationEventStore {
	/** @param {import('./derive').IdSource} ids */
	constructor(ids) {
		this.ids = ids;
		/** @type {SandboxNotificationEvent[]} live, in insertion order */
		this.events = [];
	}

	/** @param {SandboxNotificationEvent[]} events */
	load(events) {
		this.events.length = 0; // in place: callers may hold the array
		this.events.push(...events);
	}

	/** @param {string} id */
	get(id) {
		return this.events.find((event) => event.id === id);
	}

	/** Values at the scopes of the order's notifications, before a change. @param {SandboxOrder} order @returns {ScopeSnapshot} */
	snapshot(order) {
		const notifications = /** @type {OrderNotification[]} */ (order.notifications || []);
		return notifications.map((notification) => ({
			notification,
			before: JSON.stringify(pointerGet(order, notification.scope)),
		}));
	}

	/**
	 * After a change: adds an event per notification (that existed before and still exists)
	 * whose scoped value changed and is accepted by its schema.
	 * @param {SandboxOrder} order @param {ScopeSnapshot} snapshot @param {string} at
	 */
	fire(order, snapshot, at) {
		const current = new Set(order.notifications || []);
		for (const { notification, before } of snapshot) {
			if (!current.has(notification)) continue;
			const value = pointerGet(order, notification.scope);
			if (JSON.stringify(value) === before || !schemaAccepts(notification.schema, value)) continue;
			this.events.push(this.build(order, notification, at, [delivery(200, at, 1)]));
		}
	}

	/**
	 * @param {SandboxOrder} order @param {OrderNotification} notification @param {string} at
	 * @param {NotificationDelivery[]} deliveries @returns {SandboxNotificationEvent}
	 */
	build(order, notification, at, deliveries) {
		return {
			id: this.ids.uuid(),
			createdAt: at,
			merchant: order.merchant,
			channel: order.channel,
			orderId: order.id,
			notification: eventNotification(notification),
			deliveries,
		};
	}

	/**
	 * Control: adds an event with the given fields (see NotificationEventInput for the defaults).
	 * @param {NotificationEventInput} input @param {{merchant: string, channels: readonly string[], orders: Map<string, SandboxOrder>, now: () => string}} env
	 */
	add(input, env) {
		if (!isObject(input)) throw new TypeError('notification event must be an object');
		const createdAt =
			input.createdAt === undefined ? env.now() : checkTimestamp(input.createdAt, 'createdAt');
		if (input.id !== undefined && (typeof input.id !== 'string' || input.id === ''))
			throw new TypeError('id must be a non-empty string');
		if (input.id !== undefined && this.get(input.id))
			throw new TypeError(`event ${input.id} already exists`);
		if (input.retryOutcome !== undefined && !['succeeded', 'failed'].includes(input.retryOutcome))
			throw new TypeError("retryOutcome must be 'succeeded' or 'failed'");
		const order = input.orderId === undefined ? undefined : env.orders.get(input.orderId);
		const onOrder = /** @type {OrderNotification | undefined} */ (
			(order && order.notifications && order.notifications[0]) || undefined
		);
		/** @type {OrderNotification} */
		const notification = onOrder
			? { ...onOrder }
			: {
					id: this.ids.next('on_'),
					reference: 'sandbox-notification',
					scope: '/state/currentStatus',
					invoke: 'https://receiver.example.com/norce/{order_id}',
				};
		for (const field of /** @type {const} */ (['adapterId', 'reference', 'scope', 'invoke']))
			if (input[field] !== undefined) notification[field] = input[field];
		if (input.notificationId !== undefined) notification.id = input.notificationId;
		const deliveries = (input.deliveries === undefined ? [200] : input.deliveries).map(
			(item, i) => {
				if (typeof item === 'number') return delivery(item, createdAt, i + 1);
				if (!isObject(item))
					throw new TypeError('deliveries must be status codes or delivery objects');
				const base = delivery(
					item.statusCode ?? (item.status === 'failed' ? 500 : 200),
					createdAt,
					i + 1,
				);
				return { ...base, ...item, attempt: item.attempt ?? i + 1 };
			},
		);
		/** @type {SandboxNotificationEvent} */
		const event = {
			id: input.id ?? this.ids.uuid(),
			createdAt,
			merchant: env.merchant,
			channel: input.channel ?? (order ? order.channel : env.channels[0]),
			// Documented as required: an event without an order gets an id no order has.
			orderId: input.orderId ?? this.ids.next('o_'),
			notification: eventNotification(notification),
			deliveries,
		};
		if (input.retryOutcome) event.retryOutcome = input.retryOutcome;
		this.events.push(event);
		return event;
	}

	/** A retry: one more delivery attempt, succeeding unless the event's retryOutcome is 'failed'. @param {SandboxNotificationEvent} event @param {string} at */
	retry(event, at) {
		const failedCodes = event.deliveries
			.filter((d) => d.status === 'failed')
			.map((d) => d.statusCode);
		const code = event.retryOutcome === 'failed' ? failedCodes[failedCodes.length - 1] || 500 : 200;
		const attempt = delivery(code, at, event.deliveries.length + 1);
		event.deliveries = [...event.deliveries, attempt];
		return attempt;
	}
}

module.exports = { NotificationEventStore, pointerGet, schemaAccepts, delivery, eventNotification };

// @ts-check
'use strict';
/**
 * Delivery of channel notifications, like Norce's Notification Service: after a committed
 * change fires a notification that was copied into the order from the channel's
 * static_notifications (configuration.js), POST `{notification, order}` to its `invoke`,
 * retrying a failed attempt (non-2xx, or no answer) after each of `retryDelaysMs`, and keep
 * every attempt in the event's internal `deliveries` (never answered: Norce publishes no shape
 * for them). The URL and payload of each event are kept here, not on the event, which holds
 * the documented fields only. Per-order notifications keep the simulated delivery of
 * notification-events.js.
 * `log` holds every attempt with its start and end (ms), for tests and the latency script.
 */

const http = require('node:http');
const https = require('node:https');
const { delivery } = require('./notification-events');
const { toPublicOrder } = require('./public');

/**
 * @typedef {import('./index').SandboxNotificationEvent} SandboxNotificationEvent
 * @typedef {{eventId: string, orderId: string | undefined, invoke: string, attempt: number, startedAt: number, finishedAt: number, statusCode: number}} DeliveryAttempt
 */

const DEFAULT_RETRY_DELAYS_MS = Object.freeze([100, 500, 2000]);
const TIMEOUT_MS = 10_000;

class Deliveries {
	/** @param {{isCopied: (notificationId: string | undefined) => boolean}} configuration */
	constructor(configuration) {
		this.configuration = configuration;
		/** @type {DeliveryAttempt[]} */
		this.log = [];
		/** @type {readonly number[]} */
		this.retryDelaysMs = DEFAULT_RETRY_DELAYS_MS;
		/** @type {Set<Promise<void>>} */
		this.inFlight = new Set();
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();
		/** @type {Set<import('node:http').ClientRequest>} */
		this.requests = new Set();
		/** @type {Map<string, {invoke: string, payload: unknown}>} event id → what is delivered */
		this.targets = new Map();
		this.closed = false;
	}

	/** Where the event is delivered: its notification's `invoke`, `{order_id}` filled in. @param {SandboxNotificationEvent} event */
	invokeOf(event) {
		return this.targets.get(event.id)?.invoke;
	}

	/** The `{notification, order}` body delivered for the event. @param {SandboxNotificationEvent} event */
	payloadOf(event) {
		return this.targets.get(event.id)?.payload;
	}

	/** The status of the event's last delivery attempt ('pending' before the first). @param {SandboxNotificationEvent} event */
	statusOf(event) {
		const last = event.deliveries[event.deliveries.length - 1];
		return last ? last.status : 'pending';
	}

	reset() {
		this.log.length = 0;
		this.targets.clear();
		this.retryDelaysMs = DEFAULT_RETRY_DELAYS_MS;
	}

	/** @param {unknown} delays */
	setRetryDelays(delays) {
		if (!Array.isArray(delays) || delays.some((d) => typeof d !== 'number' || !(d >= 0)))
			throw new TypeError('retryDelaysMs must be an array of non-negative numbers');
		this.retryDelaysMs = Object.freeze([...delays]);
	}

	/**
	 * After a change: deliver each new event of a copied channel notification, with the order as
	 * it is now. @param {SandboxNotificationEvent[]} events @param {import('./index').SandboxOrder} order
	 */
	deliverNew(events, order) {
		for (const event of events) {
			if (!this.configuration.isCopied(event.notification.id)) continue;
			event.deliveries = [];
			const invoke = String(event.notification.invoke)
				.split('{order_id}')
				.join(encodeURIComponent(event.orderId));
			this.targets.set(event.id, {
				invoke,
				payload: { notification: event.notification, order: structuredClone(toPublicOrder(order)) },
			});
			this.start(event);
		}
	}

	/**
	 * Delivers the event again, as Norce's retry does (the same payload), to `invoke` when given.
	 * @param {SandboxNotificationEvent} event @param {string} [invoke]
	 */
	redeliver(event, invoke) {
		const target = this.targets.get(event.id);
		if (target && invoke !== undefined) target.invoke = invoke;
		return this.start(event);
	}

	/** Resolves once no delivery is running or waiting to retry. */
	async settled() {
		while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
	}

	close() {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const request of this.requests) request.destroy();
	}

	/** @param {SandboxNotificationEvent} event */
	start(event) {
		const running = this.run(event).finally(() => this.inFlight.delete(running));
		this.inFlight.add(running);
		return running;
	}

	/** @param {SandboxNotificationEvent} event */
	async run(event) {
		for (let retry = 0; !this.closed; retry++) {
			const startedAt = Date.now();
			const target = this.targets.get(event.id);
			if (!target) return;
			const statusCode = await this.post(target.invoke, JSON.stringify(target.payload));
			const finishedAt = Date.now();
			this.log.push({
				eventId: event.id,
				orderId: event.orderId,
				invoke: target.invoke,
				attempt: event.deliveries.length + 1,
				startedAt,
				finishedAt,
				statusCode,
			});
			const attempt = delivery(
				statusCode,
				new Date(finishedAt).toISOString(),
				event.deliveries.length + 1,
			);
			if (statusCode === 0) attempt.error = 'The webhook did not answer.';
			event.deliveries = [...event.deliveries, attempt];
			if (attempt.status === 'succeeded' || retry >= this.retryDelaysMs.length) return;
			await this.wait(this.retryDelaysMs[retry]);
		}
	}

	/** @param {number} ms */
	wait(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve(undefined);
			}, ms);
			this.timers.add(timer);
		});
	}

	/** The status code of one POST, or 0 when it got no answer. @param {string} url @param {string} body @returns {Promise<number>} */
	post(url, body) {
		return new Promise((resolve) => {
			let target;
			try {
				target = new URL(url);
			} catch {
				return resolve(0);
			}
			const client = target.protocol === 'https:' ? https : http;
			const request = client.request(
				target,
				{
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(body),
					},
					timeout: TIMEOUT_MS,
				},
				(response) => {
					response.resume();
					response.on('end', () => resolve(response.statusCode ?? 0));
					response.on('error', () => resolve(0));
				},
			);
			this.requests.add(request);
			request.on('close', () => this.requests.delete(request));
			request.on('timeout', () => request.destroy());
			request.on('error', () => resolve(0));
			request.end(body);
		});
	}
}

module.exports = { Deliveries, DEFAULT_RETRY_DELAYS_MS };

// @ts-check
'use strict';
/**
 * The Configuration API's channel documents (norce-order-api §10), as far as the Notification
 * Trigger needs them:
 *   GET|PUT|DELETE /checkout/configuration/api/v1/configuration/merchants/{merchant}/channels/{channel}/configurations/{id}
 * Only the bearer token is checked (Norce's own client sends nothing else); `access` switches
 * the token's rights to 401 or 403. PUT replaces the whole document (no ETag, last write wins);
 * DELETE of a channel's last configuration deletes the channel. `static_notifications` is
 * checked strictly; its entries are copied into each order created in the channel while the
 * document is active (copyInto), which is what makes Norce deliver them (delivery.js).
 */

const { answer, answerError, answerJson } = require('./responses');
const { isObject } = require('./routes/common');

const PREFIX = '/checkout/configuration/api/v1/configuration/';
const STATIC_NOTIFICATIONS = 'static_notifications';
const ENTRY_FIELDS = new Set([
	'description',
	'reference',
	'scope',
	'schema',
	'invoke',
	'adapterId',
]);

/**
 * @typedef {import('./responses').Exchange} Exchange
 * @typedef {'allowed' | 401 | 403} ConfigurationAccess
 */

/** @param {unknown} value */
const filled = (value) => typeof value === 'string' && value.trim() !== '';

/** @param {unknown} url */
function isHttpUrl(url) {
	try {
		const parsed = new URL(String(url));
		return parsed.protocol === 'http:' || parsed.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Why a static_notifications document is refused, or undefined when it is fine.
 * @param {Record<string, any>} doc @returns {string | undefined}
 */
function staticNotificationsProblem(doc) {
	if ('active' in doc && typeof doc.active !== 'boolean')
		return "Field 'active' must be a boolean.";
	if (doc.order === undefined) return undefined;
	if (!isObject(doc.order)) return "Field 'order' must be an object.";
	const entries = doc.order.notifications;
	if (entries === undefined) return undefined;
	if (!Array.isArray(entries)) return "Field 'order.notifications' must be an array.";
	for (const [index, entry] of entries.entries()) {
		const at = `order.notifications[${index}]`;
		if (!isObject(entry)) return `${at} must be an object.`;
		const unknown = Object.keys(entry).find((key) => !ENTRY_FIELDS.has(key));
		if (unknown) return `${at} has an unknown field '${unknown}'.`;
		if (!filled(entry.invoke) || !isHttpUrl(String(entry.invoke).split('{order_id}').join('x')))
			return `${at}.invoke must be an http(s) URL.`;
		if (typeof entry.scope !== 'string' || !entry.scope.startsWith('/'))
			return `${at}.scope must be a JSON pointer such as '/state/currentStatus'.`;
		if (entry.scope.split('/').some((segment) => /^\d+$/.test(segment)))
			return `${at}.scope must not point inside an array.`;
		if ('schema' in entry && !isObject(entry.schema) && typeof entry.schema !== 'boolean')
			return `${at}.schema must be a JSON Schema.`;
		for (const field of ['reference', 'description', 'adapterId'])
			if (field in entry && typeof entry[field] !== 'string')
				return `${at}.${field} must be a string.`;
	}
	return undefined;
}

class ConfigurationStore {
	/** @param {import('./derive').IdSource} ids */
	constructor(ids) {
		this.ids = ids;
		/** @type {Map<string, Map<string, Record<string, any>>>} channel → id → document */
		this.channels = new Map();
		/** @type {ConfigurationAccess} */
		this.access = 'allowed';
		/** Ids of the order notifications copied from a channel's static_notifications. */
		this.copiedIds = new Set();
	}

	reset() {
		this.channels.clear();
		this.copiedIds.clear();
		this.access = 'allowed';
	}

	/** @param {unknown} access */
	setAccess(access) {
		if (access !== 'allowed' && access !== 401 && access !== 403)
			throw new TypeError("configuration access must be 'allowed', 401 or 403");
		this.access = access;
	}

	/** @param {string} channel @param {string} [id] */
	get(channel, id = STATIC_NOTIFICATIONS) {
		return this.channels.get(channel)?.get(id);
	}

	/** Stores a document as given (the control API seeds foreign entries this way). @param {string} channel @param {Record<string, any>} doc @param {string} [id] */
	put(channel, doc, id = STATIC_NOTIFICATIONS) {
		if (!isObject(doc)) throw new TypeError('a configuration document must be an object');
		let documents = this.channels.get(channel);
		if (!documents) this.channels.set(channel, (documents = new Map()));
		documents.set(id, structuredClone(doc));
	}

	/**
	 * The notifications an order created now in `channel` carries: copies of the active
	 * static_notifications entries, each with its own id.
	 * @param {string} channel @returns {import('./index').OrderNotification[]}
	 */
	copyInto(channel) {
		const doc = this.get(channel);
		if (!doc || doc.active === false || !isObject(doc.order)) return [];
		const entries = Array.isArray(doc.order.notifications) ? doc.order.notifications : [];
		return entries.map((entry) => {
			const copy = /** @type {any} */ ({ id: this.ids.next('on_'), ...structuredClone(entry) });
			this.copiedIds.add(copy.id);
			return copy;
		});
	}

	/** @param {string | undefined} notificationId */
	isCopied(notificationId) {
		return notificationId !== undefined && this.copiedIds.has(notificationId);
	}

	/**
	 * Answers a request below PREFIX, or returns false when the path is not one.
	 * @param {Exchange} ex @param {{apiKey: string, merchant: string}} ctx @param {string} body
	 */
	handle(ex, ctx, body) {
		if (!ex.path.startsWith(PREFIX)) return false;
		const authorization = ex.req.headers.authorization;
		if (authorization !== `Bearer ${ctx.apiKey}` || this.access === 401) {
			answerError(ex, 401, 'unauthorized', 'Missing or invalid bearer token.');
			return true;
		}
		if (this.access === 403) {
			answerError(ex, 403, 'forbidden', 'The token may not read or change configurations.');
			return true;
		}
		let segments;
		try {
			segments = ex.path.slice(PREFIX.length).split('/').map(decodeURIComponent);
		} catch {
			answerError(ex, 400, 'bad-request', 'Malformed percent-encoding in path.');
			return true;
		}
		const [merchants, merchant, channels, channel, configurations, id, ...rest] = segments;
		if (
			merchants !== 'merchants' ||
			channels !== 'channels' ||
			configurations !== 'configurations' ||
			!filled(merchant) ||
			!filled(channel) ||
			!filled(id) ||
			rest.length > 0
		) {
			answerError(ex, 404, 'not-found', `No route for ${ex.req.method} ${ex.path}.`);
			return true;
		}
		if (merchant !== ctx.merchant) {
			answerError(ex, 403, 'forbidden', `Token is not valid for merchant '${merchant}'.`);
			return true;
		}
		const notFound = () =>
			answerError(
				ex,
				404,
				'configuration-not-found',
				`Configuration '${id}' not found for channel '${channel}'.`,
			);
		const method = ex.req.method;
		if (method === 'GET') {
			const doc = this.get(channel, id);
			if (doc) answerJson(ex, 200, doc);
			else notFound();
			return true;
		}
		if (method === 'DELETE') {
			const documents = this.channels.get(channel);
			if (!documents?.delete(id)) {
				notFound();
				return true;
			}
			// "If this is the last configuration for a channel, the channel will be deleted."
			if (documents.size === 0) this.channels.delete(channel);
			answer(ex, 204, {});
			return true;
		}
		if (method !== 'PUT') {
			answerError(ex, 405, 'method-not-allowed', `Method ${method} is not allowed on this path.`, {
				allow: 'GET, PUT, DELETE',
			});
			return true;
		}
		const contentType = String(ex.req.headers['content-type'] || '');
		if (!contentType.startsWith('application/json')) {
			answerError(ex, 415, 'unsupported-media-type', 'Content-Type must be application/json.');
			return true;
		}
		let doc;
		try {
			doc = JSON.parse(body);
		} catch {
			answerError(ex, 400, 'bad-request', 'Body must be JSON.');
			return true;
		}
		if (!isObject(doc)) {
			answerError(ex, 400, 'bad-request', 'Body must be a JSON object.');
			return true;
		}
		if (doc.id !== id) {
			answerError(ex, 400, 'bad-request', `Field 'id' must be '${id}'.`);
			return true;
		}
		const problem = id === STATIC_NOTIFICATIONS ? staticNotificationsProblem(doc) : undefined;
		if (problem) {
			answerError(ex, 400, 'bad-request', problem);
			return true;
		}
		this.put(channel, doc, id);
		answerJson(ex, 200, doc);
		return true;
	}
}

module.exports = { ConfigurationStore, CONFIGURATION_PREFIX: PREFIX, STATIC_NOTIFICATIONS };

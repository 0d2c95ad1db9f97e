// @ts-check
'use strict';
/**
 * GET /api/v0/checkout/orders: filter, sort (created desc, then id, unless `order_by` /
 * `order_by_direction` say otherwise: order-sort.js) and paginate. `toPublicOrder`
 * (public.js, re-exported here) strips sandbox-internal fields from answers.
 */

const { ORDER_STATUSES, round2 } = require('./orders');
const { toPublicOrder } = require('./public');
const { parseSort, sortOrders } = require('./order-sort');
const { customerFilter } = require('./order-filters');
const { parseUtc } = require('./normalize');

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').Order} Order
 * @typedef {import('./index').OrderStatus} OrderStatus
 */

/**
 * Sorted view of the order map, rebuilt only when the map changed. The map is
 * exposed as live state, so instead of relying on callers to invalidate, each
 * listing checks cheaply that every cached entry is still current.
 * @typedef {object} ListEntry
 * @property {SandboxOrder} order
 * @property {string} created value the entry was sorted by
 * @property {number} createdMs
 * @property {string} [searchText] lower-cased text for `search`, cached per entry
 * @property {[string, unknown, unknown]} [searchSource] what searchText was built from
 */
class OrderListIndex {
	/** @param {Map<string, SandboxOrder>} orders */
	constructor(orders) {
		this.orders = orders;
		/** @type {ListEntry[]} */
		this.entries = [];
	}

	/** @returns {ListEntry[]} orders sorted by created desc, then id asc */
	sorted() {
		if (!this.isCurrent()) {
			this.entries = Array.from(this.orders.values(), (order) => ({
				order,
				created: order.created,
				createdMs: parseUtc(order.created) || 0,
			}));
			this.entries.sort(
				(a, b) =>
					b.createdMs - a.createdMs ||
					(a.order.id < b.order.id ? -1 : a.order.id > b.order.id ? 1 : 0),
			);
		}
		return this.entries;
	}

	isCurrent() {
		if (this.entries.length !== this.orders.size) return false;
		for (const entry of this.entries) {
			if (entry.order.created !== entry.created || this.orders.get(entry.order.id) !== entry.order)
				return false;
		}
		return true;
	}
}

/**
 * @typedef {{ok: true, body: {data: Order[], pagination: import('./index').Pagination}} | {ok: false, message: string}} ListOutcome
 */

/** @param {Record<string, string | string[]>} query @param {string} name */
function single(query, name) {
	const value = query[name];
	if (Array.isArray(value))
		throw new QueryError(`Query parameter '${name}' must be given at most once.`);
	return value;
}

class QueryError extends Error {}

/** @param {string | undefined} text @param {string} name @param {number} fallback */
function parseInteger(text, name, fallback) {
	if (text === undefined || text === '') return fallback;
	if (!/^\d{1,9}$/.test(text))
		throw new QueryError(`Query parameter '${name}' must be a non-negative integer.`);
	return Number(text);
}

/**
 * Date bound in ms. A plain date means the whole day (UTC): start of day for
 * `date_from`, end of day for `date_to`; a date-time without zone is read as UTC.
 * @param {string | undefined} text @param {'date_from' | 'date_to'} name
 */
function parseDateBound(text, name) {
	if (text === undefined || text === '') return undefined;
	let iso = text;
	if (/^\d{4}-\d{2}-\d{2}$/.test(text))
		iso = `${text}T${name === 'date_from' ? '00:00:00.000' : '23:59:59.999'}Z`;
	else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) iso = `${text}Z`;
	const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : NaN;
	if (Number.isNaN(ms))
		throw new QueryError(`Query parameter '${name}' must be an ISO 8601 date or date-time.`);
	return ms;
}

/** `status=a&status=b`, `status=a,b` and `status[]=a` are all accepted. @param {Record<string, string | string[]>} query */
function parseStatuses(query) {
	/** @type {string[]} */
	const raw = [];
	for (const key of ['status', 'status[]']) {
		const value = query[key];
		if (value !== undefined) raw.push(...(Array.isArray(value) ? value : [value]));
	}
	const statuses = raw
		.flatMap((value) => value.split(','))
		.map((s) => s.trim())
		.filter(Boolean);
	for (const status of statuses) {
		if (!ORDER_STATUSES.includes(/** @type {OrderStatus} */ (status))) {
			throw new QueryError(
				`Unknown order status '${status}'. Expected one of: ${ORDER_STATUSES.join(', ')}.`,
			);
		}
	}
	return statuses.length > 0 ? new Set(statuses) : undefined;
}

/**
 * Lower-cased id, reference, cart reference, billing email and name. Cached on the
 * entry (search over 50,000 generated orders must stay cheap) and rebuilt when the
 * reference (changed by the API), cart or customer object changed.
 * @param {ListEntry} entry
 */
function searchableText(entry) {
	const { order } = entry;
	const source = entry.searchSource;
	if (
		entry.searchText !== undefined &&
		source &&
		source[0] === order.reference &&
		source[1] === order.cart &&
		source[2] === order.customer
	) {
		return entry.searchText;
	}
	entry.searchSource = [order.reference, order.cart, order.customer];
	entry.searchText = buildSearchText(order);
	return entry.searchText;
}

/** @param {SandboxOrder} order */
function buildSearchText(order) {
	const billing = order.customer && order.customer.billing;
	return [
		order.id,
		order.reference,
		order.cart && order.cart.reference,
		billing && billing.email,
		billing && [billing.givenName, billing.familyName].filter(Boolean).join(' '),
		billing && billing.organizationName,
	]
		.filter(Boolean)
		.join('\n')
		.toLowerCase();
}

/**
 * Implements GET /api/v0/checkout/orders for one channel.
 * @param {OrderListIndex} index @param {string} channel
 * @param {Record<string, string | string[]>} query @param {number} maxLimit
 * @returns {ListOutcome}
 */
function listOrders(index, channel, query, maxLimit) {
	let offset, limit, statuses, reference, cartReference, search, from, to, sort, customer;
	try {
		offset = parseInteger(single(query, 'offset'), 'offset', 0);
		limit = parseInteger(single(query, 'limit'), 'limit', 20);
		if (limit < 1 || limit > maxLimit)
			throw new QueryError(`Query parameter 'limit' must be between 1 and ${maxLimit}.`);
		statuses = parseStatuses(query);
		reference = single(query, 'reference');
		cartReference = single(query, 'cart_reference');
		search = single(query, 'search');
		from = parseDateBound(single(query, 'date_from'), 'date_from');
		to = parseDateBound(single(query, 'date_to'), 'date_to');
		const sorting = parseSort(single(query, 'order_by'), single(query, 'order_by_direction'));
		if (!sorting.ok) throw new QueryError(sorting.message);
		sort = sorting.sort;
		customer = customerFilter(query);
	} catch (error) {
		if (error instanceof QueryError) return { ok: false, message: error.message };
		throw error;
	}
	const needle = search ? search.toLowerCase() : undefined;

	/** @type {SandboxOrder[]} */
	let matching = [];
	let valueSum = 0;
	for (const entry of index.sorted()) {
		const order = entry.order;
		if (order.channel !== channel) continue;
		if (statuses && !statuses.has(order.state && order.state.currentStatus)) continue;
		if (reference !== undefined && order.reference !== reference) continue;
		if (cartReference !== undefined && (!order.cart || order.cart.reference !== cartReference))
			continue;
		if (from !== undefined && !(entry.createdMs >= from)) continue;
		if (to !== undefined && !(entry.createdMs <= to)) continue;
		if (needle && !searchableText(entry).includes(needle)) continue;
		if (customer && !customer(order)) continue;
		matching.push(order);
		valueSum += (order.total && order.total.includingVat) || 0;
	}
	if (sort) matching = sortOrders(matching, sort);
	const data = matching.slice(offset, offset + limit).map(toPublicOrder);
	return {
		ok: true,
		body: {
			data,
			pagination: {
				offset,
				limit,
				size: data.length,
				valueSum: round2(valueSum),
				totalSize: matching.length,
			},
		},
	};
}

module.exports = { toPublicOrder, OrderListIndex, listOrders };

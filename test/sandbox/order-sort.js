// @ts-check
'use strict';
/**
 * `order_by` / `order_by_direction` of GET /api/v0/checkout/orders (v1 names, norce-order-api.md §9).
 * Without them the list keeps its default order: created desc, then id asc.
 */

const { parseUtc } = require('./normalize');

/** @typedef {import('./index').SandboxOrder} SandboxOrder */
/** @typedef {import('./index').OrderListOrderBy} OrderListOrderBy */

/** @type {readonly OrderListOrderBy[]} */
const ORDER_BY = ['created', 'billingEmail', 'billingName', 'cartTotal'];
const DIRECTIONS = ['asc', 'desc'];

/** @param {SandboxOrder} order */
function billing(order) {
	return (order.customer && order.customer.billing) || undefined;
}

/** Sort key per field; `undefined` = no value (sorted last in both directions). */
const KEYS =
	/** @type {Record<OrderListOrderBy, (order: SandboxOrder) => string | number | undefined>} */ ({
		created: (order) => {
			const ms = parseUtc(order.created);
			return Number.isNaN(ms) ? undefined : ms;
		},
		billingEmail: (order) => {
			const b = billing(order);
			return b && typeof b.email === 'string' && b.email !== '' ? b.email.toLowerCase() : undefined;
		},
		billingName: (order) => {
			const b = billing(order);
			if (!b) return undefined;
			const name = [b.givenName, b.familyName]
				.filter((part) => typeof part === 'string' && part)
				.join(' ');
			return name !== '' ? name.toLowerCase() : undefined;
		},
		cartTotal: (order) => {
			const total = order.cart && order.cart.total;
			return total && typeof total.includingVat === 'number' ? total.includingVat : undefined;
		},
	});

/**
 * Reads and checks the two parameters. Returns undefined for the default order.
 * @param {string | undefined} orderBy @param {string | undefined} direction
 * @returns {{ok: true, sort?: {by: OrderListOrderBy, direction: 'asc' | 'desc'}} | {ok: false, message: string}}
 */
function parseSort(orderBy, direction) {
	if (orderBy !== undefined && orderBy !== '' && !ORDER_BY.includes(/** @type {any} */ (orderBy))) {
		return {
			ok: false,
			message: `Query parameter 'order_by' must be one of: ${ORDER_BY.join(', ')}.`,
		};
	}
	if (direction !== undefined && direction !== '' && !DIRECTIONS.includes(direction)) {
		return { ok: false, message: "Query parameter 'order_by_direction' must be 'asc' or 'desc'." };
	}
	const by = /** @type {OrderListOrderBy} */ (orderBy || 'created');
	// Default direction: newest first for `created`, A→Z / low→high for the others.
	const dir = /** @type {'asc' | 'desc'} */ (direction || (by === 'created' ? 'desc' : 'asc'));
	if (by === 'created' && dir === 'desc') return { ok: true };
	return { ok: true, sort: { by, direction: dir } };
}

/**
 * Sorts orders (a new array) by the key; ties and missing values: missing last, then id asc.
 * @param {SandboxOrder[]} orders @param {{by: OrderListOrderBy, direction: 'asc' | 'desc'}} sort
 */
function sortOrders(orders, sort) {
	const key = KEYS[sort.by];
	const sign = sort.direction === 'asc' ? 1 : -1;
	const keyed = orders.map((order) => ({ order, key: key(order) }));
	keyed.sort((a, b) => {
		if (a.key !== b.key) {
			if (a.key === undefined) return 1;
			if (b.key === undefined) return -1;
			if (a.key < b.key) return -sign;
			if (a.key > b.key) return sign;
		}
		return a.order.id < b.order.id ? -1 : a.order.id > b.order.id ? 1 : 0;
	});
	return keyed.map((entry) => entry.order);
}

module.exports = { ORDER_BY, parseSort, sortOrders };

// @ts-check
'use strict';
/**
 * Changing orders, shared by the API handlers and the controls: every change goes
 * through `change()`, which sets `lastModified` and fires the order's notifications.
 * Nested objects are replaced, never edited in place (generated orders share frozen parts).
 */

const { ORDER_STATUSES, localeFor, round2 } = require('./orders');
const { isObject, isPrice } = require('./routes/common');
const {
	normalizeCart,
	normalizeConsent,
	normalizeHook,
	normalizeNotification,
	normalizeValidation,
} = require('./normalize');

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').OrderStatus} OrderStatus
 * @typedef {import('./routes/common').ApiContext} ApiContext
 * @typedef {{status: 400 | 409, code: string, message: string}} MutationError
 */

/**
 * Applies `mutate` to the order, then sets lastModified to `at` and fires notifications.
 * @param {ApiContext} ctx @param {SandboxOrder} order @param {string} at @param {() => void} mutate
 */
function change(ctx, order, at, mutate) {
	const snapshot = ctx.events.snapshot(order);
	const eventsBefore = ctx.events.events.length;
	mutate();
	order.lastModified = at;
	ctx.events.fire(order, snapshot, at);
	ctx.deliveries.deliverNew(ctx.events.events.slice(eventsBefore), order);
}

/**
 * The order (of any channel) that already uses this cart reference; '' never conflicts.
 * @param {ApiContext} ctx @param {unknown} reference @param {string} [exceptId]
 */
function cartReferenceOwner(ctx, reference, exceptId) {
	if (typeof reference !== 'string' || reference === '') return undefined;
	for (const order of ctx.orders.values()) {
		if (order.id !== exceptId && order.cart && order.cart.reference === reference) return order;
	}
	return undefined;
}

/** @param {string} reference @returns {MutationError} */
const cartConflict = (reference) => ({
	status: 409,
	code: 'order-conflict',
	message: `An order with cart reference '${reference}' already exists.`,
});

/** order.total = cart.total + the shipping totals (when the cart has a Price total). @param {SandboxOrder} order */
function recomputeTotal(order) {
	const cartTotal = order.cart && order.cart.total;
	if (!isPrice(cartTotal)) return;
	let includingVat = cartTotal.includingVat;
	let excludingVat = cartTotal.excludingVat;
	for (const shipping of order.shippings || []) {
		if (!isPrice(shipping.total)) continue;
		includingVat += shipping.total.includingVat;
		excludingVat += shipping.total.excludingVat;
	}
	order.total = { includingVat: round2(includingVat), excludingVat: round2(excludingVat) };
}

/**
 * Normalises a list field of a create body with `normalize`; `undefined` → [].
 * @template T @param {unknown} list @param {string} name @param {(item: unknown) => {value?: T, error?: string}} normalize
 * @returns {{value: T[]} | {error: string}}
 */
function normalizeList(list, name, normalize) {
	if (list === undefined || list === null) return { value: [] };
	if (!Array.isArray(list)) return { error: `Order field '${name}' must be an array.` };
	/** @type {T[]} */
	const value = [];
	for (const item of list) {
		const checked = normalize(item);
		if (checked.error !== undefined) return { error: checked.error };
		value.push(/** @type {T} */ (checked.value));
	}
	return { value };
}

/** @param {Record<string, any>} input @returns {string | undefined} */
function checkLocaleFields(input) {
	const patterns = /** @type {Array<[string, RegExp]>} */ ([
		['culture', /^[A-Za-z]{2,3}(?:-[A-Za-z]{2,2})*$/],
		['currency', /^[A-Za-z]{3}$/],
		['country', /^[A-Za-z]{2}$/],
	]);
	for (const [field, pattern] of patterns) {
		const value = input[field];
		if (
			value !== undefined &&
			value !== null &&
			(typeof value !== 'string' || !pattern.test(value))
		)
			return `Order field '${field}' is not valid.`;
	}
	for (const field of ['customer', 'attributes']) {
		if (input[field] !== undefined && input[field] !== null && !isObject(input[field]))
			return `Order field '${field}' must be an object.`;
	}
	if (
		input.reference !== undefined &&
		input.reference !== null &&
		typeof input.reference !== 'string'
	)
		return "Order field 'reference' must be a string.";
	if (input.total !== undefined && input.total !== null && !isPrice(input.total))
		return "Order field 'total' must be a Price {includingVat, excludingVat}.";
	return undefined;
}

/**
 * Builds a new order from a create body (writable Order fields), in `checkout` unless the
 * control asks for another status. Does not store it.
 * @param {ApiContext} ctx @param {string} channel @param {unknown} body
 * @param {{created: string, status?: OrderStatus, id?: string}} meta
 * @returns {{order: SandboxOrder} | {error: MutationError}}
 */
function buildNewOrder(ctx, channel, body, meta) {
	/** @param {string} message @returns {{error: MutationError}} */
	const bad = (message) => ({ error: { status: 400, code: 'bad-request', message } });
	if (!isObject(body)) return bad('Body must be a JSON object.');
	const problem = checkLocaleFields(body);
	if (problem) return bad(problem);
	const cart =
		body.cart === undefined || body.cart === null
			? normalizeCart({}, ctx.ids)
			: normalizeCart(body.cart, ctx.ids);
	if (cart.error !== undefined) return bad(cart.error);
	const consents = normalizeList(body.consents, 'consents', normalizeConsent);
	const validations = normalizeList(body.validations, 'validations', (v) =>
		normalizeValidation(v, ctx.ids),
	);
	const hooks = normalizeList(body.hooks, 'hooks', (h) => normalizeHook(h, ctx.ids));
	const notifications = normalizeList(body.notifications, 'notifications', (n) =>
		normalizeNotification(n, ctx.ids),
	);
	for (const list of [consents, validations, hooks, notifications])
		if ('error' in list) return bad(list.error);
	const consentIds = /** @type {{value: {id: string}[]}} */ (consents).value.map((c) => c.id);
	if (new Set(consentIds).size !== consentIds.length) return bad('Consent ids must be unique.');
	if (cartReferenceOwner(ctx, cart.value.reference))
		return { error: cartConflict(cart.value.reference) };

	const locale = localeFor(channel);
	const customer = isObject(body.customer) ? body.customer : {};
	const status = meta.status || 'checkout';
	const transitions = [
		{ status: /** @type {OrderStatus} */ ('checkout'), timeStamp: meta.created },
	];
	if (status !== 'checkout') transitions.push({ status, timeStamp: meta.created });
	/** @type {SandboxOrder} */
	const order = {
		id: meta.id || ctx.ids.next('o_'),
		merchant: ctx.merchant,
		channel,
		reference: typeof body.reference === 'string' ? body.reference : '',
		created: meta.created,
		lastModified: meta.created,
		state: { currentStatus: status, transitions },
		culture: body.culture || locale.culture,
		currency: body.currency || locale.currency,
		country: body.country || locale.country,
		cart: cart.value,
		shippings: [],
		payments: [],
		customer: {
			...customer,
			type: typeof customer.type === 'string' ? customer.type : 'person',
			billing: isObject(customer.billing) ? customer.billing : {},
			shipping: isObject(customer.shipping) ? customer.shipping : {},
			attributes: isObject(customer.attributes) ? customer.attributes : {},
		},
		consents: /** @type {any} */ (consents).value,
		validations: /** @type {any} */ (validations).value,
		hooks: /** @type {any} */ (hooks).value,
		// Norce copies the channel's static notifications into each order it creates.
		notifications: [
			.../** @type {any} */ (notifications).value,
			...ctx.configuration.copyInto(channel),
		],
		total: cart.value.total,
		attributes: isObject(body.attributes) ? body.attributes : {},
	};
	if (isPrice(body.total)) order.total = body.total;
	while (!meta.id && ctx.orders.has(order.id)) order.id = ctx.ids.next('o_');
	return { order };
}

/**
 * Moves the order to `status` with a transition at `at`.
 * @param {ApiContext} ctx @param {SandboxOrder} order @param {OrderStatus} status @param {string} at
 */
function setStatus(ctx, order, status, at) {
	change(ctx, order, at, () => {
		order.state = {
			currentStatus: status,
			transitions: [...order.state.transitions, { status, timeStamp: at }],
		};
	});
}

/** @param {unknown} status @returns {status is OrderStatus} */
const isOrderStatus = (status) => ORDER_STATUSES.includes(/** @type {any} */ (status));

module.exports = {
	change,
	cartReferenceOwner,
	cartConflict,
	recomputeTotal,
	buildNewOrder,
	setStatus,
	isOrderStatus,
};

// @ts-check
'use strict';
/**
 * Checks and normalises request bodies (validations, hooks, notifications, consents,
 * carts, payment actions) for the API and the controls. Each returns `{value}` or
 * `{error}` (a message for a 400 BaseError); ids are assigned from the IdSource.
 */

const { isObject, isPrice } = require('./routes/common');
const { round2 } = require('./orders');

/** @template T @typedef {{value: T, error?: undefined} | {error: string, value?: undefined}} Checked */
/**
 * @typedef {import('./derive').IdSource} IdSource
 * @typedef {import('./index').Callback} Callback
 * @typedef {import('./index').OrderHook} OrderHook
 * @typedef {import('./index').OrderNotification} OrderNotification
 * @typedef {import('./index').Consent} Consent
 * @typedef {import('./index').Cart} Cart
 * @typedef {import('./index').PaymentAction} PaymentAction
 */

/** @param {unknown} value */
const filled = (value) => typeof value === 'string' && value !== '';

/**
 * Copies the optional string fields that are present; returns the first bad field name.
 * @param {Record<string, any>} input @param {Record<string, any>} target @param {string[]} fields
 */
function copyStrings(input, target, fields) {
	for (const field of fields) {
		if (input[field] === undefined || input[field] === null) continue;
		if (typeof input[field] !== 'string') return field;
		target[field] = input[field];
	}
	return undefined;
}

/**
 * v0 Callback `{adapterId, url}` or v1 Validation `{adapterId, invoke, description, reference}`.
 * Stored in the v0 view: `url` is always set (= `invoke` for the v1 shape), v1 fields are kept.
 * @param {unknown} input @param {IdSource} ids @returns {Checked<Callback>}
 */
function normalizeValidation(input, ids) {
	if (!isObject(input)) return { error: 'A validation must be a JSON object.' };
	if (!filled(input.adapterId)) return { error: "Validation field 'adapterId' is required." };
	const url = filled(input.url) ? input.url : filled(input.invoke) ? input.invoke : undefined;
	if (url === undefined)
		return { error: "A validation needs 'url' (v0 Callback) or 'invoke' (v1 Validation)." };
	if (filled(input.url) && !/^https?:\/\/\S+$/i.test(input.url))
		return { error: "Validation field 'url' must be a full http(s) URL." };
	/** @type {Callback} */
	const value = { id: ids.next('oc_'), adapterId: input.adapterId, url };
	const bad = copyStrings(input, value, ['invoke', 'description', 'reference']);
	return bad ? { error: `Validation field '${bad}' must be a string.` } : { value };
}

/** @param {unknown} version */
const badVersion = (version) =>
	version !== undefined && version !== null && version !== 'v0' && version !== 'v1';

/**
 * v0 `{adapterId, subscribeTo, target, invoke, version}` or v1 `{…, scope, reference, description}`.
 * `adapterId` is optional: Norce's own client sends `{subscribeTo, invoke}` only, and the v1
 * schema marks it optional (norce-order-api.md §11).
 * @param {unknown} input @param {IdSource} ids @returns {Checked<OrderHook>}
 */
function normalizeHook(input, ids) {
	if (!isObject(input)) return { error: 'A hook must be a JSON object.' };
	if (!filled(input.invoke)) return { error: "Hook field 'invoke' is required." };
	if (badVersion(input.version)) return { error: "Hook field 'version' must be 'v0' or 'v1'." };
	/** @type {OrderHook} */
	const value = { id: ids.next('oh_'), invoke: input.invoke };
	const fields = [
		'adapterId',
		'subscribeTo',
		'scope',
		'target',
		'version',
		'description',
		'reference',
	];
	const bad = copyStrings(input, value, fields);
	return bad ? { error: `Hook field '${bad}' must be a string.` } : { value };
}

/**
 * `{adapterId, reference, description, scope, schema, invoke, version}`; `scope` is a JSON pointer,
 * `schema` a JSON Schema (object, boolean, or the same as a JSON string). `adapterId` is optional:
 * Norce's own client sends `{reference, description, scope, invoke}` (norce-order-api.md §11).
 * @param {unknown} input @param {IdSource} ids @returns {Checked<OrderNotification>}
 */
function normalizeNotification(input, ids) {
	if (!isObject(input)) return { error: 'A notification must be a JSON object.' };
	if (!filled(input.invoke)) return { error: "Notification field 'invoke' is required." };
	if (typeof input.scope !== 'string' || !input.scope.startsWith('/'))
		return {
			error: "Notification field 'scope' must be a JSON pointer such as '/state/currentStatus'.",
		};
	if (badVersion(input.version))
		return { error: "Notification field 'version' must be 'v0' or 'v1'." };
	let schema = input.schema;
	if (typeof schema === 'string') {
		try {
			schema = JSON.parse(schema);
		} catch {
			return { error: "Notification field 'schema' must be a JSON Schema." };
		}
	}
	if (schema !== undefined && schema !== null && !isObject(schema) && typeof schema !== 'boolean')
		return { error: "Notification field 'schema' must be a JSON Schema." };
	/** @type {OrderNotification} */
	const value = { id: ids.next('on_'), scope: input.scope, invoke: input.invoke };
	const bad = copyStrings(input, value, ['adapterId', 'reference', 'description', 'version']);
	if (bad) return { error: `Notification field '${bad}' must be a string.` };
	if (schema !== undefined && schema !== null) value.schema = schema;
	return { value };
}

/** `{id, checked, text, required}`; id and checked are required. @param {unknown} input @returns {Checked<Consent>} */
function normalizeConsent(input) {
	if (!isObject(input)) return { error: 'A consent must be a JSON object.' };
	if (!filled(input.id)) return { error: "Consent field 'id' is required." };
	if (typeof input.checked !== 'boolean')
		return { error: "Consent field 'checked' must be true or false." };
	if (
		input.required !== undefined &&
		input.required !== null &&
		typeof input.required !== 'boolean'
	)
		return { error: "Consent field 'required' must be true or false." };
	if (input.text !== undefined && input.text !== null && typeof input.text !== 'string')
		return { error: "Consent field 'text' must be a string." };
	/** @type {Consent} */
	const value = { id: input.id, checked: input.checked, required: input.required === true };
	if (typeof input.text === 'string') value.text = input.text;
	return { value };
}

/**
 * A Cart: items get `ci_…` ids when they have none; missing lists/objects become empty and a
 * missing total is the sum of the item totals.
 * @param {unknown} input @param {IdSource} ids @returns {Checked<Cart>}
 */
function normalizeCart(input, ids) {
	if (!isObject(input)) return { error: 'The cart must be a JSON object.' };
	const items = input.items === undefined || input.items === null ? [] : input.items;
	if (!Array.isArray(items) || items.some((item) => !isObject(item)))
		return { error: "Cart field 'items' must be an array of objects." };
	if (
		input.reference !== undefined &&
		input.reference !== null &&
		typeof input.reference !== 'string'
	)
		return { error: "Cart field 'reference' must be a string." };
	if (input.total !== undefined && input.total !== null && !isPrice(input.total))
		return { error: "Cart field 'total' must be a Price {includingVat, excludingVat}." };
	/** @param {Record<string, any>} item @returns {any} */
	const withId = (item) => ({
		...item,
		id: filled(item.id) ? item.id : ids.next('ci_'),
		...(Array.isArray(item.items) ? { items: item.items.filter(isObject).map(withId) } : {}),
	});
	const normalized = items.map(withId);
	const sum = (/** @type {'includingVat' | 'excludingVat'} */ field) =>
		round2(
			normalized.reduce((total, item) => total + (isPrice(item.total) ? item.total[field] : 0), 0),
		);
	return {
		value: {
			...input,
			reference: typeof input.reference === 'string' ? input.reference : '',
			items: normalized,
			discounts: Array.isArray(input.discounts) ? input.discounts : [],
			total: isPrice(input.total)
				? input.total
				: { includingVat: sum('includingVat'), excludingVat: sum('excludingVat') },
			attributes: isObject(input.attributes) ? input.attributes : {},
		},
	};
}

/** `{adapterId, type, url}`, all three required. @param {unknown} input @param {IdSource} ids @returns {Checked<PaymentAction>} */
function normalizeAction(input, ids) {
	if (!isObject(input)) return { error: 'A payment action must be a JSON object.' };
	for (const field of ['adapterId', 'type', 'url']) {
		if (!filled(input[field])) return { error: `Payment action field '${field}' is required.` };
	}
	return {
		value: { id: ids.next('pa_'), adapterId: input.adapterId, type: input.type, url: input.url },
	};
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Milliseconds of a sandbox timestamp; one without a zone is UTC (as Norce documents its
 * timestamps), never the host's zone. NaN when unreadable.
 * @param {unknown} value @returns {number}
 */
function parseUtc(value) {
	if (typeof value !== 'string') return NaN;
	return Date.parse(/T[\d:.]+$/.test(value) ? `${value}Z` : value);
}

/**
 * A timestamp for the controls: an ISO 8601 date-time (kept as written; without a zone it
 * means UTC, which lets tests serve Norce timestamps without an offset) or a Date.
 * @param {unknown} value @param {string} name @returns {string}
 */
function checkTimestamp(value, name) {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(parseUtc(value)))
		return value;
	throw new TypeError(`${name} must be an ISO 8601 date-time, e.g. 2026-05-01T10:00:00.000Z`);
}

module.exports = {
	normalizeValidation,
	normalizeHook,
	normalizeNotification,
	normalizeConsent,
	normalizeCart,
	normalizeAction,
	checkTimestamp,
	parseUtc,
};

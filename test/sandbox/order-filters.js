// @ts-check
'use strict';
/**
 * The customer filters of GET /api/v0/checkout/orders: `billing_emails`, `billing_names`,
 * `billing_phones`, `billing_countries`, the same four for `shipping_`, and `countries` (the
 * order's country). Norce documents them for the v1 list (norce-order-api.md §10); that v0
 * takes them is inferred, so every plausible encoding is accepted: repeated keys, a
 * comma-separated value and the `name[]` form. Emails, names and countries match without
 * regard to case, phones without spaces; a name is "givenName familyName".
 */

/** @typedef {import('./index').SandboxOrder} SandboxOrder */

/** @param {string} text */
const lower = (text) => text.trim().toLowerCase();
/** @param {string} text */
const digits = (text) => text.replace(/[\s-]/g, '');

/** @type {Record<string, (address: any) => string | undefined>} */
const FIELDS = {
	emails: (address) => (typeof address.email === 'string' ? lower(address.email) : undefined),
	names: (address) => {
		const name = [address.givenName, address.familyName]
			.filter((part) => typeof part === 'string' && part)
			.join(' ');
		return name ? lower(name) : undefined;
	},
	phones: (address) => (typeof address.phone === 'string' ? digits(address.phone) : undefined),
	countries: (address) => (typeof address.country === 'string' ? lower(address.country) : undefined),
};

/** @param {string} field @param {string} value */
const normalise = (field, value) => (field === 'phones' ? digits(value) : lower(value));

/**
 * The values asked for under `name` in any encoding; undefined when the filter is absent.
 * @param {Record<string, string | string[]>} query @param {string} name
 */
function values(query, name) {
	/** @type {string[]} */
	const raw = [];
	for (const key of [name, `${name}[]`]) {
		const value = query[key];
		if (value !== undefined) raw.push(...(Array.isArray(value) ? value : [value]));
	}
	const list = raw.flatMap((value) => value.split(',')).map((value) => value.trim());
	const kept = list.filter(Boolean);
	return kept.length > 0 ? kept : undefined;
}

/**
 * A predicate for the customer filters in the query, or undefined when none is given.
 * @param {Record<string, string | string[]>} query
 * @returns {((order: SandboxOrder) => boolean) | undefined}
 */
function customerFilter(query) {
	/** @type {Array<(order: SandboxOrder) => boolean>} */
	const tests = [];
	for (const side of /** @type {const} */ (['billing', 'shipping'])) {
		for (const field of Object.keys(FIELDS)) {
			const wanted = values(query, `${side}_${field}`);
			if (!wanted) continue;
			const set = new Set(wanted.map((value) => normalise(field, value)));
			tests.push((order) => {
				const address = order.customer && order.customer[side];
				const actual = address ? FIELDS[field](address) : undefined;
				return actual !== undefined && set.has(actual);
			});
		}
	}
	const countries = values(query, 'countries');
	if (countries) {
		const set = new Set(countries.map(lower));
		tests.push((order) => typeof order.country === 'string' && set.has(lower(order.country)));
	}
	return tests.length > 0 ? (order) => tests.every((test) => test(order)) : undefined;
}

module.exports = { customerFilter };

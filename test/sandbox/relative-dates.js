// @ts-check
'use strict';
/**
 * The demo orders dated relative to a moment instead of their fixed 2026 dates, so a demo run
 * today has orders created (and status changes) in the last days: a trigger's test run and the
 * examples' `$now` date filters find them.
 *
 * DEMO_NIGHT, a moment in the demo data, becomes `now`; every order keeps its distance to it.
 * Dates after DEMO_NIGHT (two carts in status checkout and a few status changes) become one
 * minute before `now` instead of lying in the future.
 */

const { DEFAULT_MERCHANT, demoOrders } = require('./orders');

const DEMO_NIGHT = '2026-04-14T12:00:00.000Z';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Every ISO date-time in `value` moved by `deltaMs`, none later than `latest`.
 * @param {unknown} value @param {number} deltaMs @param {number} latest @returns {any}
 */
function shiftDates(value, deltaMs, latest) {
	if (typeof value === 'string')
		return ISO_UTC.test(value)
			? new Date(Math.min(Date.parse(value) + deltaMs, latest)).toISOString()
			: value;
	if (Array.isArray(value)) return value.map((v) => shiftDates(v, deltaMs, latest));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, shiftDates(v, deltaMs, latest)]),
		);
	return value;
}

/**
 * The sandbox's demo orders with every date moved so that DEMO_NIGHT is `now`.
 * @param {{now?: number, merchant?: string}} [options]
 * @returns {import('./index').SandboxOrder[]}
 */
function relativeDemoOrders({ now = Date.now(), merchant = DEFAULT_MERCHANT } = {}) {
	return demoOrders(merchant).map((order) =>
		shiftDates(order, now - Date.parse(DEMO_NIGHT), now - 60_000),
	);
}

module.exports = { DEMO_NIGHT, relativeDemoOrders };

// @ts-check
'use strict';
/**
 * Notification Service routes, under /checkout/notification/api/v1 (auth: bearer token and
 * x-merchant; an x-channel, which Norce's own client sends, is allowed and ignored): list
 * events, get one, retry its delivery.
 * The list is sorted newest first (createdAt desc, then id asc).
 */

const { answerError, answerJson, answerNoContent } = require('./responses');
const { toPublicEvent } = require('./public');
const { badRequest } = require('./routes/common');

/**
 * @typedef {import('./routes/common').ApiCall} ApiCall @typedef {import('./routes/common').RouteDef} RouteDef
 * @typedef {import('./index').SandboxNotificationEvent} SandboxNotificationEvent
 */

/**
 * query name → the event's value (exact match filters; docs: channel, adapter_id, reference,
 * order_id). The order filter is handled apart: see parseListQuery.
 * @type {Array<[string, (event: SandboxNotificationEvent) => string | undefined]>}
 */
const FILTERS = [
	['channel', (event) => event.channel],
	['adapter_id', (event) => event.notification.adapterId],
	['reference', (event) => event.notification.reference],
];
const byOrder = (/** @type {SandboxNotificationEvent} */ event) => event.orderId;

/**
 * @param {Record<string, string | string[]>} query @param {number} maxLimit
 * @param {'both' | 'order_id' | 'orderId' | 'none'} orderQuery the order filter's names the service knows
 * @returns {{error: string} | {offset: number, limit: number, filters: Array<[(event: SandboxNotificationEvent) => string | undefined, string]>}}
 */
function parseListQuery(query, maxLimit, orderQuery) {
	for (const [name, value] of Object.entries(query)) {
		if (Array.isArray(value))
			return { error: `Query parameter '${name}' must be given at most once.` };
	}
	const single = /** @type {Record<string, string | undefined>} */ (query);
	/** @param {string} name @param {number} fallback */
	const integer = (name, fallback) => {
		const text = single[name];
		if (text === undefined || text === '') return fallback;
		return /^\d{1,9}$/.test(text) ? Number(text) : NaN;
	};
	const offset = integer('offset', 0);
	const limit = integer('limit', 10);
	if (Number.isNaN(offset))
		return { error: "Query parameter 'offset' must be a non-negative integer." };
	if (Number.isNaN(limit) || limit < 1 || limit > maxLimit)
		return { error: `Query parameter 'limit' must be between 1 and ${maxLimit}.` };
	/** @type {Array<[(event: SandboxNotificationEvent) => string | undefined, string]>} */
	const filters = [];
	for (const [name, field] of FILTERS) {
		const value = single[name];
		if (value !== undefined && value !== '') filters.push([field, value]);
	}
	// The docs name it order_id, Norce's Bruno collection sends orderId; which one a live
	// service honours is not confirmed (_sandbox_: both by default). A name it does not know is
	// ignored, as unknown query names are, so the list then holds every order's events.
	const snake = ['both', 'order_id'].includes(orderQuery) ? single.order_id || undefined : undefined;
	const camel = ['both', 'orderId'].includes(orderQuery) ? single.orderId || undefined : undefined;
	if (snake !== undefined && camel !== undefined && snake !== camel)
		return { error: "Query parameters 'order_id' and 'orderId' disagree." };
	const orderId = snake ?? camel;
	if (orderId !== undefined) filters.push([byOrder, orderId]);
	return { offset, limit, filters };
}

/** @param {SandboxNotificationEvent} a @param {SandboxNotificationEvent} b */
function newestFirst(a, b) {
	const diff = (Date.parse(b.createdAt) || 0) - (Date.parse(a.createdAt) || 0);
	if (diff !== 0) return diff;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** GET /events → `{data, pagination: {offset, limit, size, totalSize}}`. @param {ApiCall} call */
function list({ ex, ctx, query }) {
	const parsed = parseListQuery(query, ctx.maxLimit, ctx.settings.eventOrderQuery);
	if ('error' in parsed) return badRequest(ex, parsed.error);
	const matching = ctx.events.events
		.filter(
			(event) =>
				event.merchant === ctx.merchant &&
				parsed.filters.every(([field, value]) => field(event) === value),
		)
		.sort(newestFirst);
	const data = matching.slice(parsed.offset, parsed.offset + parsed.limit).map(toPublicEvent);
	return answerJson(ex, 200, {
		data,
		pagination: {
			offset: parsed.offset,
			limit: parsed.limit,
			size: data.length,
			totalSize: matching.length,
		},
	});
}

/** @param {ApiCall} call @returns {SandboxNotificationEvent | undefined} */
function findEvent({ ex, ctx, params }) {
	const event = ctx.events.get(params.eventId);
	if (event && event.merchant === ctx.merchant) return event;
	answerError(
		ex,
		404,
		'event-not-found',
		`Notification event with id:${params.eventId} not found.`,
	);
	return undefined;
}

/** @param {ApiCall} call */
function get(call) {
	const event = findEvent(call);
	if (event) answerJson(call.ex, 200, toPublicEvent(event));
}

/**
 * POST /events/{event_id}/retry → 200 with no body (documented: "200 OK", no schema); appends a
 * simulated delivery attempt to the sandbox-internal `deliveries`.
 * @param {ApiCall} call
 */
function retry(call) {
	const event = findEvent(call);
	if (!event) return;
	call.ctx.events.retry(event, call.ctx.now());
	return answerNoContent(call.ex);
}

/** @type {RouteDef[]} */
const ROUTES = [
	{
		method: 'GET',
		path: 'events',
		operation: 'notificationEvent.getMany',
		handle: list,
		collection: true,
	},
	{
		method: 'GET',
		path: 'events/:eventId',
		operation: 'notificationEvent.get',
		handle: get,
		collection: true,
	},
	{
		method: 'POST',
		path: 'events/:eventId/retry',
		operation: 'notificationEvent.retry',
		handle: retry,
		collection: true,
	},
];

module.exports = { ROUTES };

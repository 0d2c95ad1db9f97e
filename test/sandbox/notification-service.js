// @ts-check
'use strict';
/**
 * Notification Service routes, under /checkout/notification/api/v1 (auth: bearer token and
 * x-merchant; no x-channel): list events, get one, retry its delivery.
 * The list is sorted newest first (createdAt desc, then id asc).
 */

const { answerError, answerJson, answerNoContent } = require('./responses');
const { toPublicEvent } = require('./public');
const { badRequest } = require('./routes/common');

/**
 * @typedef {import('./routes/common').ApiCall} ApiCall @typedef {import('./routes/common').RouteDef} RouteDef
 * @typedef {import('./index').SandboxNotificationEvent} SandboxNotificationEvent
 */

/** query name → event field (exact match filters) */
const FILTERS = /** @type {Array<[string, keyof SandboxNotificationEvent]>} */ ([
	['channel', 'channel'],
	['adapter_id', 'adapterId'],
	['reference', 'reference'],
]);

/**
 * @param {Record<string, string | string[]>} query @param {number} maxLimit
 * @returns {{error: string} | {offset: number, limit: number, filters: Array<[keyof SandboxNotificationEvent, string]>}}
 */
function parseListQuery(query, maxLimit) {
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
	/** @type {Array<[keyof SandboxNotificationEvent, string]>} */
	const filters = [];
	for (const [name, field] of FILTERS) {
		const value = single[name];
		if (value !== undefined && value !== '') filters.push([field, value]);
	}
	// The docs name it order_id, Norce's Bruno collection sends orderId: both are accepted.
	const snake = single.order_id || undefined;
	const camel = single.orderId || undefined;
	if (snake !== undefined && camel !== undefined && snake !== camel)
		return { error: "Query parameters 'order_id' and 'orderId' disagree." };
	const orderId = snake ?? camel;
	if (orderId !== undefined) filters.push(['orderId', orderId]);
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
	const parsed = parseListQuery(query, ctx.maxLimit);
	if ('error' in parsed) return badRequest(ex, parsed.error);
	const matching = ctx.events.events
		.filter(
			(event) =>
				event.merchant === ctx.merchant &&
				parsed.filters.every(([field, value]) => event[field] === value),
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

/** POST /events/{event_id}/retry → 200 empty; appends a delivery attempt. @param {ApiCall} call */
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

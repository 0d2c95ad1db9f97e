import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { NorceClient, NorceRequest, NorceResponse } from '../../../shared/transport';
import { isPlainId, norceApiError, readListPage } from '../../../shared/transport';

/** Reading Norce's answers into output objects, the same way for every operation. */

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

function unexpected(
	context: IExecuteFunctions,
	itemIndex: number,
	response: NorceResponse,
	what: string,
	subject: string,
	shape: string,
) {
	return norceApiError(
		{ node: context.getNode(), itemIndex },
		`Norce Checkout answered with something that is not ${what} for ${subject} [HTTP ${response.statusCode}]`,
		`Expected ${shape}. Check the environment or Base URL of the credential.`,
		{ httpCode: String(response.statusCode) },
	);
}

/** A read of one object, e.g. a payment; `what` names it for the error ("a payment"). */
export async function readObject(
	context: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
	request: Omit<NorceRequest, 'method' | 'safeToRepeat'>,
	what: string,
): Promise<IDataObject[]> {
	const response = await norce.request({ ...request, method: 'GET', safeToRepeat: true });
	if (!isObject(response.body)) {
		throw unexpected(context, itemIndex, response, what, request.subject, 'a JSON object');
	}
	return [response.body];
}

/** A read of one order (`GET …/orders/{orderId}`). */
export async function readOrder(
	context: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
	orderId: string,
): Promise<IDataObject> {
	const [order] = await readObject(
		context,
		itemIndex,
		norce,
		{ path: ['orders', orderId], subject: `order "${orderId}"` },
		'an order',
	);
	return order;
}

/** A read of a list: one output object per element, never the wrapper. */
export async function readList(
	context: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
	request: Omit<NorceRequest, 'method' | 'safeToRepeat'>,
	what: string,
): Promise<IDataObject[]> {
	const response = await norce.request({ ...request, method: 'GET', safeToRepeat: true });
	const { body } = response;
	// A bare array as documented; a `{ data: [...] }` page is accepted too.
	const list = Array.isArray(body)
		? body
		: isObject(body) && Array.isArray(body.data)
			? body.data
			: undefined;
	if (list === undefined || !list.every(isObject)) {
		throw unexpected(
			context,
			itemIndex,
			response,
			what,
			request.subject,
			'a JSON array of objects',
		);
	}
	return list;
}

/** Largest page asked for; Return All walks offset/limit pages of this size. */
const PAGE_SIZE = 100;

/**
 * Up to `wanted` entries of an offset/limit list (Infinity = Return All), one page after
 * another until Norce has no more; one output object per entry, never the wrapper. With
 * `keep`, only the entries it accepts count and are returned (paging goes on past the others).
 */
export async function readPages(
	context: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
	list: Pick<NorceRequest, 'service' | 'path' | 'qs' | 'subject'> & {
		wanted: number;
		what: string;
		keep?: (entry: IDataObject) => boolean;
	},
): Promise<IDataObject[]> {
	const { wanted, what, keep, ...request } = list;
	const entries: IDataObject[] = [];
	let offset = 0;
	// Once a page held entries `keep` refused, the rest may be far: full pages from then on.
	let refused = false;
	while (entries.length < wanted) {
		const limit = refused ? PAGE_SIZE : Math.min(PAGE_SIZE, wanted - entries.length);
		const page = await readListPage(
			context,
			norce,
			{ ...request, itemIndex },
			{ offset, limit, what },
		);
		const kept = keep ? page.entries.filter(keep) : page.entries;
		if (kept.length < page.entries.length) refused = true;
		entries.push(...kept.slice(0, wanted - entries.length));
		offset += page.entries.length;
		const exhausted =
			page.entries.length === 0 ||
			(page.totalSize !== undefined ? offset >= page.totalSize : page.entries.length < limit);
		if (exhausted) break;
	}
	return entries;
}

/** The answer of a change: Norce's object when it sends one, else the ids and `success`. */
export function changeResult(response: NorceResponse, ids: IDataObject): IDataObject[] {
	return [isObject(response.body) ? response.body : { ...ids, success: true }];
}

/**
 * The id of a created order, payment or shipping: `{ id }` or a bare JSON string (the sources
 * disagree). Norce has then created it, so a missing id says how to find it, not to retry.
 */
export function createdId(
	context: IExecuteFunctions,
	itemIndex: number,
	response: NorceResponse,
	what: string,
	findIt: string,
): string {
	const { body } = response;
	const id = isObject(body) ? body.id : body;
	const text = typeof id === 'number' ? String(id) : typeof id === 'string' ? id.trim() : '';
	if (isPlainId(text)) return text;
	throw norceApiError(
		{ node: context.getNode(), itemIndex },
		`Norce Checkout created the ${what} but sent no ${what} ID [HTTP ${response.statusCode}]`,
		`Expected the new ID as "…" or {"id": "…"}. If the Base URL does not point at the Norce Checkout API, nothing was created; otherwise: ${findIt}`,
		{ httpCode: String(response.statusCode) },
	);
}

/**
 * DELETE of something on an order. Deleting twice ends in the same state, so a dropped
 * connection may be retried; a 404 after such a retry means the first attempt deleted it.
 */
export async function deleteAndConfirm(
	norce: NorceClient,
	path: string[],
	subject: string,
	ids: IDataObject,
): Promise<IDataObject[]> {
	const response = await norce.request({
		method: 'DELETE',
		path,
		safeToRepeat: true,
		isResult: ({ statusCode, afterUncertainAttempt }) =>
			statusCode === 404 && afterUncertainAttempt,
		subject,
	});
	const result: IDataObject = { ...ids, success: true };
	if (response.statusCode === 404) result.alreadyRemoved = true;
	return [result];
}

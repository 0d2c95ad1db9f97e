import type { IDataObject } from 'n8n-workflow';

import { norceApiError } from './errors';
import type { ListRead, NorceClient, NorceContext, NorceRead, NorceResponse, Page } from './types';

/**
 * Reads: the GETs whose answer has a known shape (one object, a list, pages of a list), checked
 * here once for the action node and both triggers. Norce sends a list as a bare array or as a
 * `{ data, pagination }` page; both are accepted everywhere.
 */

/** Largest page asked for, by Return All and by the polling trigger. */
export const PAGE_SIZE = 100;

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A list answer in every shape Norce sends; undefined when the body is no list at all. */
export function decodeList(body: unknown): Page | undefined {
	if (Array.isArray(body)) return { entries: body as IDataObject[] };
	if (!isObject(body) || !Array.isArray(body.data)) return undefined;
	const totalSize = Number((body.pagination as IDataObject | undefined)?.totalSize);
	return {
		entries: body.data as IDataObject[],
		totalSize: Number.isFinite(totalSize) ? totalSize : undefined,
	};
}

function notWhatWasAsked(
	context: NorceContext,
	response: NorceResponse,
	message: string,
	expected: string,
) {
	return norceApiError(
		{ node: context.getNode() },
		`${message} [HTTP ${response.statusCode}]`,
		`Expected ${expected}. Check the environment or Base URL of the credential.`,
		{ httpCode: String(response.statusCode) },
	);
}

/** The client's reads, built on its `request`. */
export function readsOf(
	context: NorceContext,
	request: NorceClient['request'],
): Omit<NorceClient, 'channel' | 'request'> {
	const get = async ({ service, path, qs, subject }: NorceRead) =>
		await request({ service, path, qs, subject, method: 'GET', safeToRepeat: true });

	async function readObject(read: NorceRead): Promise<IDataObject> {
		const response = await get(read);
		if (!isObject(response.body)) {
			throw notWhatWasAsked(
				context,
				response,
				`Norce Checkout answered with something that is not ${read.what} for ${read.subject}`,
				'a JSON object',
			);
		}
		return response.body;
	}

	async function readList(read: NorceRead): Promise<IDataObject[]> {
		const response = await get(read);
		const list = decodeList(response.body)?.entries;
		if (list === undefined || !list.every(isObject)) {
			throw notWhatWasAsked(
				context,
				response,
				`Norce Checkout answered with something that is not ${read.what} for ${read.subject}`,
				'a JSON array of objects',
			);
		}
		return list;
	}

	async function readPage(read: NorceRead, offset: number, limit: number): Promise<Page> {
		const response = await get({ ...read, qs: { ...read.qs, offset, limit } });
		const page = decodeList(response.body);
		if (page === undefined) {
			throw notWhatWasAsked(
				context,
				response,
				`Norce Checkout answered ${read.subject} with something that is not a page of ${read.what}`,
				'{data: [...], pagination: {...}}',
			);
		}
		return page;
	}

	/**
	 * Up to `wanted` entries of an offset/limit list (Infinity = Return All), one page after
	 * another until Norce has no more. With `keep`, only the entries it accepts count and are
	 * returned (paging goes on past the others).
	 */
	async function readPages({ wanted, keep, ...read }: ListRead): Promise<IDataObject[]> {
		const entries: IDataObject[] = [];
		let offset = 0;
		// Once a page held entries `keep` refused, the rest may be far: full pages from then on.
		let refused = false;
		while (entries.length < wanted) {
			const limit = refused ? PAGE_SIZE : Math.min(PAGE_SIZE, wanted - entries.length);
			const page = await readPage(read, offset, limit);
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

	return { readObject, readList, readPage, readPages };
}

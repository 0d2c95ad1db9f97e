import type { IDataObject } from 'n8n-workflow';

import { norceApiError } from './errors';
import type { NorceClient, NorceContext, NorceRequest } from './types';

/** One page of an offset/limit list: its entries and, when Norce says, the total. */
export interface Page {
	entries: IDataObject[];
	totalSize?: number;
}

/**
 * GET one page of an offset/limit list (`{ data, pagination }` as documented; a bare array is
 * accepted too), for the action node's lists and the trigger alike. `what` names the entries
 * for the error, e.g. "orders".
 */
export async function readListPage(
	context: NorceContext,
	norce: NorceClient,
	request: Pick<NorceRequest, 'service' | 'path' | 'qs' | 'subject'> & { itemIndex?: number },
	page: { offset: number; limit: number; what: string },
): Promise<Page> {
	const { itemIndex, ...rest } = request;
	const response = await norce.request({
		...rest,
		method: 'GET',
		qs: { ...rest.qs, offset: page.offset, limit: page.limit },
		safeToRepeat: true,
	});
	const body = response.body as IDataObject | IDataObject[] | undefined;
	if (Array.isArray(body)) return { entries: body };
	if (!body || typeof body !== 'object' || !Array.isArray(body.data)) {
		throw norceApiError(
			{ node: context.getNode(), itemIndex },
			`Norce Checkout answered ${rest.subject} with something that is not a page of ${page.what} [HTTP ${response.statusCode}]`,
			'Expected {data: [...], pagination: {...}}. Check the environment or Base URL of the credential.',
			{ httpCode: String(response.statusCode) },
		);
	}
	const totalSize = Number((body.pagination as IDataObject | undefined)?.totalSize);
	return {
		entries: body.data as IDataObject[],
		totalSize: Number.isFinite(totalSize) ? totalSize : undefined,
	};
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { NorceClient, NorceResponse } from '../../../shared/transport';
import { isPlainId, norceApiError } from '../../../shared/transport';

/** What the changes (create, update, delete) answer, the same way for every operation. */

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
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

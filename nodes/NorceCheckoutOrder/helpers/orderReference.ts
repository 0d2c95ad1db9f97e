import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceClient } from '../../../shared/transport';
import { PAGE_SIZE } from '../../../shared/transport';

/** How many of the orders sharing a reference an error names. */
const NAMED_IDS = 5;

/**
 * The ID of the one order with this external reference: one request, the order list's
 * `reference` filter. Only exact matches count (whether Norce's filter is exact is not
 * documented), and none or several is an error naming the reference.
 */
export async function orderIdOfReference(
	norce: NorceClient,
	node: INode,
	reference: string,
	itemIndex?: number,
): Promise<string> {
	const page = await norce.readPage(
		{
			path: ['orders'],
			qs: { reference },
			subject: `the orders with reference "${reference}"`,
			what: 'orders',
		},
		0,
		PAGE_SIZE,
	);
	const ids = page.entries
		.filter((order) => order.reference === reference)
		.map((order) => order.id)
		.filter((id): id is string => typeof id === 'string' && id !== '');
	if (ids.length === 1) return ids[0];
	const where = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
	if (ids.length === 0) {
		throw new NodeOperationError(node, `No order has the reference "${reference}"${where}`, {
			itemIndex,
			description:
				'Norce Checkout found no order with exactly this external reference in this channel. Check the reference (and the Channel option), or pick the order From List or By ID.',
		});
	}
	throw new NodeOperationError(
		node,
		`${ids.length} orders have the reference "${reference}"${where}`,
		{
			itemIndex,
			description: `A reference must pick one order. Give the order By ID instead, e.g. one of ${ids
				.slice(0, NAMED_IDS)
				.join(', ')}.`,
		},
	);
}

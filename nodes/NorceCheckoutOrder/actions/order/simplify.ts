import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceOrder } from '../../../../shared/order';
import { field, orderStatus, orderTotal } from '../../../../shared/order';

/** The few fields most workflows branch on; `total` is the amount including VAT. */
export function simplifyOrder(order: NorceOrder): IDataObject {
	const { customer } = order;
	return {
		id: order.id,
		reference: order.reference,
		status: orderStatus(order),
		created: order.created,
		total: orderTotal(order),
		currency: order.currency,
		customerEmail:
			field(field(customer, 'billing'), 'email') ?? field(field(customer, 'shipping'), 'email'),
	};
}

const simplifyDescription =
	'Whether to return only ID, reference, status, created, total, currency and customer email instead of the whole order';

/**
 * Simplify, off in node version 1 and on from version 2 (n8n's guideline): two parameters of
 * the same name, each shown for its versions, so a version 1 workflow keeps its default.
 */
export const simplifyProperties: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: simplifyDescription,
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: simplifyDescription,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
	},
];

/** Whether to simplify this item's orders; the version's default when the parameter is absent. */
export function getSimplify(context: IExecuteFunctions, itemIndex: number): boolean {
	const versionDefault = context.getNode().typeVersion >= 2;
	return context.getNodeParameter('simplify', itemIndex, versionDefault) as boolean;
}

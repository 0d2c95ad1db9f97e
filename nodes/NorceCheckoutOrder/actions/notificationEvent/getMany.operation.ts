import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, returnAllProperties } from '../../helpers/properties';
import { getWanted, queryValue } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	description:
		"List the Notification Service's events (one per notification fired), e.g. to find an order's events to retry",
	action: 'Get many notification events',
};

const properties: INodeProperties[] = [
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Adapter ID',
				name: 'adapterId',
				type: 'string',
				default: '',
				placeholder: 'e.g. erp_adapter',
				description: 'Only events of notifications owned by this adapter',
			},
			{
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. o_yClTSySjyAuuBjmiBlHCjuEcTf',
				description:
					"Only events of this order. Sent as order_id (Norce's docs) and orderId (Norce's own client); events of other orders in the answer are left out and counted in a warning.",
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Only events of notifications with this reference',
			},
		],
	},
];

export const description = operationProperties(properties, {
	changesOrder: false,
});

/** Filter → query name, as documented. The order filter is sent apart (see execute). */
const QUERY_NAMES: Record<string, string> = {
	adapterId: 'adapter_id',
	reference: 'reference',
};

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { channel: norce.channel };
	for (const [name, queryName] of Object.entries(QUERY_NAMES)) {
		const value = queryValue(filters[name]);
		if (value !== undefined) qs[queryName] = value;
	}
	const orderId = queryValue(filters.orderId);
	let otherOrders = 0;
	let keep: ((event: IDataObject) => boolean) | undefined;
	if (orderId !== undefined) {
		// Norce's docs name the filter order_id, Norce's own client sends orderId; a name the
		// service does not know would be ignored and the list would hold every order's events.
		// So both are sent, and every event of another order is dropped (and counted) here.
		qs.order_id = orderId;
		qs.orderId = orderId;
		keep = (event) => {
			if (event.orderId === orderId) return true;
			otherOrders++;
			return false;
		};
	}
	const events = await norce.readPages({
		service: 'notification',
		path: ['events'],
		qs,
		wanted: getWanted(this, itemIndex),
		subject: 'the notification event list',
		what: 'notification events',
		keep,
	});
	if (otherOrders > 0) {
		this.addExecutionHints({
			type: 'warning',
			location: 'outputPane',
			message: `Norce answered ${otherOrders} notification event(s) of other orders for order "${orderId}" (item ${itemIndex}); they were left out. The Notification Service seems to ignore the order filter, so every page of the event log is read: filter by Reference or Adapter ID as well to keep it short.`,
		});
	}
	return events;
}

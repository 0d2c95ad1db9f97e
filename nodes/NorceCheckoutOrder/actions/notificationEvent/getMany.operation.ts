import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { readPages } from '../answers';
import { operationProperties, returnAllProperties } from '../descriptions';
import { getWanted, queryValue } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description:
		"List Norce's notification deliveries (newest first), e.g. to find the orders an ERP never received",
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
				description: 'Only events of this order',
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

export const description = operationProperties('notificationEvent', 'getMany', properties, {
	changesOrder: false,
});

/** Filter → query name, as documented (order_id: the sandbox also takes orderId). */
const QUERY_NAMES: Record<string, string> = {
	adapterId: 'adapter_id',
	orderId: 'order_id',
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
	return await readPages(this, itemIndex, norce, {
		service: 'notification',
		path: ['events'],
		qs,
		wanted: getWanted(this, itemIndex),
		subject: 'the notification event list',
		what: 'notification events',
	});
}

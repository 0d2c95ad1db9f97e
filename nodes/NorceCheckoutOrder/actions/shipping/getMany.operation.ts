import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	description: 'List the shippings of an order, one item per shipping',
	action: 'Get the shippings of an order',
};

const properties: INodeProperties[] = [orderIdProperty];

export const description = operationProperties(properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	return await norce.readList({
		path: ['orders', orderId, 'shippings'],
		subject: `the shippings of order "${orderId}"`,
		what: 'a list of shippings',
	});
}

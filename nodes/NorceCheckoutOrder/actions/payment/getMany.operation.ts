import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	description: 'List the payments of an order, one item per payment',
	action: 'Get the payments of an order',
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
		path: ['orders', orderId, 'payments'],
		subject: `the payments of order "${orderId}"`,
		what: 'a list of payments',
	});
}

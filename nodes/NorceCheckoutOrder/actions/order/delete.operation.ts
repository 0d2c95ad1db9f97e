import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { deleteAndConfirm } from '../answers';
import { operationProperties, orderIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete an order for good, e.g. a test order',
	action: 'Delete an order',
};

const properties: INodeProperties[] = [orderIdProperty];

export const description = operationProperties('order', 'delete', properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	return await deleteAndConfirm(norce, ['orders', orderId], `order "${orderId}"`, { orderId });
}

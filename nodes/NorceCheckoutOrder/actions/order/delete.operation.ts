import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { deleteAndConfirm } from '../../helpers/changes';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Delete',
	description: 'Delete an order for good, e.g. a test order',
	action: 'Delete an order',
};

const properties: INodeProperties[] = [orderIdProperty];

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	return await deleteAndConfirm(norce, ['orders', orderId], `order "${orderId}"`, { orderId });
}

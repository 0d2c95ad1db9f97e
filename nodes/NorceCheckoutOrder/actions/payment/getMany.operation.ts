import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { readList } from '../answers';
import { operationProperties, orderIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the payments of an order, one item per payment',
	action: 'Get the payments of an order',
};

const properties: INodeProperties[] = [orderIdProperty];

export const description = operationProperties('payment', 'getMany', properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	return await readList(
		this,
		itemIndex,
		norce,
		{ path: ['orders', orderId, 'payments'], subject: `the payments of order "${orderId}"` },
		'a list of payments',
	);
}

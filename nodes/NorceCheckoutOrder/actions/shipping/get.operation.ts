import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { readObject } from '../answers';
import { operationProperties, orderIdProperty, shippingIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one shipping of an order, with its state, fee and delivery details',
	action: 'Get a shipping of an order',
};

const properties: INodeProperties[] = [orderIdProperty, shippingIdProperty];

export const description = operationProperties('shipping', 'get', properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const shippingId = getIdParameter(this, 'shippingId', 'Shipping ID', itemIndex);
	return await readObject(
		this,
		itemIndex,
		norce,
		{
			path: ['orders', orderId, 'shippings', shippingId],
			subject: `shipping "${shippingId}" on order "${orderId}"`,
		},
		'a shipping',
	);
}

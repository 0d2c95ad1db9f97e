import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty, shippingIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Get',
	description: 'Get one shipping of an order, with its state, fee and delivery details',
	action: 'Get a shipping of an order',
};

const properties: INodeProperties[] = [orderIdProperty, shippingIdProperty];

export const description = operationProperties(properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const shippingId = getIdParameter(this, 'shippingId', 'Shipping ID', itemIndex);
	return [
		await norce.readObject({
			path: ['orders', orderId, 'shippings', shippingId],
			subject: `shipping "${shippingId}" on order "${orderId}"`,
			what: 'a shipping',
		}),
	];
}

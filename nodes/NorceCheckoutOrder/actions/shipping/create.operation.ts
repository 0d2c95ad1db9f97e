import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { createdId } from '../answers';
import { getJsonBody, jsonBodyProperty } from '../body';
import { operationProperties, orderIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Add a shipping (delivery option and fee) to an order',
	action: 'Add a shipping to an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	jsonBodyProperty(
		{
			adapterId: 'ingrid-shipping-adapter',
			name: 'Home delivery',
			total: { includingVat: 49, excludingVat: 39.2 },
			vatRate: 0.25,
		},
		"The shipping, as Norce's Shipping object; total and vatRate are required",
	),
];

export const description = operationProperties('shipping', 'create', properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const shipping = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'shippings'],
		jsonBody: JSON.stringify(shipping),
		// A repeat could add a second shipping.
		safeToRepeat: false,
		subject: `a new shipping on order "${orderId}"`,
	});
	const shippingId = createdId(
		this,
		itemIndex,
		response,
		'shipping',
		'Check the shippings of the order with Get Many before creating it again.',
	);
	return [{ orderId, shippingId, success: true }];
}

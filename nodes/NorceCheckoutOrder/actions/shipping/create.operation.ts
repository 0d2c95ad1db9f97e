import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { createdId } from '../../helpers/changes';
import { getJsonBody, jsonBodyProperty } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Create',
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

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const shipping = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'shippings'],
		body: shipping,
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

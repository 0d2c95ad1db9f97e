import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { getJsonBody, jsonBodyProperty } from '../../helpers/body';
import { operationProperties, orderIdProperty, shippingIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Update',
	description: 'Replace a shipping of an order, e.g. its state or TMS reference',
	action: 'Update a shipping of an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	shippingIdProperty,
	jsonBodyProperty(
		{
			state: 'confirmed',
			tmsReference: 'TMS-123',
			total: { includingVat: 49, excludingVat: 39.2 },
			vatRate: 0.25,
		},
		"The whole shipping, as Norce's Shipping object (total and vatRate required): it replaces the shipping. To change one field, Get it first and merge.",
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
	const shippingId = getIdParameter(this, 'shippingId', 'Shipping ID', itemIndex);
	const shipping = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'PUT',
		path: ['orders', orderId, 'shippings', shippingId],
		body: shipping,
		// The shipping is replaced as a whole: sending it twice ends in the same state.
		safeToRepeat: true,
		subject: `shipping "${shippingId}" on order "${orderId}"`,
	});
	return changeResult(response, { orderId, shippingId });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { createdId } from '../../helpers/changes';
import { getJsonBody, jsonBodyProperty } from '../../helpers/body';
import { operationProperties } from '../../helpers/properties';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Create',
	description: 'Create an order in checkout state from a JSON order (cart, customer, currency …)',
	action: 'Create an order',
};

const properties: INodeProperties[] = [
	jsonBodyProperty(
		{
			culture: 'sv-SE',
			currency: 'SEK',
			country: 'SE',
			cart: { reference: 'basket-123', items: [], total: { includingVat: 0, excludingVat: 0 } },
		},
		"The order to create, as Norce's Order object. Merchant and channel are sent as headers from the credential; Norce's own clients also put them in the body, which you may do too.",
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
	const order = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'POST',
		path: ['orders'],
		body: order,
		// A repeat could create a second order: never sent again after a connection failure.
		safeToRepeat: false,
		subject: 'the new order',
	});
	const orderId = createdId(
		this,
		itemIndex,
		response,
		'order',
		'Find the order with Get Many (Cart Reference) before creating it again.',
	);
	return [{ orderId, success: true }];
}

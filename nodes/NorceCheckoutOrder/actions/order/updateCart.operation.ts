import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { getJsonBody, jsonBodyProperty } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Update Cart',
	description: "Replace an order's cart (items, discounts, total) while it is in checkout",
	action: 'Replace the cart of an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	jsonBodyProperty(
		{ reference: 'basket-123', items: [], total: { includingVat: 0, excludingVat: 0 } },
		"The whole cart, as Norce's Cart object: it replaces the order's cart",
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
	const cart = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'PUT',
		path: ['orders', orderId, 'cart'],
		body: cart,
		// The whole cart is replaced: sending it twice ends in the same state.
		safeToRepeat: true,
		subject: `the cart of order "${orderId}"`,
	});
	return changeResult(response, { orderId });
}

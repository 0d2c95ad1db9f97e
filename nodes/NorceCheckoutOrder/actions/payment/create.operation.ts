import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { createdId } from '../../helpers/changes';
import { getJsonBody, jsonBodyProperty } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Create',
	description: 'Add a payment to an order, as a payment adapter does',
	action: 'Add a payment to an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	jsonBodyProperty(
		{
			adapterId: 'invoice_adapter',
			name: 'Invoice',
			currency: 'SEK',
			amount: 100,
			type: 'default',
		},
		"The payment, as Norce's Payment object",
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
	const payment = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'payments'],
		body: payment,
		// A repeat could add a second payment.
		safeToRepeat: false,
		subject: `a new payment on order "${orderId}"`,
	});
	const paymentId = createdId(
		this,
		itemIndex,
		response,
		'payment',
		'Check the payments of the order with Get Many before creating it again.',
	);
	return [{ orderId, paymentId, success: true }];
}

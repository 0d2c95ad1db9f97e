import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { getJsonBody, jsonBodyProperty } from '../../helpers/body';
import { operationProperties, orderIdProperty, paymentIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Update',
	description: 'Replace a payment of an order, e.g. its state or PSP reference',
	action: 'Update a payment of an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	paymentIdProperty,
	jsonBodyProperty(
		{ adapterId: 'invoice_adapter', state: 'confirmed', amount: 100, reference: 'psp-123' },
		"The whole payment, as Norce's Payment object: it replaces the payment",
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
	const paymentId = getIdParameter(this, 'paymentId', 'Payment ID', itemIndex);
	const payment = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'PUT',
		path: ['orders', orderId, 'payments', paymentId],
		body: payment,
		// The payment is replaced as a whole: sending it twice ends in the same state.
		safeToRepeat: true,
		subject: `payment "${paymentId}" on order "${orderId}"`,
	});
	return changeResult(response, { orderId, paymentId });
}

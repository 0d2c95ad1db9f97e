import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { getJsonBody, jsonBodyProperty } from '../../helpers/body';
import { operationProperties, orderIdProperty, paymentIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Add Transaction',
	description: 'Record a transaction with the payment provider on a payment',
	action: 'Add a transaction to a payment',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	paymentIdProperty,
	jsonBodyProperty(
		{ event: 'capture', amount: 100, isSuccess: true, pspStatus: 'CAPTURED' },
		"The transaction, as Norce's PaymentTransaction object",
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
	const transaction = getJsonBody(this, itemIndex);
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'payments', paymentId, 'transactions'],
		body: transaction,
		// A repeat would record the transaction twice.
		safeToRepeat: false,
		subject: `payment "${paymentId}" on order "${orderId}"`,
	});
	return changeResult(response, { orderId, paymentId });
}

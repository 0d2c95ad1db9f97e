import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty, paymentIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Get Transactions',
	description: "List a payment's transactions with the provider, e.g. to see why a capture failed",
	action: 'Get the transactions of a payment',
};

const properties: INodeProperties[] = [orderIdProperty, paymentIdProperty];

export const description = operationProperties(properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const paymentId = getIdParameter(this, 'paymentId', 'Payment ID', itemIndex);
	return await norce.readList({
		path: ['orders', orderId, 'payments', paymentId, 'transactions'],
		subject: `the transactions of payment "${paymentId}" on order "${orderId}"`,
		what: 'a list of transactions',
	});
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { readList } from '../answers';
import { operationProperties, orderIdProperty, paymentIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Get Transactions',
	value: 'getTransactions',
	description: "List a payment's transactions with the provider, e.g. to see why a capture failed",
	action: 'Get the transactions of a payment',
};

const properties: INodeProperties[] = [orderIdProperty, paymentIdProperty];

export const description = operationProperties('payment', 'getTransactions', properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const paymentId = getIdParameter(this, 'paymentId', 'Payment ID', itemIndex);
	return await readList(
		this,
		itemIndex,
		norce,
		{
			path: ['orders', orderId, 'payments', paymentId, 'transactions'],
			subject: `the transactions of payment "${paymentId}" on order "${orderId}"`,
		},
		'a list of transactions',
	);
}

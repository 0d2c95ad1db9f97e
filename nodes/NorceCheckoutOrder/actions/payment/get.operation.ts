import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty, paymentIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Get',
	description: 'Get one payment of an order, with its state, amount and actions',
	action: 'Get a payment of an order',
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
	return [
		await norce.readObject({
			path: ['orders', orderId, 'payments', paymentId],
			subject: `payment "${paymentId}" on order "${orderId}"`,
			what: 'a payment',
		}),
	];
}

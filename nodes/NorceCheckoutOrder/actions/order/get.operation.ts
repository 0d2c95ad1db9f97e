import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';
import { getSimplify, simplifyOrder, simplifyProperties } from './simplify';

const properties: INodeProperties[] = [orderIdProperty, ...simplifyProperties];

export const option: OperationModule['option'] = {
	name: 'Get',
	description: 'Get one order with its cart, customer, payments and validations',
	action: 'Get an order',
};

export const description = operationProperties(properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const order = await norce.readObject({
		path: ['orders', orderId],
		subject: `order "${orderId}"`,
		what: 'an order',
	});
	return [getSimplify(this, itemIndex) ? simplifyOrder(order) : order];
}

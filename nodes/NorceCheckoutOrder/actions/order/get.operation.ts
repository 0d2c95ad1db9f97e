import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/parameters';
import type { NorceClient } from '../../transport';
import { norceApiError } from '../../transport/errors';
import { orderIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [orderIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const response = await norce.request({
		method: 'GET',
		path: ['orders', orderId],
		safeToRepeat: true,
		subject: `order "${orderId}"`,
	});
	const order = response.body;
	if (!order || typeof order !== 'object' || Array.isArray(order)) {
		throw norceApiError(
			{ node: this.getNode(), itemIndex },
			`Norce Checkout answered with something that is not an order for order "${orderId}" [HTTP ${response.statusCode}]`,
			'Expected a JSON order object. Check the environment or Base URL of the credential.',
			{ httpCode: String(response.statusCode) },
		);
	}
	return [order as IDataObject];
}

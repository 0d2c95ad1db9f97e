import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { deleteAndConfirm } from '../answers';
import { hookIdProperty, operationProperties, orderIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	description: 'Remove a hook from an order, so Norce no longer calls it',
	action: 'Remove a hook from an order',
};

const properties: INodeProperties[] = [orderIdProperty, hookIdProperty];

export const description = operationProperties('hook', 'delete', properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const hookId = getIdParameter(this, 'hookId', 'Hook ID', itemIndex);
	return await deleteAndConfirm(
		norce,
		['orders', orderId, 'hooks', hookId],
		`hook "${hookId}" on order "${orderId}"`,
		{ orderId, hookId },
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { deleteAndConfirm } from '../../helpers/changes';
import { hookIdProperty, operationProperties, orderIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Delete',
	description: 'Remove a hook from an order, so Norce no longer calls it',
	action: 'Remove a hook from an order',
};

const properties: INodeProperties[] = [orderIdProperty, hookIdProperty];

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const hookId = getIdParameter(this, 'hookId', 'Hook ID', itemIndex);
	return await deleteAndConfirm(
		norce,
		['orders', orderId, 'hooks', hookId],
		`hook "${hookId}" on order "${orderId}"`,
		{ orderId, hookId },
	);
}

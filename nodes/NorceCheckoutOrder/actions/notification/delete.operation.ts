import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { deleteAndConfirm } from '../../helpers/changes';
import {
	notificationIdProperty,
	operationProperties,
	orderIdProperty,
} from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Delete',
	description: 'Remove a notification from an order, so Norce no longer sends it',
	action: 'Remove a notification from an order',
};

const properties: INodeProperties[] = [orderIdProperty, notificationIdProperty];

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const notificationId = getIdParameter(this, 'notificationId', 'Notification ID', itemIndex);
	return await deleteAndConfirm(
		norce,
		['orders', orderId, 'notifications', notificationId],
		`notification "${notificationId}" on order "${orderId}"`,
		{ orderId, notificationId },
	);
}

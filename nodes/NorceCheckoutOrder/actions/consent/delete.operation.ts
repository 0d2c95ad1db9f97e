import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { deleteAndConfirm } from '../../helpers/changes';
import { consentIdProperty, operationProperties, orderIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Delete',
	description: 'Remove a consent from an order',
	action: 'Remove a consent from an order',
};

const properties: INodeProperties[] = [orderIdProperty, consentIdProperty];

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const consentId = getIdParameter(this, 'consentId', 'Consent ID', itemIndex);
	return await deleteAndConfirm(
		norce,
		['orders', orderId, 'consents', consentId],
		`consent "${consentId}" on order "${orderId}"`,
		{ orderId, consentId },
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { deleteAndConfirm } from '../../helpers/changes';
import {
	operationProperties,
	orderIdProperty,
	validationIdProperty,
} from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

const properties: INodeProperties[] = [orderIdProperty, validationIdProperty];

export const option: OperationModule['option'] = {
	name: 'Remove Validation',
	description: 'Remove a validation registered on an order, so it no longer runs',
	action: 'Remove a validation from an order',
};

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const validationId = getIdParameter(this, 'validationId', 'Validation ID', itemIndex);

	return await deleteAndConfirm(
		norce,
		['orders', orderId, 'validations', validationId],
		`validation "${validationId}" on order "${orderId}"`,
		{ orderId, validationId },
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Validation ID',
		name: 'validationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. oc_aBcD1234',
		description:
			'The ID of the validation registered on the order (see the "validations" list of Get Order)',
	},
];

export const option: OperationModule['option'] = {
	name: 'Remove Validation',
	value: 'removeValidation',
	description: 'Remove a validation registered on an order, so it no longer runs',
	action: 'Remove a validation from an order',
};

export const description = operationProperties('order', 'removeValidation', properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const validationId = getIdParameter(this, 'validationId', 'Validation ID', itemIndex);

	const response = await norce.request({
		method: 'DELETE',
		path: ['orders', orderId, 'validations', validationId],
		// Deleting twice ends in the same state, so a dropped connection may be retried; a 404
		// after such a retry means the first attempt already removed it.
		safeToRepeat: true,
		isResult: ({ statusCode, afterUncertainAttempt }) =>
			statusCode === 404 && afterUncertainAttempt,
		subject: `validation "${validationId}" on order "${orderId}"`,
	});
	const result: IDataObject = { orderId, validationId, success: true };
	if (response.statusCode === 404) result.alreadyRemoved = true;
	return [result];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/parameters';
import type { NorceClient } from '../../transport';
import { orderIdProperty } from '../common.descriptions';

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

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['removeValidation'] } },
	properties,
);

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

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId, getOptionParameter } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';
import { ORDER_STATUS_OPTIONS } from '../../../../shared/orderStatuses';

export const option: OperationModule['option'] = {
	name: 'Update State',
	description:
		'Move an order to another status, e.g. accepted or completed after the ERP took it over',
	action: 'Change the status of an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: ORDER_STATUS_OPTIONS,
		default: 'accepted',
		description:
			'The new status. Completing an order can export it to Norce Commerce through the Norce Adapter.',
	},
];

export const description = operationProperties(properties, {
	changesOrder: true,
});

/** Norce may answer 202: accepted for processing, or cancelled by a more recent request. */
const ACCEPTED = 202;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const status = getOptionParameter(this, 'status', 'Status', ORDER_STATUS_OPTIONS, itemIndex);
	const response = await norce.request({
		method: 'PUT',
		path: ['orders', orderId, 'state'],
		body: { currentStatus: status },
		// Setting the same status twice ends in the same state.
		safeToRepeat: true,
		subject: `order "${orderId}"`,
	});
	const result: IDataObject = { orderId, status, success: true };
	if (response.statusCode === ACCEPTED) result.accepted = true;
	return [result];
}

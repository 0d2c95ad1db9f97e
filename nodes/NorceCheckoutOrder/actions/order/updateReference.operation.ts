import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { JsonString } from '../../../../shared/transport';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ERP-100234',
		description: "The order's external reference, for example the order number in your ERP",
	},
];

export const option: OperationModule['option'] = {
	name: 'Update Reference',
	description: "Set an order's external reference, such as the ERP order number",
	action: 'Update the reference of an order',
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
	const raw = this.getNodeParameter('reference', itemIndex, '') as unknown;
	const reference =
		typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
	if (reference.trim() === '') {
		throw new NodeOperationError(this.getNode(), `Reference is empty (item ${itemIndex})`, {
			itemIndex,
			description:
				'Set the "Reference" parameter; if it comes from an expression, check that it finds a value for this item.',
		});
	}

	await norce.request({
		method: 'PUT',
		path: ['orders', orderId, 'reference'],
		// The API takes a bare JSON string literal ("REF-1", quotes included), not an object.
		body: new JsonString(reference),
		// Setting the same reference twice ends in the same state.
		safeToRepeat: true,
		subject: `order "${orderId}"`,
	});
	return [{ orderId, reference, success: true }];
}

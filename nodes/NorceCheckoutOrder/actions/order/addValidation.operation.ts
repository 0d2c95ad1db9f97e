import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { bodyInputProperties, getBody, textFields } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Add Validation',
	description: 'Register a validation URL that Norce calls whenever the order is validated',
	action: 'Register a validation on an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	...bodyInputProperties(
		[
			{
				displayName: 'Adapter ID',
				name: 'adapterId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. erp_stock_check',
				description: 'Who owns the validation; shown as adapterId next to its messages',
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. https://erp.example.com/validate/{order_id}',
				description:
					'Norce POSTs to this URL on every validation; {order_id} is replaced with the order ID',
			},
		],
		{ adapterId: 'erp_stock_check', url: 'https://erp.example.com/validate/{order_id}' },
		"The validation, as Norce's Callback object {adapterId, url}",
	),
];

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const body = getBody(this, itemIndex, () => textFields(this, itemIndex, ['adapterId', 'url']));
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'validations'],
		body,
		// A repeat would register the validation twice.
		safeToRepeat: false,
		subject: `order "${orderId}"`,
	});
	return changeResult(response, { orderId });
}

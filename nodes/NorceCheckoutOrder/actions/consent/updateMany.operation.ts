import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { bodyInputProperties, getBody } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Update Many',
	description: 'Check or uncheck several consents of an order at once',
	action: 'Check or uncheck several consents of an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	...bodyInputProperties(
		[
			{
				displayName: 'Consents',
				name: 'consents',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add consent',
				default: {},
				options: [
					{
						displayName: 'Consent',
						name: 'consent',
						values: [
							{
								displayName: 'Consent ID',
								name: 'id',
								type: 'string',
								default: '',
								placeholder: 'e.g. ci_newsletter',
							},
							{
								displayName: 'Checked',
								name: 'checked',
								type: 'boolean',
								validateType: 'boolean',
								default: true,
								description: 'Whether the customer has given the consent',
							},
						],
					},
				],
			},
		],
		[{ id: 'ci_newsletter', checked: true }],
		'The consents, as a JSON array of {id, checked}; Norce changes only "checked"',
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
	const body = getBody(
		this,
		itemIndex,
		// Read by its full path, so n8n turns an expression's "true"/"false" into a boolean.
		() => this.getNodeParameter('consents.consent', itemIndex, []) as IDataObject[],
		'array',
	);
	const response = await norce.request({
		method: 'PATCH',
		path: ['orders', orderId, 'consents'],
		body,
		safeToRepeat: true,
		subject: `the consents of order "${orderId}"`,
	});
	return changeResult(response, { orderId });
}

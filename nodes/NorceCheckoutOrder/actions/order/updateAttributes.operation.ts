import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { bodyInputProperties, getBody } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Update Attributes',
	description: 'Set custom attributes on an order; attributes not named keep their values',
	action: 'Set custom attributes of an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	...bodyInputProperties(
		[
			{
				displayName: 'Attributes',
				name: 'attributes',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add attribute',
				default: {},
				options: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
		{ erpExported: 'true' },
		'The attributes to set, as a JSON object; nested values are allowed',
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
	const body = getBody(this, itemIndex, () => {
		const { attribute = [] } = this.getNodeParameter('attributes', itemIndex, {}) as {
			attribute?: Array<{ name: string; value: string }>;
		};
		return Object.fromEntries(
			attribute
				.filter(({ name }) => name.trim() !== '')
				.map(({ name, value }) => [name.trim(), value]),
		);
	});
	const response = await norce.request({
		method: 'PATCH',
		path: ['orders', orderId, 'attributes'],
		body,
		// Merging the same attributes twice ends in the same state.
		safeToRepeat: true,
		subject: `the attributes of order "${orderId}"`,
	});
	return changeResult(response, { orderId });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { bodyInputProperties, getBody } from '../../helpers/body';
import { operationProperties, orderIdProperty, paymentIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Add Actions',
	description: 'Offer payment actions (e.g. capture, cancel, refund) that can later be executed',
	action: 'Add actions to a payment',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	paymentIdProperty,
	...bodyInputProperties(
		[
			{
				displayName: 'Actions',
				name: 'actions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add action',
				default: {},
				options: [
					{
						displayName: 'Action',
						name: 'action',
						values: [
							{
								displayName: 'Adapter ID',
								name: 'adapterId',
								type: 'string',
								default: '',
								placeholder: 'e.g. klarna_checkout_adapter',
							},
							{
								displayName: 'Type',
								name: 'type',
								type: 'string',
								default: '',
								placeholder: 'e.g. capture',
							},
							{
								displayName: 'URL',
								name: 'url',
								type: 'string',
								default: '',
								placeholder: 'e.g. https://adapter.example.com/capture',
							},
						],
					},
				],
			},
		],
		[
			{
				adapterId: 'klarna_checkout_adapter',
				type: 'capture',
				url: 'https://adapter.example.com/capture',
			},
		],
		'The actions, as a JSON array of {adapterId, type, url}',
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
	const paymentId = getIdParameter(this, 'paymentId', 'Payment ID', itemIndex);
	const body = getBody(
		this,
		itemIndex,
		() =>
			((this.getNodeParameter('actions', itemIndex, {}) as { action?: IDataObject[] }).action ??
				[]) as IDataObject[],
		'array',
	);
	// An empty list would be sent, change nothing, and still report success.
	if (body.length === 0) {
		throw new NodeOperationError(this.getNode(), `No actions to add (item ${itemIndex})`, {
			itemIndex,
			description: 'Add at least one action, or check what the JSON Body expression returns.',
		});
	}
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'payments', paymentId, 'actions'],
		body,
		// A repeat would offer the actions twice.
		safeToRepeat: false,
		subject: `payment "${paymentId}" on order "${orderId}"`,
	});
	return changeResult(response, { orderId, paymentId });
}

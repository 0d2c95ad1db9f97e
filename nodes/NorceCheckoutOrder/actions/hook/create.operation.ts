import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { bodyInputProperties, getBody, textFields } from '../../helpers/body';
import {
	operationProperties,
	orderIdProperty,
	orderVersionProperty,
} from '../../helpers/properties';
import { getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Create',
	description:
		'Register a synchronous hook: Norce calls it on a change and waits for its JSON Patch answer, blocking the checkout meanwhile. For n8n workflows, prefer a notification.',
	action: 'Register a hook on an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	...bodyInputProperties(
		[
			{
				displayName: 'Adapter ID',
				name: 'adapterId',
				type: 'string',
				default: '',
				placeholder: 'e.g. erp_adapter',
				description:
					"Who owns the hook. Optional: Norce's schema marks it optional and Norce's own client sends none.",
			},
			{
				displayName: 'Subscribe To',
				name: 'subscribeTo',
				type: 'string',
				default: '',
				placeholder: 'e.g. /reference',
				description: 'JSON pointer of the part of the order whose changes call the hook',
			},
			{
				displayName: 'Invoke URL',
				name: 'invoke',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. https://erp.example.com/hooks/{order_id}',
				description: 'The URL Norce POSTs the order to; {order_id} is replaced with the order ID',
			},
			{
				displayName: 'Target',
				name: 'target',
				type: 'string',
				default: '',
				description: 'Optional target of the hook, as documented by Norce',
			},
			orderVersionProperty,
		],
		{
			adapterId: 'erp_adapter',
			subscribeTo: '/reference',
			invoke: 'https://erp.example.com/hooks/{order_id}',
			version: 'v0',
		},
		"The hook, as Norce's Hook object",
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
	const body = getBody(this, itemIndex, () =>
		textFields(this, itemIndex, ['adapterId', 'subscribeTo', 'invoke', 'target', 'version']),
	);
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'hooks'],
		body,
		// A repeat would register the hook twice.
		safeToRepeat: false,
		subject: `order "${orderId}"`,
	});
	return changeResult(response, { orderId });
}

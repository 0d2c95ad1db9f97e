import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import {
	bodyInputProperties,
	getBody,
	parseJsonField,
	textFields,
	withoutEmpty,
} from '../../helpers/body';
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
		'Have Norce POST the order to a URL (e.g. an n8n Webhook node) after a matching change, such as status completed',
	action: 'Register a notification on an order',
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
				placeholder: 'e.g. n8n',
				description:
					"Who owns the notification. Optional: Norce's schema marks it optional and Norce's own client sends none.",
			},
			{
				displayName: 'Invoke URL',
				name: 'invoke',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/norce-completed',
				description:
					'Where Norce POSTs {notification, order}; {order_id} is replaced with the order ID',
			},
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'string',
				default: '/state/currentStatus',
				description:
					'JSON pointer of the part of the order whose changes send the notification (no array scopes)',
			},
			{
				displayName: 'Schema',
				name: 'schema',
				type: 'json',
				default: '{ "const": "completed" }',
				description:
					'JSON Schema the changed value must match, e.g. {"const": "completed"}; empty for every change',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your reference for the notification, to find it again in the order',
			},
			{
				displayName: 'Description',
				name: 'notificationDescription',
				type: 'string',
				default: '',
			},
			orderVersionProperty,
		],
		{
			adapterId: 'n8n',
			scope: '/state/currentStatus',
			schema: { const: 'completed' },
			invoke: 'https://n8n.example.com/webhook/norce-completed',
			version: 'v0',
		},
		"The notification, as Norce's Notification object",
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
		const { adapterId, invoke, scope, ...rest } = textFields(
			this,
			itemIndex,
			['adapterId', 'invoke', 'scope', 'reference', 'description', 'version'],
			{ description: 'notificationDescription' },
		);
		// In the order of Norce's Notification schema.
		const schema = parseJsonField(this, 'schema', 'Schema', itemIndex);
		return withoutEmpty({ adapterId, invoke, scope, schema, ...rest });
	});
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'notifications'],
		body,
		// A repeat would register the notification twice (Norce answers without an ID).
		safeToRepeat: false,
		subject: `order "${orderId}"`,
	});
	return changeResult(response, { orderId });
}

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as order from './actions/order/Order.resource';
import { optionsProperty } from './actions/common.descriptions';
import { router } from './actions/router';

// Programmatic rather than declarative: validate's 400 is a result, every item (errors too)
// must stay paired, and requests need a retry and concurrency policy that routing lacks.
export class NorceCheckoutOrder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Norce Checkout Order',
		name: 'norceCheckoutOrder',
		icon: { light: 'file:norce.svg', dark: 'file:norce.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Validate, inspect and fix orders in Norce Checkout',
		defaults: { name: 'Norce Checkout Order' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'norceApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Order', value: 'order' }],
				default: 'order',
			},
			...order.description,
			optionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

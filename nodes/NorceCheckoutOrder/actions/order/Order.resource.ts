import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as removeValidation from './removeValidation.operation';
import * as updateReference from './updateReference.operation';
import * as validate from './validate.operation';

/** Every order operation by its `operation` value; the router dispatches through this map. */
export const orderOperations = { get, getMany, removeValidation, updateReference, validate };

export type OrderOperation = keyof typeof orderOperations;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one order with its cart, customer, payments and validations',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List orders, filtered by status, reference, search text or creation date',
				action: 'Get many orders',
			},
			{
				name: 'Remove Validation',
				value: 'removeValidation',
				description: 'Remove a validation registered on an order, so it no longer runs',
				action: 'Remove a validation from an order',
			},
			{
				name: 'Update Reference',
				value: 'updateReference',
				description: "Set an order's external reference, such as the ERP order number",
				action: 'Update the reference of an order',
			},
			{
				name: 'Validate',
				value: 'validate',
				description:
					'Run all validations registered on an order and return the problems found, one item per validation message',
				action: 'Validate an order',
			},
		],
		default: 'validate',
	},
	...validate.description,
	...removeValidation.description,
	...updateReference.description,
	...get.description,
	...getMany.description,
];

/**
 * Resource → operation → module: the one table the node description, the subtitle and the
 * router are built from. A key of the table is the value n8n stores in the workflow, written
 * only here: the registry gives every option its value and every operation's parameters their
 * display options. Adding an operation is a new `<resource>/<name>.operation.ts` plus one line
 * in its `<Resource>.resource.ts`; adding a resource is one line here.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { NorceClient } from '../../../shared/transport';
import * as consent from '../actions/consent/Consent.resource';
import * as hook from '../actions/hook/Hook.resource';
import * as notification from '../actions/notification/Notification.resource';
import * as notificationEvent from '../actions/notificationEvent/NotificationEvent.resource';
import * as order from '../actions/order/Order.resource';
import * as payment from '../actions/payment/Payment.resource';
import * as shipping from '../actions/shipping/Shipping.resource';

export interface OperationModule {
	/** Name, description and `action` (the text an AI agent picks the tool by); the value is its key. */
	option: Omit<INodePropertyOptions, 'value'> & { action: string };
	/** The operation's parameters; the registry shows them only for this operation. */
	description: INodeProperties[];
	/** Runs the operation for one input item; returns the output objects, the router pairs them. */
	execute(this: IExecuteFunctions, itemIndex: number, norce: NorceClient): Promise<IDataObject[]>;
}

export interface ResourceModule {
	name: string;
	defaultOperation: string;
	operations: Record<string, OperationModule>;
}

export const resources = {
	order: order.resource,
	payment: payment.resource,
	shipping: shipping.resource,
	consent: consent.resource,
	hook: hook.resource,
	notification: notification.resource,
	notificationEvent: notificationEvent.resource,
} satisfies Record<string, ResourceModule>;

export type ResourceName = keyof typeof resources;

const own = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	if (!own(resources, resource)) return undefined;
	const { operations }: ResourceModule = resources[resource as ResourceName];
	return own(operations, operation) ? operations[operation] : undefined;
}

const table = Object.entries(resources) as Array<[string, ResourceModule]>;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function operationProperty(value: string, resource: ResourceModule): INodeProperties {
	const { defaultOperation } = resource;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options: Object.entries(resource.operations)
			.map(([operation, { option }]) => ({ ...option, value: operation }))
			.sort(byName),
		default: defaultOperation,
	};
}

/** Resource selector, then per resource its operation selector and operations' parameters. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: table.map(([value, { name }]) => ({ name, value })).sort(byName),
		default: 'order',
	},
	...table.flatMap(([value, resource]) => [
		operationProperty(value, resource),
		...Object.entries(resource.operations).flatMap(([operation, { description }]) =>
			updateDisplayOptions({ show: { resource: [value], operation: [operation] } }, description),
		),
	]),
];

/** The canvas subtitle, e.g. "Order: Update Reference": display names, not raw values. */
export const subtitle = `={{ ${JSON.stringify(
	Object.fromEntries(
		table.flatMap(([value, resource]) =>
			Object.entries(resource.operations).map(([operation, { option }]) => [
				`${value}.${operation}`,
				`${resource.name}: ${option.name}`,
			]),
		),
	),
)}[$parameter["resource"] + "." + $parameter["operation"]] }}`;

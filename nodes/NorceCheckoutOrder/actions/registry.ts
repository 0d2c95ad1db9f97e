/**
 * Resource → operation → module: the one table the node description, the subtitle and the
 * router are built from. Adding an operation is a new `<resource>/<name>.operation.ts` plus
 * one line in its `<Resource>.resource.ts`; adding a resource is one line here.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { NorceClient } from '../../../shared/transport';
import * as consent from './consent/Consent.resource';
import * as hook from './hook/Hook.resource';
import * as notification from './notification/Notification.resource';
import * as notificationEvent from './notificationEvent/NotificationEvent.resource';
import * as order from './order/Order.resource';
import * as payment from './payment/Payment.resource';
import * as shipping from './shipping/Shipping.resource';

export interface OperationModule {
	/** Name, value, description and `action` (the text an AI agent picks the tool by). */
	option: INodePropertyOptions & { value: string; action: string };
	/** The operation's parameters, shown only for it (see operationProperties). */
	description: INodeProperties[];
	/** Runs the operation for one input item; returns the output objects, the router pairs them. */
	execute(this: IExecuteFunctions, itemIndex: number, norce: NorceClient): Promise<IDataObject[]>;
}

export interface ResourceModule {
	option: INodePropertyOptions & { value: string };
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

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	const operations: Record<string, OperationModule> | undefined =
		Object.prototype.hasOwnProperty.call(resources, resource)
			? resources[resource as ResourceName].operations
			: undefined;
	return operations && Object.prototype.hasOwnProperty.call(operations, operation)
		? operations[operation]
		: undefined;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function operationProperty(resource: ResourceModule): INodeProperties {
	const { defaultOperation } = resource;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.option.value] } },
		options: Object.values(resource.operations)
			.map(({ option }) => option)
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
		options: Object.values(resources)
			.map(({ option }) => option)
			.sort(byName),
		default: 'order',
	},
	...Object.values(resources).flatMap((resource: ResourceModule) => [
		operationProperty(resource),
		...Object.values(resource.operations).flatMap(({ description }) => description),
	]),
];

/** The canvas subtitle, e.g. "Order: Update Reference": display names, not raw values. */
export const subtitle = `={{ ${JSON.stringify(
	Object.fromEntries(
		Object.values(resources).flatMap((resource: ResourceModule) =>
			Object.values(resource.operations).map(({ option }) => [
				`${resource.option.value}.${option.value}`,
				`${resource.option.name}: ${option.name}`,
			]),
		),
	),
)}[$parameter["resource"] + "." + $parameter["operation"]] }}`;

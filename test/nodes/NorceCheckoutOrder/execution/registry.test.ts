import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { NorceCheckoutOrder } from '../../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import codex from '../../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node.json';
import { findOperation, resources } from '../../../../nodes/NorceCheckoutOrder/execution/registry';

const { description } = new NorceCheckoutOrder();

/** The property `name` as shown for `operation` (properties without an operation: always). */
function property(name: string, operation?: string): INodeProperties {
	const found = description.properties.find(
		(candidate) =>
			candidate.name === name &&
			(operation === undefined ||
				candidate.displayOptions?.show?.operation === undefined ||
				(candidate.displayOptions.show.operation as string[]).includes(operation)),
	);
	if (!found) throw new Error(`no property ${name} for ${operation}`);
	return found;
}

function optionValues(prop: INodeProperties) {
	return (
		prop.options as Array<INodePropertyOptions | INodePropertyCollection | INodeProperties>
	).map((option) => ('value' in option ? option.value : option.name));
}

const ORDER_OPERATIONS = [
	'addValidation',
	'create',
	'delete',
	'get',
	'getMany',
	'removeValidation',
	'updateAddress',
	'updateAttributes',
	'updateCart',
	'updateReference',
	'updateState',
	'validate',
];

describe('node description', () => {
	it('has the fixed public names and is usable as an AI tool', () => {
		expect(description).toMatchObject({
			name: 'norceCheckoutOrder',
			displayName: 'Norce Checkout',
			usableAsTool: true,
			version: [1, 2],
			credentials: [{ name: 'norceApi', required: true }],
		});
		expect(description.icon).toEqual({
			light: 'file:../../icons/norce.svg',
			dark: 'file:../../icons/norce.dark.svg',
		});
	});

	it('offers every resource with its fixed operations, each with an action and a description', () => {
		const operations = Object.fromEntries(
			description.properties
				.filter((candidate) => candidate.name === 'operation')
				.map((candidate) => {
					expect(candidate.noDataExpression).toBe(true);
					const options = candidate.options as INodePropertyOptions[];
					for (const option of options) {
						expect(option.action).toMatch(/^[A-Z][a-z]+ /);
						expect((option.description ?? '').length).toBeGreaterThan(20);
					}
					return [
						(candidate.displayOptions?.show?.resource as string[])[0],
						options.map((option) => option.value).sort(),
					];
				}),
		);
		expect(optionValues(property('resource')).sort()).toEqual(Object.keys(operations).sort());
		expect(operations).toEqual({
			order: ORDER_OPERATIONS,
			payment: [
				'addActions',
				'addTransaction',
				'create',
				'executeAction',
				'get',
				'getMany',
				'getTransactions',
				'update',
			],
			shipping: ['create', 'get', 'getMany', 'update'],
			consent: ['create', 'delete', 'update', 'updateMany'],
			hook: ['create', 'delete'],
			notification: ['create', 'delete'],
			notificationEvent: ['get', 'getMany', 'retry'],
		});
	});

	it.each([
		// Every order operation but the two that name no single order.
		['orderId', ORDER_OPERATIONS.filter((name) => name !== 'create' && name !== 'getMany')],
		['validationId', ['removeValidation']],
		['reference', ['updateReference']],
		['output', ['validate']],
		['simplify', ['get', 'get', 'getMany', 'getMany']],
		['returnAll', ['getMany']],
		['limit', ['getMany']],
		['filters', ['getMany']],
	])('shows %s exactly for the order operations %j', (name, operations) => {
		const shownFor = description.properties
			.filter(
				(candidate) =>
					candidate.name === name &&
					(candidate.displayOptions?.show?.resource as string[]).includes('order'),
			)
			.flatMap((candidate) => candidate.displayOptions?.show?.operation as string[]);
		expect(shownFor.sort()).toEqual([...operations].sort());
	});

	it('shows display names in the subtitle, for every operation', () => {
		const subtitle = String(description.subtitle);
		const lookup = JSON.parse(/^=\{\{ (\{.*\})\[/.exec(subtitle)?.[1] ?? '{}');
		expect(lookup).toMatchObject({
			'order.get': 'Order: Get',
			'order.getMany': 'Order: Get Many',
			'order.removeValidation': 'Order: Remove Validation',
			'order.updateReference': 'Order: Update Reference',
			'order.validate': 'Order: Validate',
			'payment.getTransactions': 'Payment: Get Transactions',
			'notificationEvent.retry': 'Notification Event: Retry',
		});
		const operations = description.properties.filter((candidate) => candidate.name === 'operation');
		const count = operations.reduce((sum, candidate) => sum + (candidate.options?.length ?? 0), 0);
		expect(Object.keys(lookup)).toHaveLength(count);
		expect(subtitle).toMatch(
			/\[\$parameter\["resource"\] \+ "\." \+ \$parameter\["operation"\]\] \}\}$/,
		);
	});

	it('offers Adapter ID only where the request changes the order', () => {
		const optionsOf = (operation: string) => optionValues(property('options', operation));
		for (const operation of ['get', 'getMany', 'validate']) {
			expect(optionsOf(operation)).toEqual(['channel', 'concurrency', 'maxRetries', 'timeout']);
		}
		for (const operation of ['removeValidation', 'updateReference']) {
			expect(optionsOf(operation)).toEqual([
				'adapterId',
				'channel',
				'concurrency',
				'maxRetries',
				'timeout',
			]);
		}
	});

	it('ships a codex with categories and documentation links', () => {
		expect(codex.node).toBe('n8n-nodes-norce-checkout.norceCheckoutOrder');
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
		expect(codex.resources.credentialDocumentation[0].url).toMatch(/^https:\/\//);
	});
});

describe('findOperation', () => {
	it('finds each operation of the table under its resource, and nothing else', () => {
		expect(findOperation('payment', 'getTransactions')).toBe(
			resources.payment.operations.getTransactions,
		);
		expect(findOperation('shipping', 'getTransactions')).toBeUndefined();
		expect(findOperation('order', 'nope')).toBeUndefined();
	});

	it.each([
		['constructor', 'get'],
		['order', 'constructor'],
		['__proto__', 'get'],
		['order', 'hasOwnProperty'],
	])('finds nothing for inherited names (%s, %s)', (resource, operation) => {
		expect(findOperation(resource, operation)).toBeUndefined();
	});
});

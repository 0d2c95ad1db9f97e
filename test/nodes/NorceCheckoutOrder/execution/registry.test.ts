import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { NorceCheckoutOrder } from '../../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
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

/** Every resource's operations, sorted: the registry's table as the user sees it. */
const OPERATIONS: Record<string, string> = {
	order:
		'addValidation create delete get getMany removeValidation updateAddress updateAttributes updateCart updateReference updateState validate',
	payment: 'addActions addTransaction create executeAction get getMany getTransactions update',
	shipping: 'create get getMany update',
	consent: 'create delete update updateMany',
	hook: 'create delete',
	notification: 'create delete',
	notificationEvent: 'get getMany retry',
};
const ORDER_OPERATIONS = OPERATIONS.order.split(' ');

describe('node description', () => {
	it('offers every operation with an action, a description and its display name in the subtitle', () => {
		const operations = description.properties.filter((candidate) => candidate.name === 'operation');
		expect(optionValues(property('resource')).sort()).toEqual(Object.keys(OPERATIONS).sort());
		expect(operations).toHaveLength(Object.keys(OPERATIONS).length);
		for (const candidate of operations) {
			const options = candidate.options as INodePropertyOptions[];
			const resource = (candidate.displayOptions?.show?.resource as string[])[0];
			expect(candidate.noDataExpression).toBe(true);
			expect(options.map((option) => option.value).sort()).toEqual(OPERATIONS[resource].split(' '));
			for (const option of options) {
				expect(option.action).toMatch(/^[A-Z][a-z]+ /);
				expect((option.description ?? '').length).toBeGreaterThan(20);
			}
		}

		const subtitle = String(description.subtitle);
		const lookup = JSON.parse(/^=\{\{ (\{.*\})\[/.exec(subtitle)?.[1] ?? '{}');
		expect(Object.keys(lookup).sort()).toEqual(
			Object.entries(OPERATIONS)
				.flatMap(([resource, names]) => names.split(' ').map((name) => `${resource}.${name}`))
				.sort(),
		);
		expect(lookup).toMatchObject({
			'order.getMany': 'Order: Get Many',
			'payment.getTransactions': 'Payment: Get Transactions',
			'notificationEvent.retry': 'Notification Event: Retry',
		});
		expect(subtitle).toMatch(
			/\[\$parameter\["resource"\] \+ "\." \+ \$parameter\["operation"\]\] \}\}$/,
		);
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

	it('offers Adapter ID only where the request changes the order', () => {
		const optionsOf = (operation: string) => optionValues(property('options', operation));
		for (const operation of ['get', 'getMany', 'validate']) {
			expect(optionsOf(operation)).toEqual(['channel', 'concurrency', 'maxRetries', 'timeout']);
		}
		for (const operation of ['removeValidation', 'updateReference']) {
			expect(optionsOf(operation)).toEqual(['adapterId', ...optionsOf('get')]);
		}
	});
});

describe('findOperation', () => {
	it('finds each operation of the table under its resource, and nothing else, inherited names neither', () => {
		expect(findOperation('payment', 'getTransactions')).toBe(
			resources.payment.operations.getTransactions,
		);
		expect(findOperation('shipping', 'getTransactions')).toBeUndefined();
		expect(findOperation('order', 'nope')).toBeUndefined();
		// Inherited names are no operations.
		for (const [resource, operation] of [
			['constructor', 'get'],
			['order', 'constructor'],
			['__proto__', 'get'],
			['order', 'hasOwnProperty'],
		]) {
			expect(findOperation(resource, operation)).toBeUndefined();
		}
	});
});

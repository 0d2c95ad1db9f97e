import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { NorceCheckoutOrder } from '../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import codex from '../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node.json';

const { description } = new NorceCheckoutOrder();

const OPERATIONS = ['get', 'getMany', 'removeValidation', 'updateReference', 'validate'];

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

describe('node description', () => {
	it('has the fixed public names and is usable as an AI tool', () => {
		expect(description).toMatchObject({
			name: 'norceCheckoutOrder',
			displayName: 'Norce Checkout Order',
			usableAsTool: true,
			version: 1,
			credentials: [{ name: 'norceApi', required: true }],
		});
		expect(description.icon).toEqual({
			light: 'file:../../icons/norce.svg',
			dark: 'file:../../icons/norce.dark.svg',
		});
	});

	it('offers resource order with its five operations, validate first by default', () => {
		expect(optionValues(property('resource'))).toEqual(['order']);
		const operation = property('operation');
		expect(operation).toMatchObject({
			noDataExpression: true,
			default: 'validate',
			displayOptions: { show: { resource: ['order'] } },
		});
		const options = operation.options as INodePropertyOptions[];
		// Sorted by name, as the n8n lint rules want.
		expect(options.map((option) => option.name)).toEqual([
			'Get',
			'Get Many',
			'Remove Validation',
			'Update Reference',
			'Validate',
		]);
		expect(options.map((option) => option.value)).toEqual(OPERATIONS);
		for (const option of options) {
			expect(option.action).toMatch(/^[A-Z][a-z]+ .*(order|orders)$/);
			expect((option.description ?? '').length).toBeGreaterThan(20);
		}
	});

	it.each([
		['orderId', ['get', 'removeValidation', 'updateReference', 'validate']],
		['validationId', ['removeValidation']],
		['reference', ['updateReference']],
		['output', ['validate']],
		['simplify', ['get', 'getMany']],
		['returnAll', ['getMany']],
		['limit', ['getMany']],
		['filters', ['getMany']],
		['options', OPERATIONS],
	])('shows %s exactly for %j, only for resource order', (name, operations) => {
		const shown = description.properties.filter((candidate) => candidate.name === name);
		expect(shown.flatMap((candidate) => candidate.displayOptions?.show?.operation).sort()).toEqual(
			operations,
		);
		for (const candidate of shown) {
			expect(candidate.displayOptions?.show?.resource).toEqual(['order']);
		}
	});

	it('has the documented defaults and choices', () => {
		const output = property('output', 'validate');
		expect(output.default).toBe('validations');
		expect(optionValues(output)).toEqual(['validations', 'summary']);
		// A valid order gives no items per validation; the hint says so and names the way out.
		expect(output.hint).toContain('One Summary per Order');
		expect(property('simplify', 'get').default).toBe(false);
		expect(property('simplify', 'getMany').default).toBe(false);
		expect(property('returnAll', 'getMany').default).toBe(false);
		expect(property('limit', 'getMany')).toMatchObject({
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
		});
		const filters = property('filters', 'getMany');
		expect(optionValues(filters)).toEqual([
			'cartReference',
			'dateFrom',
			'dateTo',
			'reference',
			'search',
			'status',
		]);
		const status = (filters.options as INodeProperties[]).find(
			(option) => option.name === 'status',
		);
		expect(optionValues(status as INodeProperties)).toEqual([
			'accepted',
			'checkout',
			'completed',
			'declined',
			'processing',
			'removed',
		]);
	});

	it('shows display names in the subtitle, for every operation', () => {
		const subtitle = String(description.subtitle);
		const lookup = JSON.parse(/^=\{\{ (\{.*\})\[/.exec(subtitle)?.[1] ?? '{}');
		expect(lookup).toEqual({
			'order.get': 'Order: Get',
			'order.getMany': 'Order: Get Many',
			'order.removeValidation': 'Order: Remove Validation',
			'order.updateReference': 'Order: Update Reference',
			'order.validate': 'Order: Validate',
		});
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

	it('documents the reliability options with their bounds', () => {
		const options = property('options', 'get').options as INodeProperties[];
		const byName = Object.fromEntries(options.map((option) => [option.name, option]));
		expect(byName.concurrency).toMatchObject({
			default: 5,
			typeOptions: { minValue: 1, maxValue: 100 },
		});
		expect(byName.maxRetries).toMatchObject({
			default: 3,
			typeOptions: { minValue: 0, maxValue: 10 },
		});
		expect(byName.timeout).toMatchObject({ default: 30_000, typeOptions: { minValue: 1 } });
	});

	it('ships a codex with categories and documentation links', () => {
		expect(codex.node).toBe('n8n-nodes-norce-checkout.norceCheckoutOrder');
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
		expect(codex.resources.credentialDocumentation[0].url).toMatch(/^https:\/\//);
	});
});

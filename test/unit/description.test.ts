import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { NorceApi } from '../../credentials/NorceApi.credentials';
import { NorceCheckoutOrder } from '../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import codex from '../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node.json';

const { description } = new NorceCheckoutOrder();
const credential = new NorceApi();

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
			order: [
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
			],
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
		[
			'orderId',
			[
				'addValidation',
				'delete',
				'get',
				'removeValidation',
				'updateAddress',
				'updateAttributes',
				'updateCart',
				'updateReference',
				'updateState',
				'validate',
			],
		],
		['validationId', ['removeValidation']],
		['reference', ['updateReference']],
		['output', ['validate']],
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

	it('has the documented defaults and choices', () => {
		expect(property('output', 'validate')).toMatchObject({ default: 'validations' });
		expect(optionValues(property('output', 'validate'))).toEqual(['validations', 'summary']);
		expect(property('returnAll', 'getMany').default).toBe(false);
		expect(property('limit', 'getMany').default).toBe(50);
		const filters = property('filters', 'getMany');
		expect(optionValues(filters).sort()).toEqual(
			['cartReference', 'dateFrom', 'dateTo', 'reference', 'search', 'status'].sort(),
		);
		const status = (filters.options as INodeProperties[]).find(
			(option) => option.name === 'status',
		);
		expect(optionValues(status as INodeProperties).sort()).toEqual([
			'accepted',
			'checkout',
			'completed',
			'declined',
			'processing',
			'removed',
		]);
	});

	it('shows display names in the subtitle, not raw values', () => {
		const subtitle = String(description.subtitle);
		const lookup = JSON.parse(/^=\{\{ (\{.*\})\[/.exec(subtitle)?.[1] ?? '{}');
		expect(lookup['order.updateReference']).toBe('Order: Update Reference');
		expect(subtitle).toContain('[$parameter["resource"] + "." + $parameter["operation"]]');
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

describe('credential description', () => {
	it('has the fixed public names', () => {
		expect(credential.name).toBe('norceApi');
		expect(credential.displayName).toBe('Norce Checkout API');
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		expect(credential.properties.map((prop) => prop.name)).toEqual([
			'environment',
			'slug',
			'baseUrl',
			'merchant',
			'channel',
			'apiKey',
		]);
	});

	it('offers the four environments, playground first, and hides the API key', () => {
		const environment = credential.properties[0];
		expect(environment.default).toBe('playground');
		expect((environment.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'playground',
			'stage',
			'production',
			'custom',
		]);
		const byName = Object.fromEntries(credential.properties.map((prop) => [prop.name, prop]));
		expect(byName.apiKey.typeOptions).toEqual({ password: true });
		expect(byName.baseUrl.displayOptions).toEqual({ show: { environment: ['custom'] } });
		expect(byName.slug.displayOptions).toEqual({ hide: { environment: ['custom'] } });
	});

	it('tests the credential with a real list call and authenticates every request', () => {
		expect(credential.test.request).toMatchObject({
			method: 'GET',
			url: '/api/v0/checkout/orders',
			qs: { limit: 1 },
		});
		expect(typeof credential.authenticate).toBe('function');
	});
});

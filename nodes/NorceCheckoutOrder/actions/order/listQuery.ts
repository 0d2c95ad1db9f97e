import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getOptionParameter } from '../../helpers/parameters';

/**
 * Get Many's sort and customer filters. Norce documents them for the v1 order list
 * (`GetCheckoutOrders`: `order_by`, `order_by_direction`, `billing_emails[]` …) and the
 * `OrderListOrderBy` schema for v0 as well; that the v0 list takes the same names is inferred
 * (norce-order-api.md §5, §10). Lists are sent as repeated keys, as Get Many sends statuses.
 */

const SORT_FIELDS = [
	{ name: 'Created', value: 'created' },
	{ name: 'Billing Email', value: 'billingEmail' },
	{ name: 'Billing Name', value: 'billingName' },
	{ name: 'Cart Total', value: 'cartTotal' },
];

const SORT_DIRECTIONS = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Descending', value: 'desc' },
];

/** Sort: left out, Norce's own order (newest first) applies. */
export const sortProperty: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'collection',
	placeholder: 'Add sort',
	default: {},
	options: [
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			options: SORT_DIRECTIONS,
			default: 'desc',
			description: 'Sent as order_by_direction',
		},
		{
			displayName: 'Field',
			name: 'field',
			type: 'options',
			options: SORT_FIELDS,
			default: 'created',
			description: 'Sent as order_by',
		},
	],
};

/** Sort parameter → Norce query name, label and allowed values. */
const SORT_QUERY = [
	{ name: 'field', query: 'order_by', label: 'Sort Field', options: SORT_FIELDS },
	{
		name: 'direction',
		query: 'order_by_direction',
		label: 'Sort Direction',
		options: SORT_DIRECTIONS,
	},
];

/** order_by / order_by_direction for the item's Sort, each only when set. */
export function sortQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const sort = context.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const { name, query: queryName, label, options } of SORT_QUERY) {
		if (sort[name] === undefined) continue;
		query[queryName] = getOptionParameter(context, `sort.${name}`, label, options, itemIndex);
	}
	return query;
}

/** Filter parameter → Norce query name and what it matches (v1 names, inferred for v0). */
const ADDRESS_FILTERS: Array<{ name: string; query: string; displayName: string; what: string }> = [
	{
		name: 'billingEmails',
		query: 'billing_emails',
		displayName: 'Billing Emails',
		what: 'billing email',
	},
	{
		name: 'billingNames',
		query: 'billing_names',
		displayName: 'Billing Names',
		what: 'billing name',
	},
	{
		name: 'billingPhones',
		query: 'billing_phones',
		displayName: 'Billing Phones',
		what: 'billing phone',
	},
	{
		name: 'billingCountries',
		query: 'billing_countries',
		displayName: 'Billing Countries',
		what: 'billing country (ISO 3166 alpha-2, e.g. SE)',
	},
	{
		name: 'shippingEmails',
		query: 'shipping_emails',
		displayName: 'Shipping Emails',
		what: 'shipping email',
	},
	{
		name: 'shippingNames',
		query: 'shipping_names',
		displayName: 'Shipping Names',
		what: 'shipping name',
	},
	{
		name: 'shippingPhones',
		query: 'shipping_phones',
		displayName: 'Shipping Phones',
		what: 'shipping phone',
	},
	{
		name: 'shippingCountries',
		query: 'shipping_countries',
		displayName: 'Shipping Countries',
		what: 'shipping country (ISO 3166 alpha-2, e.g. SE)',
	},
	{
		name: 'countries',
		query: 'countries',
		displayName: 'Countries',
		what: "order's country (ISO 3166 alpha-2, e.g. SE)",
	},
];

export const addressFilterProperties: INodeProperties[] = ADDRESS_FILTERS.map(
	({ name, query, displayName, what }) => ({
		displayName,
		name,
		type: 'string',
		default: '',
		description: `Only orders with one of these values as ${what}; several separated by commas. Sent as ${query}.`,
	}),
);

/** A comma-separated text or a list (from an expression) as the values to send. */
function listValues(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** The customer filters that are set, each as a list (repeated query keys). */
export function addressFilterQuery(filters: IDataObject): IDataObject {
	const query: IDataObject = {};
	for (const { name, query: queryName } of ADDRESS_FILTERS) {
		const values = listValues(filters[name]);
		if (values.length > 0) query[queryName] = values;
	}
	return query;
}

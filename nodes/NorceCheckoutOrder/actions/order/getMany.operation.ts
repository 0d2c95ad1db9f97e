import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, returnAllProperties } from '../../helpers/properties';
import { getWanted, queryValue } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';
import { getSimplify, simplifyOrder, simplifyProperties } from './simplify';
import { addressFilterProperties, addressFilterQuery, sortProperty, sortQuery } from './listQuery';
import { ORDER_STATUS_OPTIONS } from '../../../../shared/orderStatuses';
import { norceDateQuery } from '../../../../shared/norceTime';

const filterOptions: INodeProperties[] = [
	{
		displayName: 'Cart Reference',
		name: 'cartReference',
		type: 'string',
		default: '',
		description: 'Only the order with this cart reference (for example the basket ID)',
	},
	{
		displayName: 'Date From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		description: 'Only orders created at or after this time (UTC when no zone is given)',
	},
	{
		displayName: 'Date To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		description: 'Only orders created at or before this time (UTC when no zone is given)',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: 'Only orders with this external reference',
	},
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Free-text search, as in the Norce Checkout admin',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		options: ORDER_STATUS_OPTIONS,
		default: [],
		description: 'Only orders in one of these states',
	},
	...addressFilterProperties,
];

const properties: INodeProperties[] = [
	...returnAllProperties,
	...simplifyProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: filterOptions.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	sortProperty,
];

export const option: OperationModule['option'] = {
	name: 'Get Many',
	description:
		'List orders, filtered by status, reference, search text, creation date or customer, and sorted',
	action: 'Get many orders',
};

export const description = operationProperties(properties, {
	changesOrder: false,
});

/** Filter parameter → Norce query parameter (v0 uses snake_case). */
const QUERY_NAMES: Record<string, string> = {
	status: 'status',
	reference: 'reference',
	cartReference: 'cart_reference',
	search: 'search',
	dateFrom: 'date_from',
	dateTo: 'date_to',
};

const DATE_FILTERS: Record<string, string> = { dateFrom: 'Date From', dateTo: 'Date To' };

function filterQuery(context: IExecuteFunctions, itemIndex: number, filters: IDataObject) {
	const query: IDataObject = {};
	for (const [name, queryName] of Object.entries(QUERY_NAMES)) {
		let value = queryValue(filters[name]);
		if (typeof value === 'string' && name in DATE_FILTERS) {
			// Without a zone the date is UTC, as Norce's own timestamps, never the host's zone.
			const sent = norceDateQuery(value);
			if (sent === undefined) {
				throw new NodeOperationError(
					context.getNode(),
					`${DATE_FILTERS[name]} is not a date (item ${itemIndex})`,
					{
						itemIndex,
						description: `Use an ISO 8601 date or date-time, e.g. 2026-05-01 or 2026-05-01T10:00:00Z (no zone = UTC). Got "${value.slice(0, 60)}".`,
					},
				);
			}
			value = sent;
		}
		if (value !== undefined) query[queryName] = value;
	}
	return query;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const wanted = getWanted(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = {
		...filterQuery(this, itemIndex, filters),
		...addressFilterQuery(filters),
		...sortQuery(this, itemIndex),
	};

	const orders = await norce.readPages({
		path: ['orders'],
		qs: query,
		wanted,
		subject: 'the order list',
		what: 'orders',
	});
	return getSimplify(this, itemIndex) ? orders.map(simplifyOrder) : orders;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { norceApiError } from '../../../../shared/transport';
import type { NorceClient } from '../../../../shared/transport';
import { operationProperties } from '../descriptions';
import type { OperationModule } from '../registry';
import { simplifyOrder } from './simplify';
import { ORDER_STATUS_OPTIONS } from './statuses';

/** Largest page asked for; Return All walks offset/limit pages of this size. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only ID, reference, status, created, total, currency and customer email instead of the whole order',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
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
				description: 'Only orders created at or after this time',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only orders created at or before this time',
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
		],
	},
];

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List orders, filtered by status, reference, search text or creation date',
	action: 'Get many orders',
};

export const description = operationProperties('order', 'getMany', properties, {
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

function queryValue(value: unknown): string | string[] | undefined {
	if (Array.isArray(value)) return value.length ? value.map(String) : undefined;
	if (value && typeof value === 'object' && 'toISO' in value) {
		return (value as { toISO: () => string }).toISO(); // a Luxon DateTime from an expression
	}
	const text = value === undefined || value === null ? '' : String(value).trim();
	return text === '' ? undefined : text;
}

function filterQuery(filters: IDataObject): IDataObject {
	const query: IDataObject = {};
	for (const [name, queryName] of Object.entries(QUERY_NAMES)) {
		const value = queryValue(filters[name]);
		if (value !== undefined) query[queryName] = value;
	}
	return query;
}

interface OrderPage {
	orders: IDataObject[];
	totalSize?: number;
}

/** `{ data, pagination }` as documented; a bare array is accepted too. */
function readPage(body: unknown): OrderPage | undefined {
	if (Array.isArray(body)) return { orders: body as IDataObject[] };
	if (!body || typeof body !== 'object' || !Array.isArray((body as IDataObject).data)) {
		return undefined;
	}
	const { data, pagination } = body as { data: IDataObject[]; pagination?: IDataObject };
	const totalSize = Number(pagination?.totalSize);
	return { orders: data, totalSize: Number.isFinite(totalSize) ? totalSize : undefined };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const wanted = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const query = filterQuery(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);

	const orders: IDataObject[] = [];
	let offset = 0;
	while (orders.length < wanted) {
		const limit = Math.min(PAGE_SIZE, wanted - orders.length);
		const response = await norce.request({
			method: 'GET',
			path: ['orders'],
			qs: { ...query, offset, limit },
			safeToRepeat: true,
			subject: 'the order list',
		});
		const page = readPage(response.body);
		if (page === undefined) {
			throw norceApiError(
				{ node: this.getNode(), itemIndex },
				`Norce Checkout answered the order list with something that is not a page of orders [HTTP ${response.statusCode}]`,
				'Expected {data: [...], pagination: {...}}. Check the environment or Base URL of the credential.',
				{ httpCode: String(response.statusCode) },
			);
		}
		orders.push(...page.orders.slice(0, wanted - orders.length));
		offset += page.orders.length;
		const exhausted =
			page.orders.length === 0 ||
			(page.totalSize !== undefined ? offset >= page.totalSize : page.orders.length < limit);
		if (exhausted) break;
	}
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return simplify ? orders.map(simplifyOrder) : orders;
}

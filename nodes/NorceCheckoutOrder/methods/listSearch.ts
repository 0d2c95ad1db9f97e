/**
 * The From List pickers of the ID parameters: what the editor shows when a user opens one.
 * Every request goes through the transport like the node's own. Orders and notification events
 * are searched and paged by Norce; an order's parts (payments, shippings, …) come in one answer
 * for the order picked first, and the search text filters them here.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { headerOption } from '../../../shared/headerOption';
import { field, orderStatus, orderTotal } from '../../../shared/order';
import type { NorceClient } from '../../../shared/transport';
import {
	DEFAULT_MAX_RETRIES,
	DEFAULT_RETRY_TIMING,
	DEFAULT_TIMEOUT_MS,
	createNorceClient,
	openNorceSession,
} from '../../../shared/transport';
import { orderIdOfReference } from '../helpers/orderReference';
import { ORDER_ID, readIdLocator } from '../helpers/parameters';

/** Entries per page of a list Norce pages (orders, notification events). */
const SEARCH_PAGE_SIZE = 50;

/** A client with the node's Channel option (when it is a plain value) and default settings. */
async function norceFor(context: ILoadOptionsFunctions): Promise<NorceClient> {
	const session = await openNorceSession(context);
	const options = context.getCurrentNodeParameter('options') as IDataObject | undefined;
	const channelOption = options?.channel;
	// An expression is resolved only when the node runs: the credential's channel then.
	const channel =
		typeof channelOption === 'string' && channelOption.startsWith('=')
			? undefined
			: headerOption(context.getNode(), channelOption, 'Channel');
	return createNorceClient(
		context,
		session,
		{
			channel: channel ?? session.connection.channel,
			maxRetries: DEFAULT_MAX_RETRIES,
			timeoutMs: DEFAULT_TIMEOUT_MS,
		},
		{ timing: DEFAULT_RETRY_TIMING },
	);
}

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** "a · b · c" from the parts that have a value. */
function joined(...parts: unknown[]): string {
	return parts.map(text).filter(Boolean).join(' · ');
}

/** A Norce timestamp as "2026-04-14 08:12" (UTC, as Norce writes it). */
function shortTime(value: unknown): string {
	const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text(value));
	return match ? `${match[1]} ${match[2]}` : text(value);
}

function money(amount: unknown, currency?: unknown): string {
	return text(amount) === '' ? '' : `${text(amount)}${text(currency) ? ` ${text(currency)}` : ''}`;
}

function customerOf(order: IDataObject): string {
	const customer = order.customer;
	for (const side of ['billing', 'shipping']) {
		const address = field(customer, side);
		const name = [field(address, 'givenName'), field(address, 'familyName')]
			.map(text)
			.filter(Boolean)
			.join(' ');
		const shown = name || text(field(address, 'organizationName')) || text(field(address, 'email'));
		if (shown) return shown;
	}
	return '';
}

/** The entries whose name or ID contains the search text (any case). */
function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = (filter ?? '').trim().toLowerCase();
	if (needle === '') return items;
	return items.filter(
		(item) =>
			item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle),
	);
}

/** Entries with an ID (anything else cannot be picked), named by `name`. */
function entriesOf(
	list: unknown,
	name: (entry: IDataObject) => string,
	filter?: string,
): INodeListSearchResult {
	const entries = Array.isArray(list) ? (list as unknown[]) : [];
	const items = entries
		.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object')
		.filter((entry) => text(entry.id) !== '')
		.map((entry) => ({ name: name(entry) || text(entry.id), value: text(entry.id) }));
	return { results: matching(items, filter) };
}

function pickFirst(context: ILoadOptionsFunctions, label: string): never {
	throw new NodeOperationError(context.getNode(), `Pick the ${label} first`, {
		description: `The list shows what belongs to the chosen ${label}. Choose it From List or By ID above; an expression is only resolved when the node runs.`,
	});
}

/** The ID of the order chosen above in the panel (any mode; By Reference is looked up). */
async function chosenOrderId(context: ILoadOptionsFunctions, norce: NorceClient): Promise<string> {
	const { mode, value } = readIdLocator(context.getCurrentNodeParameter(ORDER_ID));
	const chosen = text(value);
	if (chosen === '' || chosen.startsWith('=')) pickFirst(context, 'order');
	return mode === 'reference' ? await orderIdOfReference(norce, context.getNode(), chosen) : chosen;
}

function chosenId(context: ILoadOptionsFunctions, name: string, label: string): string {
	const chosen = text(readIdLocator(context.getCurrentNodeParameter(name)).value);
	if (chosen === '' || chosen.startsWith('=')) pickFirst(context, label);
	return chosen;
}

async function chosenOrder(context: ILoadOptionsFunctions) {
	const norce = await norceFor(context);
	const orderId = await chosenOrderId(context, norce);
	const order = await norce.readObject({
		path: ['orders', orderId],
		subject: `order "${orderId}"`,
		what: 'an order',
	});
	return { norce, orderId, order };
}

/** One page of an offset/limit list; the token is the next offset. */
function nextPageToken(offset: number, received: number, totalSize?: number): string | undefined {
	const next = offset + received;
	const more = totalSize !== undefined ? next < totalSize : received >= SEARCH_PAGE_SIZE;
	return received > 0 && more ? String(next) : undefined;
}

function offsetOf(paginationToken?: string): number {
	const offset = Number(paginationToken);
	return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** Orders, newest first, searched by Norce (`search`): "reference · customer · status · date". */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const norce = await norceFor(this);
	const offset = offsetOf(paginationToken);
	const search = (filter ?? '').trim();
	const page = await norce.readPage(
		{
			path: ['orders'],
			qs: {
				order_by: 'created',
				order_by_direction: 'desc',
				...(search === '' ? {} : { search }),
			},
			subject: 'the order list',
			what: 'orders',
		},
		offset,
		SEARCH_PAGE_SIZE,
	);
	const results = page.entries
		.filter((order) => text(order.id) !== '')
		.map((order) => ({
			name: joined(
				text(order.reference) || text(order.id),
				customerOf(order),
				orderStatus(order),
				shortTime(order.created),
				money(orderTotal(order), order.currency),
			),
			value: text(order.id),
		}));
	return {
		results,
		paginationToken: nextPageToken(offset, page.entries.length, page.totalSize),
	};
}

/**
 * A picker over a list of the chosen order (read in one answer), each entry named by `name`;
 * the search text filters the entries here.
 */
function orderPartSearch(
	read: (context: ILoadOptionsFunctions) => Promise<unknown>,
	name: (entry: IDataObject) => string,
) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		return entriesOf(await read(this), name, filter);
	};
}

/** A list of the chosen order that Norce serves on its own path (payments, shippings). */
async function listOfOrder(context: ILoadOptionsFunctions, part: 'payments' | 'shippings') {
	const norce = await norceFor(context);
	const orderId = await chosenOrderId(context, norce);
	return await norce.readList({
		path: ['orders', orderId, part],
		subject: `the ${part} of order "${orderId}"`,
		what: part,
	});
}

/** A list inside the chosen order (validations, consents, hooks, notifications). */
async function listInOrder(context: ILoadOptionsFunctions, part: string) {
	const { order } = await chosenOrder(context);
	return order[part];
}

/** The chosen order's payments: "name · type · state · amount". */
export const searchPayments = orderPartSearch(
	(context) => listOfOrder(context, 'payments'),
	(payment) =>
		joined(
			text(payment.name) || text(payment.adapterId),
			payment.type,
			payment.state,
			money(payment.amount, payment.currency),
		),
);

/** The chosen payment's actions: "type · adapter" (and a state, should Norce send one). */
export async function searchPaymentActions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const norce = await norceFor(this);
	const orderId = await chosenOrderId(this, norce);
	const paymentId = chosenId(this, 'paymentId', 'payment');
	const payment = await norce.readObject({
		path: ['orders', orderId, 'payments', paymentId],
		subject: `payment "${paymentId}" on order "${orderId}"`,
		what: 'a payment',
	});
	return entriesOf(
		payment.actions,
		(action) => joined(action.type, action.adapterId, action.state),
		filter,
	);
}

/** The chosen order's shippings: "name · state · carrier · total". */
export const searchShippings = orderPartSearch(
	(context) => listOfOrder(context, 'shippings'),
	(shipping) =>
		joined(
			text(shipping.name) || text(shipping.reference),
			shipping.state,
			field(shipping.deliveryDetails, 'carrier'),
			money(field(shipping.total, 'includingVat') ?? shipping.total),
		),
);

/** The chosen order's registered validations: "adapter · URL". */
export const searchValidations = orderPartSearch(
	(context) => listInOrder(context, 'validations'),
	(validation) =>
		joined(
			validation.adapterId,
			text(validation.description) || text(validation.url) || text(validation.invoke),
		),
);

/** The chosen order's consents: "ID: text (checked / not checked, required)". */
export const searchConsents = orderPartSearch(
	(context) => listInOrder(context, 'consents'),
	(consent) =>
		joined(
			consent.id,
			consent.text,
			consent.checked === true ? 'checked' : 'not checked',
			consent.required === true ? 'required' : '',
		),
);

/** The chosen order's hooks: "adapter · what it subscribes to · URL". */
export const searchHooks = orderPartSearch(
	(context) => listInOrder(context, 'hooks'),
	(hook) =>
		joined(
			hook.adapterId,
			text(hook.subscribeTo) || text(hook.scope) || text(hook.target),
			hook.invoke,
		),
);

/** The chosen order's notifications: "reference · scope · URL". */
export const searchNotifications = orderPartSearch(
	(context) => listInOrder(context, 'notifications'),
	(notification) =>
		joined(
			text(notification.reference) || text(notification.description),
			notification.scope,
			notification.invoke,
		),
);

/**
 * The channel's notification events, a page at a time as Norce lists them: "time · notification
 * · order". Norce filters the log by reference only, so the search text filters each page here.
 */
export async function searchNotificationEvents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const norce = await norceFor(this);
	const offset = offsetOf(paginationToken);
	const page = await norce.readPage(
		{
			service: 'notification',
			path: ['events'],
			qs: { channel: norce.channel },
			subject: 'the notification event list',
			what: 'notification events',
		},
		offset,
		SEARCH_PAGE_SIZE,
	);
	const { results } = entriesOf(
		page.entries,
		(event) =>
			joined(
				shortTime(event.createdAt),
				text(field(event.notification, 'reference')) ||
					text(field(event.notification, 'description')),
				event.orderId,
			),
		filter,
	);
	return {
		results,
		paginationToken: nextPageToken(offset, page.entries.length, page.totalSize),
	};
}

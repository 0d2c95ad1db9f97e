import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { hasControlCharacters } from '../../../shared/connection';
import { headerOption } from '../../../shared/headerOption';
import { orderIdOfReference } from './orderReference';
import type { NorceClient, RequestSettings } from '../../../shared/transport';
import {
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
	hasLoneSurrogate,
	isDotSegment,
} from '../../../shared/transport';

/** Reading and checking the operations' parameters, before any request is sent. */

/** Norce IDs are short (`o_…`, `oc_…`); anything this long is a mapping mistake, not an ID. */
const MAX_ID_LENGTH = 512;

export const DEFAULT_CONCURRENCY = 5;
export const MAX_CONCURRENCY = 100;

function invalid(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
) {
	return new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

/** An ID parameter as saved: a resource locator's mode and value, or (older workflows) the value. */
export interface IdLocator {
	mode: string;
	value: unknown;
}

/**
 * The mode and value of an ID parameter. A plain string or number is what a workflow saved
 * before the IDs became resource locators (and what an expression or an AI agent may give for
 * the whole parameter): n8n's editor shows it as it is and n8n-core's extractValue passes it
 * through unchanged, so it is read as By ID.
 */
export function readIdLocator(raw: unknown): IdLocator {
	if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: typeof mode === 'string' && mode !== '' ? mode : 'id', value };
	}
	return { mode: 'id', value: raw };
}

/**
 * An ID (or order reference) as one URL path segment or query value. Blank, control
 * characters and the dot segments "." / ".." (which URL parsers resolve as directory steps) are
 * refused before any request; everything else is percent-encoded by the transport.
 */
export function checkIdValue(
	context: IExecuteFunctions,
	raw: unknown,
	label: string,
	itemIndex: number,
): string {
	const value = (typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '').trim();
	const where = `item ${itemIndex}`;
	if (value === '') {
		throw invalid(
			context,
			itemIndex,
			`${label} is empty (${where})`,
			`Set the "${label}" parameter; if it comes from an expression, check that the expression finds a value for this item.`,
		);
	}
	if (hasControlCharacters(value)) {
		throw invalid(
			context,
			itemIndex,
			`${label} contains a line break or control character (${where})`,
			`Remove the control characters from the "${label}" parameter.`,
		);
	}
	if (hasLoneSurrogate(value)) {
		throw invalid(
			context,
			itemIndex,
			`${label} holds half of a character pair (${where})`,
			`A lone surrogate (e.g. text cut in the middle of an emoji) cannot be sent in a URL. Check what the expression for "${label}" returns.`,
		);
	}
	// The transport refuses these too; say so here, naming parameter and item.
	if (isDotSegment(value)) {
		throw invalid(
			context,
			itemIndex,
			`${label} "${value}" is not a valid ID (${where})`,
			`"." and ".." (also percent-encoded) cannot be sent as an ID.`,
		);
	}
	if (value.length > MAX_ID_LENGTH) {
		throw invalid(
			context,
			itemIndex,
			`${label} is ${value.length} characters long (${where})`,
			`Norce IDs are short; at most ${MAX_ID_LENGTH} characters are accepted. Check what the expression returns.`,
		);
	}
	return value;
}

/**
 * How IDs are read: checkIdValue checks them, so n8n's own check is skipped. That check looks up
 * the parameter among the node's properties for every item (n8n-core
 * validate-value-against-schema.js, `properties.find` with `displayParameter`), and this node has
 * one ID property per operation; for an ID it finds nothing to check (no `validateType`).
 */
const ID_READ = { skipValidation: true };

/** The order ID parameter's name: the one ID that can also be given By Reference. */
export const ORDER_ID = 'orderId';

/**
 * Reads an ID parameter that becomes one URL path segment, in From List or By ID mode of its
 * resource locator or as a plain value saved by an older workflow; every mode gets the same
 * checks (checkIdValue). Only an order can be given By Reference: see getOrderId.
 */
export function getIdParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return idOf(context, context.getNodeParameter(name, itemIndex, '', ID_READ), label, itemIndex);
}

function idOf(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number) {
	const { mode, value } = readIdLocator(raw);
	const checked = checkIdValue(context, value, label, itemIndex);
	if (mode !== 'reference') return checked;
	throw invalid(
		context,
		itemIndex,
		`${label} cannot be given By Reference here (item ${itemIndex})`,
		`Only an order can be picked by its reference. Choose "From List" or "By ID" for "${label}".`,
	);
}

/**
 * The item's Order ID: as given From List or By ID, or, By Reference, the ID of the one order
 * with that external reference (one request first: orderReference.ts). The parameter is read
 * once: an expression in it costs as much CPU as the request itself.
 */
export async function getOrderId(
	context: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<string> {
	const raw = context.getNodeParameter(ORDER_ID, itemIndex, '', ID_READ);
	const { mode, value } = readIdLocator(raw);
	if (mode !== 'reference') return idOf(context, raw, 'Order ID', itemIndex);
	const reference = checkIdValue(context, value, 'Order ID', itemIndex);
	return await orderIdOfReference(norce, context.getNode(), reference, itemIndex);
}

/** An options parameter; an expression may produce anything, so the value is checked. */
export function getOptionParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	options: INodePropertyOptions[],
	itemIndex: number,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const allowed = options.map((option) => String(option.value));
	if (!allowed.includes(value)) {
		throw invalid(
			context,
			itemIndex,
			`${label} "${value}" is not one of ${allowed.join(', ')} (item ${itemIndex})`,
			`Set "${label}" to one of the listed values; if it comes from an expression, check what it returns.`,
		);
	}
	return value;
}

/** How many entries a list operation returns: Infinity for Return All, else Limit. */
export function getWanted(context: IExecuteFunctions, itemIndex: number): number {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Infinity : (context.getNodeParameter('limit', itemIndex, 50) as number);
}

/** A filter value as a query value; undefined when empty (the filter is then left out). */
export function queryValue(value: unknown): string | string[] | undefined {
	if (Array.isArray(value)) return value.length ? value.map(String) : undefined;
	if (value && typeof value === 'object' && 'toISO' in value) {
		return (value as { toISO: () => string }).toISO(); // a Luxon DateTime from an expression
	}
	const text = value === undefined || value === null ? '' : String(value).trim();
	return text === '' ? undefined : text;
}

function boundedInteger(value: unknown, fallback: number, min: number, max: number): number {
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return fallback;
	return Math.min(max, Math.max(min, Math.floor(number)));
}

/** The `options` collection of one item, as request settings. */
export function getRequestSettings(
	context: IExecuteFunctions,
	itemIndex: number,
	credentialChannel: string,
): RequestSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const node = context.getNode();
	return {
		channel: headerOption(node, options.channel, 'Channel', itemIndex) ?? credentialChannel,
		adapterId: headerOption(node, options.adapterId, 'Adapter ID', itemIndex),
		maxRetries: boundedInteger(options.maxRetries, DEFAULT_MAX_RETRIES, 0, 10),
		timeoutMs: boundedInteger(options.timeout, DEFAULT_TIMEOUT_MS, 1, 600_000),
	};
}

/** Whether a raw parameter value holds an expression anywhere (a string starting with "="). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * Whether every item has the same request settings: n8n resolves a parameter whose raw value
 * holds no expression to the same value for every item, so Options are then read once per run
 * (reading them costs about as much CPU as a request's own work in n8n).
 */
export function sameSettingsForEveryItem(context: IExecuteFunctions): boolean {
	return !holdsExpression(context.getNode().parameters.options);
}

/** Per run: each plain parameter's value, or PER_ITEM for one that holds an expression. */
const runConstants = new WeakMap<IExecuteFunctions, Map<string, unknown>>();
const PER_ITEM = Symbol('read per item');

/**
 * A parameter that is a plain value (text, number, boolean) with no expression: n8n resolves
 * it to the same value for every item, at about a tenth of a request's own CPU per read, so it
 * is read once per run. Anything else is read for the item, as getNodeParameter does.
 */
export function getItemParameter<T extends string | number | boolean>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: T,
): T {
	let constants = runConstants.get(context);
	if (constants === undefined) runConstants.set(context, (constants = new Map()));
	if (!constants.has(name)) {
		// getNode() copies the whole node: looked at once per run, not per item.
		const raw = context.getNode().parameters[name];
		const perItem = typeof raw === 'object' || holdsExpression(raw);
		constants.set(name, perItem ? PER_ITEM : context.getNodeParameter(name, itemIndex, fallback));
	}
	const constant = constants.get(name);
	if (constant !== PER_ITEM) return constant as T;
	return context.getNodeParameter(name, itemIndex, fallback) as T;
}

/** How many items are in flight at once; read once per run from the first item. */
export function getConcurrency(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	return boundedInteger(options.concurrency, DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
}

import type { INodeProperties } from 'n8n-workflow';

import { channelOption, optionsCollection } from '../../../shared/properties';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../../../shared/transport';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './parameters';

/** The parameters of the operations: IDs, lists, and the Options collection every one has. */

/**
 * A required ID that becomes one URL path segment (read with getIdParameter): picked From List,
 * typed By ID, or (orders) By Reference. A resource locator like n8n's own nodes; a plain string
 * saved by an older workflow is still read as the ID (n8n's editor shows it as it is, and
 * getIdParameter takes it as By ID), so the parameter keeps its name and type version 1 works.
 */
function idProperty(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
	searchListMethod: string,
	{ byReference = false } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${displayName.replace(/ ID$/, '').toLowerCase()}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
			...(byReference
				? [
						{
							displayName: 'By Reference',
							name: 'reference',
							type: 'string' as const,
							placeholder: 'e.g. NC-100482',
							hint: "Looked up with the order list's reference filter; exactly one order must have it",
						},
					]
				: []),
		],
	};
}

export const orderIdProperty = idProperty(
	'Order ID',
	'orderId',
	'e.g. o_yClTSySjyAuuBjmiBlHCjuEcTf',
	'The Norce Checkout order: picked from the list, its ID, or its external reference',
	'searchOrders',
	{ byReference: true },
);
export const paymentIdProperty = idProperty(
	'Payment ID',
	'paymentId',
	'e.g. p_aBcD1234',
	'The payment of the order (see the "payments" list of Get Order)',
	'searchPayments',
);
export const actionIdProperty = idProperty(
	'Action ID',
	'actionId',
	'e.g. pa_aBcD1234',
	'The payment action (see the "actions" list of Get Payment)',
	'searchPaymentActions',
);
export const shippingIdProperty = idProperty(
	'Shipping ID',
	'shippingId',
	'e.g. s_aBcD1234',
	'The shipping of the order (see the "shippings" list of Get Order)',
	'searchShippings',
);
export const validationIdProperty = idProperty(
	'Validation ID',
	'validationId',
	'e.g. oc_aBcD1234',
	'The validation registered on the order (see the "validations" list of Get Order)',
	'searchValidations',
);
export const consentIdProperty = idProperty(
	'Consent ID',
	'consentId',
	'e.g. ci_newsletter',
	'The consent of the order (see the "consents" list of Get Order)',
	'searchConsents',
);
export const hookIdProperty = idProperty(
	'Hook ID',
	'hookId',
	'e.g. oh_aBcD1234',
	'The hook of the order (see the "hooks" list of Get Order)',
	'searchHooks',
);
export const notificationIdProperty = idProperty(
	'Notification ID',
	'notificationId',
	'e.g. on_aBcD1234',
	'The notification of the order (see the "notifications" list of Get Order)',
	'searchNotifications',
);
export const eventIdProperty = idProperty(
	'Event ID',
	'eventId',
	'e.g. 5b3e1c04-8f2a-4d6b-9e71-0a4c2f8d6b13',
	'The notification event (see Get Many of notification events)',
	'searchNotificationEvents',
);

/** Return All, or Limit: for every list that Norce pages. */
export const returnAllProperties: INodeProperties[] = [
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
];

/** Which order shape Norce sends to a hook or notification URL. */
export const orderVersionProperty: INodeProperties = {
	displayName: 'Order Version',
	name: 'version',
	type: 'options',
	options: [
		{ name: 'V0', value: 'v0' },
		{ name: 'V1', value: 'v1' },
	],
	default: 'v0',
	description: 'The version of the order body Norce sends to the URL',
};

const adapterIdOption: INodeProperties = {
	displayName: 'Adapter ID',
	name: 'adapterId',
	type: 'string',
	default: '',
	placeholder: 'e.g. qliro_checkout_adapter',
	description:
		'Sent as the x-adapterid header: hooks that belong to this adapter are not triggered by this change. Leave empty unless you act on behalf of an adapter.',
};

const nodeChannelOption = channelOption(
	"Overrides the credential's channel (x-channel header) for this node, so one credential serves several channels",
);

/** How the node sends requests: the same for every operation. */
const reliabilityOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
		default: DEFAULT_CONCURRENCY,
		description:
			'How many items are sent to Norce at the same time. 1 processes items strictly one after another. Output order always follows input order.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often a request is retried after a 429, 502, 503 or 504 answer (and, for requests that are safe to repeat, after a connection failure), waiting with exponential backoff or as long as Retry-After asks, at most 30 seconds each time. 0 disables retries.',
	},
	{
		displayName: 'Timeout (Milliseconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_MS,
		description: 'How long to wait for each answer from Norce, in milliseconds',
	},
];

export interface OperationShape {
	/** The request changes the order: only then can x-adapterid (hook suppression) matter. */
	changesOrder: boolean;
	/** The operation's own options, merged into the same collection. */
	options?: INodeProperties[];
}

/**
 * An operation's parameters followed by its Options collection: the operation's own options
 * plus the channel and reliability ones. The registry shows them only for that operation.
 */
export function operationProperties(
	properties: INodeProperties[],
	shape: OperationShape,
): INodeProperties[] {
	return [
		...properties,
		optionsCollection([
			...(shape.changesOrder ? [adapterIdOption] : []),
			nodeChannelOption,
			...reliabilityOptions,
			...(shape.options ?? []),
		]),
	];
}

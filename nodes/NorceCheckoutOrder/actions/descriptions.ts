import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
	MAX_CONCURRENCY,
} from './parameters';

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. o_yClTSySjyAuuBjmiBlHCjuEcTf',
	description: 'The ID of the Norce Checkout order',
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

const channelOption: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'string',
	default: '',
	placeholder: 'e.g. se',
	description:
		"Overrides the credential's channel (x-channel header) for this node, so one credential serves several channels",
};

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
 * An operation's parameters, shown only for that resource and operation, followed by its
 * Options collection: the operation's own options plus the channel and reliability ones.
 */
export function operationProperties(
	resource: string,
	operation: string,
	properties: INodeProperties[],
	shape: OperationShape,
): INodeProperties[] {
	const options = [
		...(shape.changesOrder ? [adapterIdOption] : []),
		channelOption,
		...reliabilityOptions,
		...(shape.options ?? []),
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, [
		...properties,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options,
		},
	]);
}

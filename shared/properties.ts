import type { INodeProperties } from 'n8n-workflow';

import { ORDER_STATUS_OPTIONS } from './orderStatuses';

/** Parameters that all three nodes offer, with the text that says what they do in each. */

/** The Options collection every node ends its parameters with, sorted as n8n's guidelines ask. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The Channel option: overrides the credential's channel; `description` says for what. */
export function channelOption(description: string): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		default: '',
		placeholder: 'e.g. se',
		description,
	};
}

/** The triggers' Simplify option: the event fields only, or the whole order added. */
export const eventSimplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the event fields (order ID, status, previous status, time, references, total) instead of adding the whole order',
};

/** The triggers' Statuses filter; `description` says which orders fire. */
export function statusesProperty(description: string): INodeProperties {
	return {
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: ORDER_STATUS_OPTIONS,
		default: [],
		description,
	};
}

import type { INodeProperties } from 'n8n-workflow';

import {
	channelOption,
	eventSimplifyOption,
	optionsCollection,
	statusesProperty,
} from '../../shared/properties';

export const notificationTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Publishing the workflow adds one notification to the channel\'s "static_notifications" configuration in Norce (and unpublishing removes it), so the API key needs the right to change the channel\'s configuration. Norce copies it into orders when they are created: orders created before publishing do not notify.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	// One event, so that the node creator lists it by name in the app's Triggers tab (the
	// creator reads the property called "Event"; without one it shows "On new … event").
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Order Status Changed',
				value: 'orderStatusChanged',
				description: 'An order moved to another status: Norce calls n8n at once',
				action: 'On order status changed (instant, from Norce notifications)',
			},
		],
		default: 'orderStatusChanged',
	},
	statusesProperty(
		'Only orders moving into one of these statuses fire. Empty fires for every status change.',
	),
	optionsCollection([
		channelOption(
			"Overrides the credential's channel: whose configuration gets the notification, and the x-channel header of the read-back",
		),
		eventSimplifyOption,
		{
			displayName: 'Verify',
			name: 'verify',
			type: 'boolean',
			default: true,
			description:
				'Whether to read each notified order back from Norce with the credential and emit what Norce says, instead of trusting the call. Norce does not sign its calls: with this off, anyone who learns the URL can start the workflow with made-up orders.',
		},
	]),
];

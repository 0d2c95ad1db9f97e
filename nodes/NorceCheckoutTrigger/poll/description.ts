import type { INodeProperties } from 'n8n-workflow';

import {
	channelOption,
	eventSimplifyOption,
	optionsCollection,
	statusesProperty,
} from '../../../shared/properties';

export const DEFAULT_LOOKBACK_DAYS = 30;
/**
 * Orders in the window above which each poll's cost (one request per 100 orders, every poll)
 * calls for the Notification Trigger: 100 requests, about 5 s at 50 ms each (README, Cost).
 */
export const VOLUME_NOTICE_ORDERS = 10_000;

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Order Created',
				value: 'orderCreated',
				description: 'An order was created',
				action: 'On order created (polls on a schedule)',
			},
			{
				name: 'Order Status Changed',
				value: 'orderStatusChanged',
				description: 'An order moved to another status, e.g. processing or completed',
				action: 'On order status changed (polls on a schedule)',
			},
		],
		default: 'orderStatusChanged',
	},
	{
		displayName: `Each poll reads every order created in the lookback window, one request per 100 orders, whether or not it changed. With more than ${VOLUME_NOTICE_ORDERS.toLocaleString('en-US')} orders in that window, use the Norce Checkout Notification Trigger instead: Norce calls n8n on each change.`,
		name: 'volumeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: ['orderStatusChanged'] } },
	},
	statusesProperty(
		'Only orders created in, or moving into, one of these statuses fire. Empty fires for every status.',
	),
	optionsCollection([
		channelOption("Overrides the credential's channel (x-channel header) for this trigger"),
		{
			displayName: 'Lookback Days',
			name: 'lookbackDays',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 365 },
			default: DEFAULT_LOOKBACK_DAYS,
			description: 'For Order Status Changed: how far back orders are watched, by creation date',
			hint: 'Status changes of orders created longer ago than this are not seen. Every poll reads all orders of this window, so keep it as short as your orders take to complete.',
		},
		eventSimplifyOption,
	]),
];

import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { headerOption } from '../../shared/headerOption';
import { ORDER_STATUSES } from '../../shared/orderStatuses';
import type { NorceClient, RetryTiming } from '../../shared/transport';
import { isDotSegment, openTriggerClient } from '../../shared/transport';

export interface NotificationTriggerSettings {
	/** Known statuses only, in the order an order moves through them; empty = every change. */
	statuses: string[];
	/** The Channel option, when set; the credential's channel otherwise. */
	channel?: string;
	verify: boolean;
	simplify: boolean;
}

export interface TriggerDependencies {
	timing: RetryTiming;
}

type TriggerContext = IHookFunctions | IWebhookFunctions;

/** The node's parameters, checked before any request. */
export function readSettings(context: TriggerContext): NotificationTriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	// The channel is a header of the read-back and a path segment of the configuration document.
	const channel = headerOption(context.getNode(), options.channel, 'Channel');
	if (channel !== undefined && isDotSegment(channel)) {
		throw new NodeOperationError(context.getNode(), 'Channel is not a valid channel name', {
			description:
				'The Channel option is sent as the x-channel header and in the configuration URL: use plain letters, digits and punctuation, not "." or "..".',
		});
	}
	const chosen = (context.getNodeParameter('statuses', []) as unknown[]).map(String);
	return {
		statuses: ORDER_STATUSES.filter((status) => chosen.includes(status)),
		channel,
		verify: options.verify !== false,
		simplify: options.simplify !== false,
	};
}

/** A client for the configured channel, and the merchant and channel it speaks for. */
export async function connect(
	context: TriggerContext,
	settings: NotificationTriggerSettings,
	{ timing }: TriggerDependencies,
): Promise<{ norce: NorceClient; merchant: string; baseUrl: string }> {
	const { session, norce } = await openTriggerClient(context, settings.channel, timing);
	return { norce, merchant: session.connection.merchant, baseUrl: session.connection.baseUrl };
}

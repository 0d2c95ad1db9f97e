import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { hasControlCharacters } from '../../shared/connection';
import { eventsOf } from '../NorceCheckoutTrigger/poll/events';
import { claimUnseen } from './deliveries';
import type { NotificationTriggerSettings, TriggerDependencies } from './settings';
import { connect, readSettings } from './settings';

export interface ReceiveDependencies extends TriggerDependencies {
	/** The clock (ms), for when a change was first seen. */
	now: () => number;
}

const MAX_ORDER_ID_LENGTH = 200;

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The order of a delivery: `{notification, order}` as documented, or a bare order. */
export function deliveredOrder(body: unknown): IDataObject | undefined {
	if (!isObject(body)) return undefined;
	if (isObject(body.order)) return body.order;
	return 'notification' in body ? undefined : body;
}

function orderIdOf(order: IDataObject | undefined): string | undefined {
	const id = order?.id;
	return typeof id === 'string' &&
		id !== '' &&
		id.length <= MAX_ORDER_ID_LENGTH &&
		!hasControlCharacters(id)
		? id
		: undefined;
}

/** Norce's timestamps are UTC; one without an offset is read as UTC, not in the host's zone. */
function utcMs(timeStamp: unknown): number {
	const text = String(timeStamp ?? '');
	const zoned = /(?:z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
	return Date.parse(zoned);
}

/** Identifies a status change across deliveries: order, status and transition time. */
function changeKey(json: IDataObject): string {
	const ms = utcMs(json.changedAt);
	return `${String(json.orderId)}|${String(json.status)}|${Number.isFinite(ms) ? ms : String(json.changedAt)}`;
}

/** The order as Norce has it now, or undefined when Norce does not know it in this channel. */
async function readBack(
	context: IWebhookFunctions,
	settings: NotificationTriggerSettings,
	dependencies: TriggerDependencies,
	orderId: string,
): Promise<IDataObject | undefined> {
	const { norce } = await connect(context, settings, dependencies);
	const { statusCode, body } = await norce.request({
		method: 'GET',
		path: ['orders', orderId],
		safeToRepeat: true,
		subject: `order "${orderId}"`,
		isResult: (answer) => answer.statusCode === 404,
	});
	if (statusCode === 404 || !isObject(body) || body.id !== orderId) return undefined;
	return body;
}

/**
 * One call to the webhook: answered 200 at once (Norce only needs to know it arrived), then
 * the order is read back from Norce (with Verify) and each status change not emitted before
 * becomes one item. A call about an order Norce does not know emits nothing.
 */
export async function receive(
	context: IWebhookFunctions,
	dependencies: ReceiveDependencies,
): Promise<IWebhookResponseData> {
	const settings = readSettings(context);
	context.getResponseObject().status(200).json({ received: true });
	const nothing: IWebhookResponseData = { noWebhookResponse: true };

	const delivered = deliveredOrder(context.getBodyData());
	const orderId = orderIdOf(delivered);
	if (orderId === undefined) {
		context.logger.info(
			'Norce Checkout Notification Trigger: a call without an order id was ignored',
		);
		return nothing;
	}
	let order = delivered;
	if (settings.verify) {
		try {
			order = await readBack(context, settings, dependencies, orderId);
		} catch (error) {
			// The call was already answered: n8n's log is the only place left to say it.
			context.logger.error(
				`Norce Checkout Notification Trigger: could not read order "${orderId}" back from Norce, so its status change was not emitted: ${(error as Error).message}. Retry the delivery from Norce's Notification Service log (Norce Checkout Order node: Notification Event → Retry) once Norce answers again.`,
			);
			return nothing;
		}
		if (order === undefined) {
			context.logger.info(
				`Norce Checkout Notification Trigger: a call about order "${orderId}", which Norce does not know in this channel, was ignored`,
			);
			return nothing;
		}
	}
	const events = eventsOf(
		order as IDataObject,
		'orderStatusChanged',
		settings.statuses,
		settings.simplify,
	).sort((a, b) => utcMs(a.json.changedAt) - utcMs(b.json.changedAt));
	const keys = events.map((event) => changeKey(event.json));
	// A test listener's calls must not use up the live trigger's memory (Norce calls both).
	const trigger = `${context.getMode()}:${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const unseen = claimUnseen(
		trigger,
		context.getWorkflowStaticData('node'),
		keys,
		dependencies.now(),
	);
	const items = events
		.filter((_, index) => unseen.has(keys[index]))
		.map((event) => ({ json: event.json }));
	return items.length === 0 ? nothing : { noWebhookResponse: true, workflowData: [items] };
}

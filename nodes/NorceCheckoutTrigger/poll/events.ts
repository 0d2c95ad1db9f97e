import type { IDataObject } from 'n8n-workflow';

export type TriggerEvent = 'orderCreated' | 'orderStatusChanged';

/** One event found in an order, before it is emitted. */
export interface OrderEvent {
	/** Identifies the event across polls: the same order change always gives the same key. */
	key: string;
	/** Milliseconds since the epoch: when the order was created or changed status. */
	at: number;
	json: IDataObject;
}

interface Transition {
	status: string;
	at: number;
	timeStamp: string;
}

function transitionsOf(order: IDataObject): Transition[] {
	const state = (order.state ?? {}) as IDataObject;
	const transitions = Array.isArray(state.transitions) ? (state.transitions as IDataObject[]) : [];
	return transitions
		.map((transition) => ({
			status: String(transition.status ?? ''),
			timeStamp: String(transition.timeStamp ?? ''),
			at: Date.parse(String(transition.timeStamp ?? '')),
		}))
		.filter((transition) => transition.status !== '' && Number.isFinite(transition.at))
		.sort((a, b) => a.at - b.at);
}

function eventJson(
	event: TriggerEvent,
	order: IDataObject,
	status: string,
	previousStatus: string | null,
	changedAt: IDataObject[string],
	simplify: boolean,
): IDataObject {
	const total = order.total as IDataObject | number | undefined;
	const json: IDataObject = {
		event,
		orderId: order.id,
		status,
		previousStatus: previousStatus ?? null,
		changedAt,
		reference: order.reference ?? null,
		cartReference: ((order.cart ?? {}) as IDataObject).reference ?? null,
		total: typeof total === 'number' ? total : (total?.includingVat ?? null),
		currency: order.currency ?? null,
	};
	if (!simplify) json.order = order;
	return json;
}

/**
 * The events an order holds. Created: one, at `created`, with the status it was created in.
 * Status changed: one per transition after the first (the first is the creation), each with
 * the status it came from, so two changes between polls are two events.
 */
export function eventsOf(
	order: IDataObject,
	event: TriggerEvent,
	statuses: string[],
	simplify: boolean,
): OrderEvent[] {
	const wanted = (status: string) => statuses.length === 0 || statuses.includes(status);
	const transitions = transitionsOf(order);
	if (event === 'orderCreated') {
		const at = Date.parse(String(order.created ?? ''));
		const initial =
			transitions[0]?.status ?? String(((order.state ?? {}) as IDataObject).currentStatus ?? '');
		if (!Number.isFinite(at) || !wanted(initial)) return [];
		return [
			{
				key: `${String(order.id)}|created`,
				at,
				json: eventJson(event, order, initial, null, order.created, simplify),
			},
		];
	}
	return transitions.slice(1).flatMap((transition, index) =>
		wanted(transition.status)
			? [
					{
						key: `${String(order.id)}|${transition.status}|${transition.timeStamp}`,
						at: transition.at,
						json: eventJson(
							event,
							order,
							transition.status,
							transitions[index].status,
							transition.timeStamp,
							simplify,
						),
					},
				]
			: [],
	);
}

/** Every time an order records, for moving the cursor past what a complete pass has seen. */
export function latestTime(order: IDataObject, event: TriggerEvent): number {
	if (event === 'orderCreated') return Date.parse(String(order.created ?? '')) || 0;
	return transitionsOf(order).reduce((latest, transition) => Math.max(latest, transition.at), 0);
}

import type { IDataObject } from 'n8n-workflow';

import { parseNorceTime } from '../../../shared/norceTime';
import type { NorceOrder } from '../../../shared/order';
import { field, orderStatus, orderTotal, orderTransitions } from '../../../shared/order';

export type TriggerEvent = 'orderCreated' | 'orderStatusChanged';

/** One event found in an order, before it is emitted. */
export interface OrderEvent {
	/** Identifies the event across polls: the same order change always gives the same key. */
	key: string;
	/** Milliseconds since the epoch (Norce's clock): when the order was created or changed status. */
	at: number;
	json: IDataObject;
}

interface Transition {
	status: string;
	at: number;
	timeStamp: unknown;
}

/** Every order starts in checkout ("A new order starts in the Checkout state", norce-order-api.md §6). */
const INITIAL_STATUS = 'checkout';
/** A first transition stamped this close to `created` is the record of the creation itself. */
const CREATION_SLACK_MS = 1000;
/** Keys longer than this (or with characters JSON would escape) are hashed: the state stays small. */
const MAX_KEY_LENGTH = 96;

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable stand-in for a hostile order ID. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A key that costs at most MAX_KEY_LENGTH bytes in the saved state, whatever the order ID. */
export function compactKey(key: string): string {
	if (key.length <= MAX_KEY_LENGTH && /^[\x20-\x7e]*$/.test(key) && !/["\\]/.test(key)) return key;
	const printable = key.replace(/[^\w|.:-]/g, '_').slice(0, 48);
	return `${printable}#${fnv1a(key)}${fnv1a(`${key}\u0000`)}`;
}

function transitionsOf(order: NorceOrder): Transition[] {
	return orderTransitions(order)
		.map((transition) => ({
			status: typeof transition?.status === 'string' ? transition.status : '',
			timeStamp: transition?.timeStamp,
			at: parseNorceTime(transition?.timeStamp) ?? NaN,
		}))
		.filter((transition) => transition.status !== '' && Number.isFinite(transition.at))
		.sort((a, b) => a.at - b.at);
}

/**
 * Whether the earliest transition records the creation rather than a change. Norce does not
 * document that the list starts with the creation, so this is decided per order: it does when
 * it is stamped at `created` (within a second). A first transition stamped later is a change
 * from checkout, the status every order starts in.
 */
function startsWithCreation(order: NorceOrder, transitions: Transition[]): boolean {
	if (transitions.length === 0) return false;
	const created = parseNorceTime(order.created);
	if (created === undefined) return transitions[0].status === INITIAL_STATUS;
	return Math.abs(transitions[0].at - created) <= CREATION_SLACK_MS;
}

function eventJson(
	event: TriggerEvent,
	order: NorceOrder,
	status: string,
	previousStatus: string | null,
	changedAt: unknown,
	simplify: boolean,
): IDataObject {
	const json: IDataObject = {
		event,
		orderId: order.id,
		status,
		previousStatus: previousStatus ?? null,
		changedAt: changedAt as IDataObject[string],
		reference: order.reference ?? null,
		cartReference: field(order.cart, 'reference') ?? null,
		total: orderTotal(order) ?? null,
		currency: order.currency ?? null,
	};
	if (!simplify) json.order = order;
	return json;
}

/**
 * The events an order holds. Created: one, at `created`, with the status it was created in.
 * Status changed: one per transition that is not the record of the creation, each with the
 * status it came from, so two changes between polls are two events. Keys hold the parsed
 * milliseconds, so a timestamp written with another precision or zone is the same event.
 */
export function eventsOf(
	order: NorceOrder,
	event: TriggerEvent,
	statuses: string[],
	simplify: boolean,
): OrderEvent[] {
	const wanted = (status: string) => statuses.length === 0 || statuses.includes(status);
	const id = String(order.id);
	const transitions = transitionsOf(order);
	const creation = startsWithCreation(order, transitions);
	if (event === 'orderCreated') {
		const at = parseNorceTime(order.created);
		const initial = creation
			? transitions[0].status
			: transitions.length > 0
				? INITIAL_STATUS
				: String(orderStatus(order) ?? INITIAL_STATUS);
		if (at === undefined || !wanted(initial)) return [];
		return [
			{
				key: compactKey(`${id}|created|${at}`),
				at,
				json: eventJson(event, order, initial, null, order.created, simplify),
			},
		];
	}
	const changes = creation ? transitions.slice(1) : transitions;
	return changes.flatMap((transition) => {
		if (!wanted(transition.status)) return [];
		const index = transitions.indexOf(transition);
		// Before the first recorded change the order was in checkout, unless that change is into checkout.
		const previous =
			index > 0
				? transitions[index - 1].status
				: transition.status === INITIAL_STATUS
					? null
					: INITIAL_STATUS;
		return [
			{
				key: compactKey(`${id}|${transition.status}|${transition.at}`),
				at: transition.at,
				json: eventJson(event, order, transition.status, previous, transition.timeStamp, simplify),
			},
		];
	});
}

/** The latest time an order records (Norce's clock), or undefined when it has none. */
export function latestTime(order: NorceOrder): number | undefined {
	return transitionsOf(order).reduce<number | undefined>(
		(latest, transition) => Math.max(latest ?? transition.at, transition.at),
		parseNorceTime(order.created),
	);
}

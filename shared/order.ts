import type { IDataObject } from 'n8n-workflow';

/**
 * A Norce Checkout order as the package reads it (norce-order-api §5): the fields a node looks
 * at, typed; everything else passes through untouched. Norce's answers are not trusted to have
 * this shape, so the helpers below read every field defensively.
 */
export interface NorceOrder extends IDataObject {
	id?: string;
	reference?: string;
	created?: string;
	currency?: string;
	state?: {
		currentStatus?: string;
		transitions?: Array<{ status?: string; timeStamp?: string }>;
	};
	/** The amount including VAT, as a number or as `{ includingVat, excludingVat }`. */
	total?: number | { includingVat?: number; excludingVat?: number };
	cart?: { reference?: string };
	customer?: { billing?: { email?: string }; shipping?: { email?: string } };
}

type Value = IDataObject[string];

/** `value[key]` when value is a plain object, else undefined. */
export function field(value: unknown, key: string): Value {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)[key]
		: undefined;
}

/** The order's total including VAT, whichever of Norce's two shapes it comes in. */
export function orderTotal(order: NorceOrder): Value {
	const { total } = order;
	return typeof total === 'number' ? total : field(total, 'includingVat');
}

/** The order's current status, e.g. "processing". */
export function orderStatus(order: NorceOrder): Value {
	return field(order.state, 'currentStatus');
}

/** The recorded status transitions as Norce sent them: unsorted, and any entry may be malformed. */
export function orderTransitions(order: NorceOrder): Array<IDataObject | undefined> {
	const transitions = field(order.state, 'transitions');
	return Array.isArray(transitions) ? (transitions as Array<IDataObject | undefined>) : [];
}

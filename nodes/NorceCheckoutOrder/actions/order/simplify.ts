import type { IDataObject } from 'n8n-workflow';

type Value = IDataObject[string];

function field(value: Value, key: string): Value {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)[key]
		: undefined;
}

/** The few fields most workflows branch on; `total` is the amount including VAT. */
export function simplifyOrder(order: IDataObject): IDataObject {
	const { total, customer } = order;
	return {
		id: order.id,
		reference: order.reference,
		status: field(order.state, 'currentStatus'),
		created: order.created,
		total: typeof total === 'number' ? total : field(total, 'includingVat'),
		currency: order.currency,
		customerEmail:
			field(field(customer, 'billing'), 'email') ?? field(field(customer, 'shipping'), 'email'),
	};
}

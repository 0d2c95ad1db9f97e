import type { IDataObject } from 'n8n-workflow';

import type { NorceOrder } from '../../../../shared/order';
import { field, orderStatus, orderTotal } from '../../../../shared/order';

/** The few fields most workflows branch on; `total` is the amount including VAT. */
export function simplifyOrder(order: NorceOrder): IDataObject {
	const { customer } = order;
	return {
		id: order.id,
		reference: order.reference,
		status: orderStatus(order),
		created: order.created,
		total: orderTotal(order),
		currency: order.currency,
		customerEmail:
			field(field(customer, 'billing'), 'email') ?? field(field(customer, 'shipping'), 'email'),
	};
}

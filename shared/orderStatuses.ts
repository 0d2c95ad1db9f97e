import type { INodePropertyOptions } from 'n8n-workflow';

/** Norce's OrderStatus values, in the order an order moves through them. */
export const ORDER_STATUSES = [
	'checkout',
	'processing',
	'accepted',
	'completed',
	'declined',
	'removed',
] as const;

export const ORDER_STATUS_OPTIONS: INodePropertyOptions[] = ORDER_STATUSES.map((status) => ({
	name: status.charAt(0).toUpperCase() + status.slice(1),
	value: status,
}));

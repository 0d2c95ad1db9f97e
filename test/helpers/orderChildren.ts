import type { Sandbox, SandboxOrder } from '../sandbox';

/**
 * Ids for the payment and shipping tests: ids that need percent-encoding (written out by
 * hand, not computed with the encoder the node uses) and a few placed orders to run as items.
 */

/** DEMO.specialCharsOrderId as one path segment. */
export const SPECIAL_ORDER_SEGMENT = 'o_edge%2Fid%3Fx%3D1%26y%23z%20%2525%C3%BC%2B';

/** The tail of a payment or shipping id that needs encoding, and its encoded form. */
export const ODD_TAIL = 'a/b?c#d %ü';
export const ODD_TAIL_SEGMENT = 'a%2Fb%3Fc%23d%20%25%C3%BC';

/** The first `count` orders on channel se that have a payment, each with one shipping. */
export function placedOrders(sandbox: Sandbox, count: number): SandboxOrder[] {
	const found = [...sandbox.orders.values()]
		.filter((order) => order.channel === 'se' && order.payments.length > 0)
		.slice(0, count);
	if (found.length < count) throw new Error(`The sandbox has fewer than ${count} placed orders`);
	return found;
}

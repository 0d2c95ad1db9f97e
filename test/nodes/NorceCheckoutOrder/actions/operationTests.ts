import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO } from '../../../sandbox';
import type { Operation, Sandbox, SandboxOrder } from '../../../sandbox';
import type { RunResult } from '../../../helpers/n8nRuntime';
import type { NorceFixture } from '../../../helpers/norceFixture';

/**
 * What the per-operation tests beside this file share: the fixture, the ids that need
 * percent-encoding (written out by hand, not computed with the encoder the node uses), and
 * how to read what reached the sandbox.
 */
export { API, useNorceSandbox, wire } from '../../../helpers/norceFixture';
export { DEMO };

/** DEMO.specialCharsOrderId as one percent-encoded path segment. */
export const SPECIAL_ORDER_SEGMENT = 'o_edge%2Fid%3Fx%3D1%26y%23z%20%2525%C3%BC%2B';

/** DEMO.validOrderId as Simplify gives it (Get and Get Many). */
export const SIMPLE_VALID_ORDER = {
	id: DEMO.validOrderId,
	reference: DEMO.validOrderReference,
	status: 'processing',
	created: '2026-04-14T08:12:45.000Z',
	total: 796,
	currency: 'SEK',
	customerEmail: DEMO.validOrderBillingEmail,
};

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

/** What reached the sandbox, byte for byte: method and raw path, Content-Type and body. */
export function sent(sandbox: Sandbox) {
	return sandbox.requests.map((request) => ({
		request: `${request.method} ${request.rawPath}`,
		contentType: request.headers['content-type'],
		body: request.body,
	}));
}

/** The statuses the sandbox answered, in arrival order (0 = connection dropped). */
export function statuses(sandbox: Sandbox): Array<number | null> {
	return sandbox.requests.map((request) => request.status);
}

/** Output items as the router must build them: the i-th json paired to input item i. */
export function paired(...jsons: IDataObject[]) {
	return jsons.map((json, item) => ({ json, pairedItem: { item } }));
}

/**
 * Runs the node with the first request of `operation` dropped, as if Norce had carried it out
 * and the answer was lost on the way back; the caller makes the change in the sandbox first.
 */
export async function runAfterLostAnswer(
	norce: NorceFixture,
	operation: Operation,
	parameters: INodeParameters,
): Promise<RunResult> {
	norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation } });
	return await norce.run({ ...parameters, options: { maxRetries: 1 } });
}

/** A request that could act twice was sent once only, and the error says so. */
export function expectNotRepeated(norce: NorceFixture, result: RunResult) {
	expect(statuses(norce.sandbox)).toEqual([0]);
	expect(result.output).toEqual([]);
	expect(result.error?.message).toMatch(/^Could not reach Norce Checkout for /);
	expect(result.error?.description).toContain('not retried after a connection failure');
}

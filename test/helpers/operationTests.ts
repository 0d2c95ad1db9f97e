import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Operation, Sandbox } from '../sandbox';
import type { RunResult } from './n8nRuntime';
import type { NorceFixture } from './norceFixture';

/** Shared by the per-operation tests (test/<resource>/<operation>.test.ts). */

/** DEMO.specialCharsOrderId as one percent-encoded path segment, written out by hand. */
export const SPECIAL_ORDER_SEGMENT = 'o_edge%2Fid%3Fx%3D1%26y%23z%20%2525%C3%BC%2B';

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

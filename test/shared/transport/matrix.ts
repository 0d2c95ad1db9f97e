/**
 * The fault matrix: rows are faults the sandbox injects, columns are operations. The transport
 * treats every operation the same except for two things an operation declares, `safeToRepeat`
 * and `isResult`; so the rows run through get (the representative: safe to repeat, no
 * isResult), and through validate and removeValidation, the two whose declarations differ.
 * Each cell states what must come out (a success, possibly after retries, or one clear error
 * item on the error output) and how many requests the sandbox must have seen.
 *
 * No cell depends on timing: a timeout is tested only with `hang` (the sandbox never answers,
 * so the node's timer is certain to fire), and every cell where an answer is expected gives
 * the node an unhurried timeout that no answer from a local sandbox comes near. A hung
 * attempt is counted by the node (its message says how many); the sandbox may see fewer,
 * because on a busy machine the short timer can run out before the request was even sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { THROTTLE_ROUNDS } from '../../../shared/transport/throttle';
import type { NorceFixture } from '../../helpers/norceFixture';
import { API } from '../../helpers/norceFixture';
import { expectAccounted, expectErrorItemShape, expectNoSecrets } from '../../helpers/outcome';
import { caughtUp } from '../../helpers/until';
import type { FaultRule, Operation } from '../../sandbox';
import { DEMO } from '../../sandbox';

export const MAX_RETRIES = 3;
/** The timeout of a cell whose target hangs: nothing can arrive, so it may be short. */
export const HANG_TIMEOUT_MS = 20;
/** The timeout of every item that gets an answer: never reached by a local sandbox. */
export const UNHURRIED_TIMEOUT_MS = 30_000;

export interface OperationCase {
	operation: Operation;
	method: string;
	/** Whether a connection failure may be retried (the operation's `safeToRepeat`). */
	safeToRepeat: boolean;
	parameters: INodeParameters;
	items: IDataObject[];
	/** The input item whose requests the fault hits. */
	target: number;
	/** Order id of the target, to aim the fault at it. */
	targetOrderId: string;
	/** Path of the target's request, to count its attempts. */
	targetPath: string;
}

const BY_ID = '={{ $json.id }}';
const validationId = '={{ $json.validationId }}';
const OPTIONS = { maxRetries: MAX_RETRIES, timeout: UNHURRIED_TIMEOUT_MS, concurrency: 3 };

/** Safe to repeat, no isResult: stands for updateReference and getMany as well. */
export const GET: OperationCase = {
	operation: 'get',
	method: 'GET',
	safeToRepeat: true,
	parameters: { operation: 'get', orderId: BY_ID, options: OPTIONS },
	items: [DEMO.validOrderId, DEMO.warningOrderId, DEMO.failingOrderId].map((id) => ({ id })),
	target: 1,
	targetOrderId: DEMO.warningOrderId,
	targetPath: `${API}/orders/${DEMO.warningOrderId}`,
};

/**
 * Not safe to repeat; a 400 carrying validations is its result. The target is an order that
 * fails validation, so every success in this column is such a 400, taken as a result.
 */
export const VALIDATE: OperationCase = {
	operation: 'validate',
	method: 'POST',
	safeToRepeat: false,
	parameters: { operation: 'validate', orderId: BY_ID, output: 'summary', options: OPTIONS },
	items: [DEMO.validOrderId, DEMO.failingOrderId, DEMO.warningOrderId].map((id) => ({ id })),
	target: 1,
	targetOrderId: DEMO.failingOrderId,
	targetPath: `${API}/orders/${DEMO.failingOrderId}/validate`,
};

/** Safe to repeat; a 404 after an attempt that may have reached Norce is its result. */
export const REMOVE_VALIDATION: OperationCase = {
	operation: 'removeValidation',
	method: 'DELETE',
	safeToRepeat: true,
	parameters: { operation: 'removeValidation', orderId: BY_ID, validationId, options: OPTIONS },
	items: [{ id: DEMO.orderWithValidationId, validationId: DEMO.validationId }],
	target: 0,
	targetOrderId: DEMO.orderWithValidationId,
	targetPath: `${API}/orders/${DEMO.orderWithValidationId}/validations/${DEMO.validationId}`,
};

export type Expectation =
	| { outcome: 'success'; attempts: number }
	| {
			outcome: 'error';
			attempts: number;
			/** Texts the error item's `error` (the message) must contain. */
			message: string[];
			/** Texts its `message` (the description) must contain. */
			description?: string[];
	  };

export interface FaultCase {
	name: string;
	/** The rule(s); the matrix aims them at the target item's operation and order. */
	rules: FaultRule[];
	expect(operation: OperationCase): Expectation;
	/** The target is never answered (hang): it gets the short HANG_TIMEOUT_MS. */
	unanswered?: boolean;
}

export const RETRYABLE = new Set([429, 502, 503, 504]);
/** Gateway errors: retried only for requests safe to repeat, like a dropped connection. */
export const UNCERTAIN = new Set([502, 504]);

/**
 * An exhausted error for retryable statuses, or the given success/error after one attempt; a
 * gateway error on a request not safe to repeat is one attempt whose error says why.
 */
export function retriedOrNot(
	status: number,
	failures: number | undefined,
	message: string[],
	description?: string[],
) {
	return (operation: OperationCase): Expectation => {
		if (!RETRYABLE.has(status)) return { outcome: 'error', attempts: 1, message, description };
		if (UNCERTAIN.has(status) && !operation.safeToRepeat)
			return {
				outcome: 'error',
				attempts: 1,
				message: [...message, String(status)],
				description: [...(description ?? []), 'not retried after a gateway error'],
			};
		// A 429 is waited out node-wide for THROTTLE_ROUNDS rounds, whatever Max Retries says.
		const repeats = status === 429 ? THROTTLE_ROUNDS : MAX_RETRIES;
		if (failures !== undefined && failures <= repeats)
			return { outcome: 'success', attempts: failures + 1 };
		return {
			outcome: 'error',
			attempts: repeats + 1,
			message: [...message, `after ${repeats + 1} attempts`],
			description: status === 429 ? [...(description ?? []), 'stopped sending'] : description,
		};
	};
}

/** Connection failures: retried for requests safe to repeat only; validate gets one attempt. */
export function connectionFailure(reason: string, failures: number | undefined) {
	return (operation: OperationCase): Expectation => {
		if (!operation.safeToRepeat) {
			return { outcome: 'error', attempts: 1, message: [reason], description: ['not retried'] };
		}
		if (failures !== undefined && failures <= MAX_RETRIES)
			return { outcome: 'success', attempts: failures + 1 };
		return {
			outcome: 'error',
			attempts: MAX_RETRIES + 1,
			message: [reason, `after ${MAX_RETRIES + 1} attempts`],
		};
	};
}

export interface MatrixTally {
	cases: number;
	success: number;
	retriedSuccess: number;
	errorItems: number;
	requests: number;
	/** One error message per fault (from the get column), to eyeball in the figures file. */
	samples: Record<string, string>;
}

export function newTally(): MatrixTally {
	return { cases: 0, success: 0, retriedSuccess: 0, errorItems: 0, requests: 0, samples: {} };
}

function withTimeout(parameters: INodeParameters, timeout: number | string): INodeParameters {
	return { ...parameters, options: { ...(parameters.options as IDataObject), timeout } };
}

/** Runs one cell of the matrix and checks everything a cell promises. */
export async function runCell(
	norce: NorceFixture,
	operation: OperationCase,
	fault: FaultCase,
	tally: MatrixTally,
): Promise<void> {
	const match = { operation: operation.operation, orderId: operation.targetOrderId };
	for (const rule of fault.rules)
		norce.sandbox.addFault({ ...rule, match: { ...rule.match, ...match } });
	const expected = fault.expect(operation);

	// Only the hung target gets a short timeout; the other items are answered at their pace.
	const timeoutMs = (index: number) =>
		index === operation.target ? HANG_TIMEOUT_MS : UNHURRIED_TIMEOUT_MS;
	const items = operation.items.map((item, index) =>
		fault.unanswered ? { ...item, timeoutMs: timeoutMs(index) } : item,
	);
	const parameters = fault.unanswered
		? withTimeout(operation.parameters, '={{ $json.timeoutMs }}')
		: operation.parameters;
	const result = await norce.run(parameters, { items, onError: 'continueErrorOutput' });
	expectNoSecrets(result);

	// Never a crash: the run finishes, every input is accounted for once, in input order.
	const accounting = expectAccounted(result, items.length);
	// Items the fault did not aim at are untouched.
	for (let index = 0; index < items.length; index++) {
		if (index === operation.target) continue;
		expect(accounting.errors.get(index)).toBeUndefined();
		expect(accounting.results.get(index)).toHaveLength(1);
	}

	const attempts = () =>
		norce.sandbox.requests.filter(
			(request) => request.method === operation.method && request.path === operation.targetPath,
		).length;
	tally.cases++;

	if (expected.outcome === 'success') {
		expect(accounting.errors.get(operation.target)).toBeUndefined();
		expect(accounting.results.get(operation.target)).toHaveLength(1);
		expect({ attempts: attempts() }).toEqual({ attempts: expected.attempts });
		if (expected.attempts > 1) tally.retriedSuccess++;
		else tally.success++;
	} else {
		expect(accounting.results.get(operation.target)).toBeUndefined();
		const errorItems = accounting.errors.get(operation.target) ?? [];
		expect(errorItems).toHaveLength(1);
		const [errorItem] = errorItems;
		expectErrorItemShape(errorItem, items[operation.target]);
		const message = String(errorItem.json.error);
		const description = String(errorItem.json.message ?? '');
		for (const text of expected.message) expect(message).toContain(text);
		for (const text of expected.description ?? []) expect(description).toContain(text);
		// A user can act on it: the message says what went wrong and the description what to do.
		expect(description.length).toBeGreaterThan(20);
		if (fault.unanswered) {
			// Attempts the node gave up on are read by the sandbox now, or were never sent; either
			// way none can arrive during the next cell.
			await caughtUp(norce.sandbox.url);
			expect(attempts()).toBeLessThanOrEqual(expected.attempts);
			// The node's own count: "after N attempts" (in expected.message), or nothing for one.
			if (expected.attempts === 1) expect(message).not.toContain('attempts');
		} else {
			expect({ attempts: attempts() }).toEqual({ attempts: expected.attempts });
		}
		tally.errorItems++;
		if (operation.operation === 'get') tally.samples[fault.name] = `${message} | ${description}`;
	}
	tally.requests += norce.sandbox.requests.length;
}

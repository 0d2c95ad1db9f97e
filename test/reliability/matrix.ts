/**
 * The fault matrix: every fault kind against all five operations. Each case states what must
 * come out (a success, possibly after retries, or one clear error item on the error output)
 * and how many requests the sandbox must have seen for the faulted item.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { NorceFixture } from '../helpers/norceFixture';
import { API } from '../helpers/norceFixture';
import type { FaultRule, Operation } from '../sandbox';
import { DEMO } from '../sandbox';
import { account, expectErrorItemShape, runAndCheckSecrets } from './support';

export const MAX_RETRIES = 3;
/** Timeout of the cells that test timeouts (hang, delay). */
export const TIMEOUT_MS = 250;
/**
 * Timeout of every other cell: long enough that a busy machine never turns a normal answer
 * into a timeout (and a GET into a retry), which would make the attempt counts flaky.
 */
const UNHURRIED_TIMEOUT_MS = 30_000;
/** Longer than TIMEOUT_MS: a delayed answer the node must give up on. */
export const LONG_DELAY_MS = 600;

const OPTIONS = { maxRetries: MAX_RETRIES, timeout: TIMEOUT_MS, concurrency: 3 };

export interface OperationCase {
	operation: Operation;
	method: string;
	/** Whether a connection failure may be retried (GET, the reference PUT, the validation DELETE). */
	safeToRepeat: boolean;
	parameters: INodeParameters;
	items: IDataObject[];
	/** The input item whose requests the fault hits. */
	target: number;
	/** Order id of the target, to aim the fault at it (none for getMany). */
	targetOrderId?: string;
	/** Path of the target's request, to count its attempts. */
	targetPath: string;
	/** Items one successful input yields. */
	resultsPerSuccess: number;
}

const ids = [DEMO.validOrderId, DEMO.warningOrderId, DEMO.failingOrderId];

export const OPERATIONS: OperationCase[] = [
	{
		operation: 'validate',
		method: 'POST',
		safeToRepeat: false,
		parameters: {
			operation: 'validate',
			orderId: '={{ $json.id }}',
			output: 'summary',
			options: OPTIONS,
		},
		items: ids.map((id) => ({ id })),
		target: 1,
		targetOrderId: ids[1],
		targetPath: `${API}/orders/${ids[1]}/validate`,
		resultsPerSuccess: 1,
	},
	{
		operation: 'removeValidation',
		method: 'DELETE',
		safeToRepeat: true,
		parameters: {
			operation: 'removeValidation',
			orderId: '={{ $json.id }}',
			validationId: '={{ $json.validationId }}',
			options: OPTIONS,
		},
		items: [{ id: DEMO.orderWithValidationId, validationId: DEMO.validationId }],
		target: 0,
		targetOrderId: DEMO.orderWithValidationId,
		targetPath: `${API}/orders/${DEMO.orderWithValidationId}/validations/${DEMO.validationId}`,
		resultsPerSuccess: 1,
	},
	{
		operation: 'updateReference',
		method: 'PUT',
		safeToRepeat: true,
		parameters: {
			operation: 'updateReference',
			orderId: '={{ $json.id }}',
			reference: '={{ $json.reference }}',
			options: OPTIONS,
		},
		items: ids.map((id, index) => ({ id, reference: `ERP-${index}` })),
		target: 1,
		targetOrderId: ids[1],
		targetPath: `${API}/orders/${ids[1]}/reference`,
		resultsPerSuccess: 1,
	},
	{
		operation: 'get',
		method: 'GET',
		safeToRepeat: true,
		parameters: { operation: 'get', orderId: '={{ $json.id }}', options: OPTIONS },
		items: ids.map((id) => ({ id })),
		target: 1,
		targetOrderId: ids[1],
		targetPath: `${API}/orders/${ids[1]}`,
		resultsPerSuccess: 1,
	},
	{
		operation: 'getMany',
		method: 'GET',
		safeToRepeat: true,
		parameters: { operation: 'getMany', returnAll: false, limit: 5, options: OPTIONS },
		items: [{}],
		target: 0,
		targetPath: `${API}/orders`,
		resultsPerSuccess: 5,
	},
];

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
	/** Time the sandbox still needs after the run (delayed requests it will carry out late). */
	settleMs?: number;
	/** The fault is about time (hang, delay): run the cell with the short TIMEOUT_MS. */
	timeBound?: boolean;
}

function withTimeout(parameters: INodeParameters, timeout: number): INodeParameters {
	return { ...parameters, options: { ...(parameters.options as IDataObject), timeout } };
}

export const RETRYABLE = new Set([429, 502, 503, 504]);

/** `exhausted` error for retryable failures, or the given success/error for one attempt. */
export function retriedOrNot(
	status: number,
	failures: number | undefined,
	message: string[],
	description?: string[],
) {
	return (): Expectation => {
		if (!RETRYABLE.has(status)) return { outcome: 'error', attempts: 1, message, description };
		if (failures !== undefined && failures <= MAX_RETRIES)
			return { outcome: 'success', attempts: failures + 1 };
		return {
			outcome: 'error',
			attempts: MAX_RETRIES + 1,
			message: [...message, `after ${MAX_RETRIES + 1} attempts`],
			description,
		};
	};
}

/** Connection failures: retried for safe requests only; validate's POST gets one attempt. */
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
	/** One error message per fault kind (from the get operation), to eyeball in the figures. */
	samples: Record<string, string>;
}

export function newTally(): MatrixTally {
	return { cases: 0, success: 0, retriedSuccess: 0, errorItems: 0, requests: 0, samples: {} };
}

/** Runs one cell of the matrix and checks everything a cell promises. */
export async function runCell(
	norce: NorceFixture,
	operation: OperationCase,
	fault: FaultCase,
	tally: MatrixTally,
): Promise<void> {
	const match = {
		operation: operation.operation,
		...(operation.targetOrderId ? { orderId: operation.targetOrderId } : {}),
	};
	for (const rule of fault.rules)
		norce.sandbox.addFault({ ...rule, match: { ...rule.match, ...match } });
	const expected = fault.expect(operation);

	const timeout = fault.timeBound ? TIMEOUT_MS : UNHURRIED_TIMEOUT_MS;
	const result = await runAndCheckSecrets(norce, withTimeout(operation.parameters, timeout), {
		items: operation.items,
		onError: 'continueErrorOutput',
	});
	if (fault.settleMs) await sleep(fault.settleMs);

	// Never a crash: the run finishes, and every input is accounted for exactly once.
	expect(result.error).toBeUndefined();
	const accounting = account(result, operation.items.length);
	expect(accounting.unpaired).toEqual([]);
	expect(accounting.lost).toEqual([]);
	expect(accounting.duplicated).toEqual([]);
	// Input order is kept on the main output.
	const order = result.output.map((item) => (item.pairedItem as { item: number }).item);
	expect(order).toEqual([...order].sort((a, b) => a - b));

	// Items the fault did not aim at are untouched.
	for (let index = 0; index < operation.items.length; index++) {
		if (index === operation.target) continue;
		expect(accounting.errors.get(index)).toBeUndefined();
		expect(accounting.results.get(index)).toHaveLength(operation.resultsPerSuccess);
	}

	const attempts = norce.sandbox.requests.filter(
		(request) => request.method === operation.method && request.path === operation.targetPath,
	).length;
	tally.cases++;
	tally.requests += norce.sandbox.requests.length;

	if (expected.outcome === 'success') {
		expect(accounting.errors.get(operation.target)).toBeUndefined();
		expect(accounting.results.get(operation.target)).toHaveLength(operation.resultsPerSuccess);
		expect({ attempts }).toEqual({ attempts: expected.attempts });
		if (expected.attempts > 1) tally.retriedSuccess++;
		else tally.success++;
		return;
	}

	expect(accounting.results.get(operation.target)).toBeUndefined();
	const errorItems = accounting.errors.get(operation.target) ?? [];
	expect(errorItems).toHaveLength(1);
	const [errorItem] = errorItems;
	expectErrorItemShape(errorItem, operation.items[operation.target]);
	const message = String(errorItem.json.error);
	const description = String(errorItem.json.message ?? '');
	for (const text of expected.message) expect(message).toContain(text);
	for (const text of expected.description ?? []) expect(description).toContain(text);
	// A user can act on it: the message says what went wrong and the description what to do.
	expect(description.length).toBeGreaterThan(20);
	expect({ attempts }).toEqual({ attempts: expected.attempts });
	tally.errorItems++;
	if (operation.operation === 'get') tally.samples[fault.name] = `${message} | ${description}`;
}

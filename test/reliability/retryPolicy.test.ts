/**
 * The retry policy per operation, with Max Retries other than the default: 0 disables retries
 * for answers and for connection failures alike; a higher number is honoured for 429/5xx and,
 * for safe requests only, for connection failures. validate's POST is never repeated after a
 * connection failure, however many retries are allowed.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { FaultRule } from '../sandbox';
import { recordFigures } from './figures';
import type { OperationCase } from './matrix';
import { OPERATIONS } from './matrix';
import {
	account,
	expectErrorItemShape,
	runAndCheckSecrets,
	secretChecks,
	useReliabilitySandbox,
} from './support';

const norce = useReliabilitySandbox();

const checked = { cases: 0 };
afterAll(() => recordFigures('retry-policy', { ...checked, secretChecks: secretChecks.runs }));

/** Runs only the operation's target item with the given Max Retries; returns its outcome. */
async function runTarget(operation: OperationCase, maxRetries: number, rules: FaultRule[]) {
	const match = {
		operation: operation.operation,
		...(operation.targetOrderId ? { orderId: operation.targetOrderId } : {}),
	};
	for (const rule of rules) norce.sandbox.addFault({ ...rule, match });
	const item = operation.items[operation.target];
	const parameters: INodeParameters = {
		...operation.parameters,
		options: { ...(operation.parameters.options as object), maxRetries },
	};
	const result = await runAndCheckSecrets(norce, parameters, {
		items: [item],
		onError: 'continueErrorOutput',
	});
	expect(result.error).toBeUndefined();
	const accounting = account(result, 1);
	expect(accounting.lost).toEqual([]);
	expect(accounting.duplicated).toEqual([]);
	expect(accounting.unpaired).toEqual([]);
	const errorItem = accounting.errors.get(0)?.[0];
	if (errorItem) expectErrorItemShape(errorItem, item);
	checked.cases++;
	return {
		attempts: norce.sandbox.requests.filter((request) => request.path === operation.targetPath)
			.length,
		error: errorItem ? String(errorItem.json.error) : undefined,
		description: errorItem ? String(errorItem.json.message ?? '') : undefined,
	};
}

describe.each(OPERATIONS.map((operation) => [operation.operation, operation] as const))(
	'%s',
	(_name, operation) => {
		it.each([429, 502, 503, 504])('Max Retries 0: a %s is not retried', async (status) => {
			const outcome = await runTarget(operation, 0, [{ kind: 'status', status, code: 'busy' }]);
			expect(outcome.attempts).toBe(1);
			expect(outcome.error).toContain(`[${status} busy]`);
			expect(outcome.error).not.toContain('attempts');
		});

		it('Max Retries 0: a reset connection is not retried', async () => {
			const outcome = await runTarget(operation, 0, [{ kind: 'drop', mode: 'reset' }]);
			expect(outcome.attempts).toBe(1);
			expect(outcome.error).toContain('the connection was reset');
			expect(outcome.error).not.toContain('attempts');
		});

		it('Max Retries 1: a lasting 429 gives up after 2 attempts and says so', async () => {
			const outcome = await runTarget(operation, 1, [
				{ kind: 'status', status: 429, retryAfter: 1 },
			]);
			expect(outcome.attempts).toBe(2);
			expect(outcome.error).toMatch(
				/rate limiting requests \[429 too-many-requests\] after 2 attempts$/,
			);
			expect(outcome.description).toContain('Lower the Concurrency option');
		});

		it('Max Retries 10: 6 failures of mixed kinds, then success', async () => {
			const rules: FaultRule[] = [
				{ kind: 'status', status: 503, times: 2 },
				{ kind: 'status', status: 429, retryAfter: 0, times: 2 },
				{ kind: 'status', status: 502, times: 1 },
				{ kind: 'status', status: 504, body: 'html', times: 1 },
			];
			const outcome = await runTarget(operation, 10, rules);
			expect(outcome).toEqual({ attempts: 7, error: undefined, description: undefined });
		});

		it('Max Retries 10: connection failures are retried only for safe requests', async () => {
			const outcome = await runTarget(operation, 10, [
				{ kind: 'drop', mode: 'reset', times: 3 },
				{ kind: 'drop', mode: 'close', times: 2 },
			]);
			if (operation.safeToRepeat) {
				expect(outcome).toEqual({ attempts: 6, error: undefined, description: undefined });
			} else {
				expect(outcome.attempts).toBe(1);
				expect(outcome.error).toContain('the connection was reset');
				expect(outcome.description).toContain('not retried');
			}
		});
	},
);

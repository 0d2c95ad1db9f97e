/**
 * Fault matrix, part 2: retried recoveries (429 with Retry-After in seconds and as an HTTP
 * date, 502/503/504 that recover), connection failures (reset, close, timeout, hang), invalid
 * JSON, a server that echoes the Authorization header, and seeded random faults — each against
 * all five operations. Connection failures are retried only for GET, the reference PUT and the
 * validation DELETE, never for validate's POST.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { RandomFaultKind } from '../sandbox';
import { recordFigures } from './figures';
import type { Expectation, FaultCase, OperationCase } from './matrix';
import {
	connectionFailure,
	LONG_DELAY_MS,
	MAX_RETRIES,
	newTally,
	OPERATIONS,
	retriedOrNot,
	runCell,
	TIMEOUT_MS,
} from './matrix';
import {
	account,
	expectErrorItemShape,
	runAndCheckSecrets,
	secretChecks,
	useReliabilitySandbox,
} from './support';

const norce = useReliabilitySandbox();

const inOneSecond = () => new Date(Date.now() + 1000).toUTCString();
const TIMED_OUT = `the request timed out (${TIMEOUT_MS} ms)`;
const UNREACHABLE = 'Could not reach Norce Checkout';

/** What an operation makes of a 200 whose body it cannot use. */
function unusable200(operation: OperationCase): Expectation {
	switch (operation.operation) {
		case 'validate':
			return { outcome: 'error', attempts: 1, message: ['not a validation list', '[HTTP 200]'] };
		case 'get':
			return { outcome: 'error', attempts: 1, message: ['not an order', '[HTTP 200]'] };
		case 'getMany':
			return { outcome: 'error', attempts: 1, message: ['not a page of orders', '[HTTP 200]'] };
		default:
			// Reference PUT and validation DELETE answer with an empty body; theirs is ignored.
			return { outcome: 'success', attempts: 1 };
	}
}

const FAULTS: FaultCase[] = [
	// 429 / 5xx that recover: retried success, attempts = failures + 1.
	{
		name: '429 Retry-After: 1 (seconds), once',
		rules: [{ kind: 'status', status: 429, retryAfter: 1, times: 1 }],
		expect: retriedOrNot(429, 1, []),
	},
	{
		name: '429 Retry-After as HTTP date, twice',
		rules: [{ kind: 'status', status: 429, retryAfter: inOneSecond(), times: 2 }],
		expect: retriedOrNot(429, 2, []),
	},
	{
		name: '429 Retry-After: 0, twice',
		rules: [{ kind: 'status', status: 429, retryAfter: 0, times: 2 }],
		expect: retriedOrNot(429, 2, []),
	},
	{
		name: '429 Retry-After: 3600 (capped), once',
		rules: [{ kind: 'status', status: 429, retryAfter: 3600, times: 1 }],
		expect: retriedOrNot(429, 1, []),
	},
	{
		name: '429 Retry-After: HTTP date in the past, once',
		rules: [{ kind: 'status', status: 429, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT', times: 1 }],
		expect: retriedOrNot(429, 1, []),
	},
	{
		name: '429 Retry-After: garbage, once',
		rules: [{ kind: 'status', status: 429, retryAfter: 'soon', times: 1 }],
		expect: retriedOrNot(429, 1, []),
	},
	{
		name: `429 ${MAX_RETRIES} times (recovers on the last attempt)`,
		rules: [{ kind: 'status', status: 429, retryAfter: 0, times: MAX_RETRIES }],
		expect: retriedOrNot(429, MAX_RETRIES, []),
	},
	{
		name: `429 ${MAX_RETRIES + 1} times (one too many)`,
		rules: [
			{ kind: 'status', status: 429, retryAfter: 0, times: MAX_RETRIES + 1, code: 'too-many' },
		],
		expect: retriedOrNot(429, MAX_RETRIES + 1, ['[429 too-many]']),
	},
	{
		name: '503 HTML page, once',
		rules: [{ kind: 'status', status: 503, body: 'html', times: 1 }],
		expect: retriedOrNot(503, 1, []),
	},
	{
		name: '503 RFC 7807, twice',
		rules: [{ kind: 'status', status: 503, body: 'rfc7807', times: 2 }],
		expect: retriedOrNot(503, 2, []),
	},
	{
		name: '502 BaseError, once',
		rules: [{ kind: 'status', status: 502, times: 1 }],
		expect: retriedOrNot(502, 1, []),
	},
	{
		name: '504 empty, twice',
		rules: [{ kind: 'status', status: 504, body: 'empty', times: 2 }],
		expect: retriedOrNot(504, 2, []),
	},
	{
		name: '503 three times, then 502: the message names the last status',
		rules: [
			{ kind: 'status', status: 503, times: MAX_RETRIES },
			{ kind: 'status', status: 502, code: 'last-gateway' },
		],
		expect: () => ({
			outcome: 'error',
			attempts: MAX_RETRIES + 1,
			message: ['[502 last-gateway]', `after ${MAX_RETRIES + 1} attempts`],
		}),
	},
	{
		name: '502 once, then 404',
		rules: [
			{ kind: 'status', status: 502, times: 1 },
			{ kind: 'status', status: 404, code: 'validation-not-found', times: 1 },
		],
		// After a gateway error the DELETE may already have happened: 404 then means "removed".
		expect: (operation) =>
			operation.operation === 'removeValidation'
				? { outcome: 'success', attempts: 2 }
				: { outcome: 'error', attempts: 2, message: ['[404 validation-not-found]'] },
	},

	// Connection failures: retried only where repeating is harmless.
	{
		name: 'drop (reset), always',
		rules: [{ kind: 'drop', mode: 'reset' }],
		expect: connectionFailure('the connection was reset', undefined),
	},
	{
		name: 'drop (reset), once',
		rules: [{ kind: 'drop', mode: 'reset', times: 1 }],
		expect: connectionFailure('the connection was reset', 1),
	},
	{
		name: 'drop (reset), twice',
		rules: [{ kind: 'drop', mode: 'reset', times: 2 }],
		expect: connectionFailure('the connection was reset', 2),
	},
	{
		name: 'drop (close), always',
		rules: [{ kind: 'drop', mode: 'close' }],
		expect: connectionFailure(UNREACHABLE, undefined),
	},
	{
		name: 'drop (close), once',
		rules: [{ kind: 'drop', mode: 'close', times: 1 }],
		expect: connectionFailure(UNREACHABLE, 1),
	},
	{
		name: 'hang, always',
		rules: [{ kind: 'hang' }],
		expect: connectionFailure(TIMED_OUT, undefined),
		timeBound: true,
	},
	{
		name: 'hang, once',
		rules: [{ kind: 'hang', times: 1 }],
		expect: connectionFailure(TIMED_OUT, 1),
		timeBound: true,
	},
	{
		name: `delay ${LONG_DELAY_MS} ms > timeout, always`,
		rules: [{ kind: 'delay', ms: LONG_DELAY_MS }],
		expect: connectionFailure(TIMED_OUT, undefined),
		settleMs: LONG_DELAY_MS,
		timeBound: true,
	},
	{
		name: `delay ${LONG_DELAY_MS} ms > timeout, once`,
		rules: [{ kind: 'delay', ms: LONG_DELAY_MS, times: 1 }],
		expect: connectionFailure(TIMED_OUT, 1),
		settleMs: LONG_DELAY_MS,
		timeBound: true,
	},
	{
		name: 'delay 30 ms < timeout',
		rules: [{ kind: 'delay', ms: 30 }],
		expect: () => ({ outcome: 'success', attempts: 1 }),
	},
	{
		name: 'reset once, then 503 once',
		rules: [
			{ kind: 'drop', mode: 'reset', times: 1 },
			{ kind: 'status', status: 503, times: 1 },
		],
		expect: (operation) =>
			operation.safeToRepeat
				? { outcome: 'success', attempts: 3 }
				: {
						outcome: 'error',
						attempts: 1,
						message: ['the connection was reset'],
						description: ['not retried'],
					},
	},

	// Answers that are not what they claim to be.
	{ name: 'invalid JSON with 200', rules: [{ kind: 'invalidJson' }], expect: unusable200 },
	{
		name: 'invalid JSON with 500',
		rules: [{ kind: 'invalidJson', status: 500 }],
		expect: retriedOrNot(500, undefined, ['500']),
	},
	{
		name: 'invalid JSON with 503',
		rules: [{ kind: 'invalidJson', status: 503 }],
		expect: retriedOrNot(503, undefined, ['503']),
	},

	// A server that echoes the Authorization header (and every other header) in its body.
	{
		name: 'headersEcho 401',
		rules: [{ kind: 'headersEcho' }],
		expect: retriedOrNot(401, undefined, ['[401 unauthorized]', 'refused access']),
	},
	{
		name: 'headersEcho 403',
		rules: [{ kind: 'headersEcho', status: 403 }],
		expect: retriedOrNot(403, undefined, ['[403 forbidden]', 'refused access']),
	},
	{
		name: 'headersEcho 400',
		rules: [{ kind: 'headersEcho', status: 400 }],
		expect: retriedOrNot(400, undefined, ['[400 bad-request]']),
	},
	{
		name: 'headersEcho 500',
		rules: [{ kind: 'headersEcho', status: 500 }],
		expect: retriedOrNot(500, undefined, ['[500 internal-server-error]']),
	},
	{
		name: 'headersEcho 502',
		rules: [{ kind: 'headersEcho', status: 502 }],
		expect: retriedOrNot(502, undefined, ['[502 bad-gateway]']),
	},
	{
		// The echo as a "successful" answer: get outputs whatever came back, so it must be scrubbed.
		name: 'headersEcho 200',
		rules: [{ kind: 'headersEcho', status: 200 }],
		expect: (operation) =>
			operation.operation === 'get' ? { outcome: 'success', attempts: 1 } : unusable200(operation),
	},
];

const tally = newTally();
const random = { runs: 0, inputs: 0, results: 0, errorItems: 0, requests: 0 };

afterAll(() => {
	recordFigures('fault-matrix-transport', {
		faultKinds: FAULTS.length + 1,
		operations: OPERATIONS.length,
		maxRetries: MAX_RETRIES,
		timeoutMs: TIMEOUT_MS,
		...tally,
		randomFaults: random,
		secretChecks: secretChecks.runs,
	});
});

describe.each(OPERATIONS.map((operation) => [operation.operation, operation] as const))(
	'%s',
	(_name, operation) => {
		it.each(FAULTS.map((fault) => [fault.name, fault] as const))('%s', async (_fault, fault) => {
			await runCell(norce, operation, fault, tally);
		});

		it('seeded random faults of every kind: each input ends as a result or one error item', async () => {
			const kinds: RandomFaultKind[] = [
				'429',
				'500',
				'502',
				'503',
				'504',
				'reset',
				'timeout',
				'hang',
				'invalidJson',
			];
			norce.sandbox.setRandomFaults({
				rate: 0.4,
				seed: 20261128,
				kinds,
				timeoutMs: LONG_DELAY_MS,
				match: { operation: operation.operation },
			});
			// Twelve inputs: the operation's own items, repeated.
			const items: IDataObject[] = Array.from(
				{ length: 12 },
				(_, index) => operation.items[index % operation.items.length],
			);
			const result = await runAndCheckSecrets(norce, operation.parameters, {
				items,
				onError: 'continueErrorOutput',
			});
			await sleep(LONG_DELAY_MS);

			expect(result.error).toBeUndefined();
			const accounting = account(result, items.length);
			expect(accounting.unpaired).toEqual([]);
			expect(accounting.lost).toEqual([]);
			expect(accounting.duplicated).toEqual([]);
			for (const [index, errorItems] of accounting.errors) {
				expectErrorItemShape(errorItems[0], items[index]);
				// Every error says what happened: a status, a connection failure or an unusable answer.
				expect(String(errorItems[0].json.error)).toMatch(
					/\[(HTTP )?\d{3}|Could not reach Norce Checkout|Not found|not a validation list|not an order|not a page/,
				);
			}
			random.runs++;
			random.inputs += items.length;
			random.results += result.output.length;
			random.errorItems += result.errorOutput.length;
			random.requests += norce.sandbox.requests.length;
		});
	},
);

/**
 * The fault matrix's rows (matrix.ts: its columns and what a cell promises). Statuses × bodies
 * run through get; the transport rows and seeded random faults through all three columns; the
 * status rows an `isResult` can claim (400 validate, 404 removeValidation) through that one too.
 */
import type { IDataObject } from 'n8n-workflow';

import { recordFigures } from '../../helpers/figures';
import { useNorceSandbox } from '../../helpers/norceFixture';
import { expectAccounted, expectErrorItemShape, expectNoSecrets } from '../../helpers/outcome';
import type { FaultRule, RandomFaultKind, StatusFault, StatusFaultBody } from '../../sandbox';
import type { Expectation, FaultCase, MatrixTally, OperationCase } from './matrix';
import {
	connectionFailure,
	GET,
	HANG_TIMEOUT_MS,
	MAX_RETRIES,
	newTally,
	REMOVE_VALIDATION,
	RETRYABLE,
	retriedOrNot,
	runCell,
	VALIDATE,
} from './matrix';

const norce = useNorceSandbox();

const STATUSES = [400, 401, 403, 404, 405, 409, 415, 422, 429, 500, 502, 503, 504];
const BODIES: StatusFaultBody[] = ['base', 'rfc7807', 'html', 'empty', 'truncated', 'text'];

function statusCase(status: number, body: StatusFaultBody): FaultCase {
	const code = `norce-test-${status}`;
	const norceMessage = `Norce test message for ${status}`;
	// The status is always in the message; Norce's code when it sent one; its text in the description.
	const message = body === 'base' ? [`[${status} ${code}]`] : [String(status)];
	const description =
		body === 'base' || body === 'rfc7807' || body === 'text'
			? [`Norce said: ${norceMessage}`]
			: undefined;
	return {
		name: `${status} ${body}${RETRYABLE.has(status) ? ' (always)' : ''}`,
		rules: [{ kind: 'status', status, body, code, message: norceMessage }],
		expect: retriedOrNot(status, undefined, message, description),
	};
}

const statusRows = (statuses: number[]) =>
	statuses.flatMap((status) => BODIES.map((body) => statusCase(status, body)));

const inOneSecond = () => new Date(Date.now() + 1000).toUTCString();
const PAST = 'Wed, 21 Oct 2015 07:28:00 GMT';
const TIMED_OUT = `the request timed out (${HANG_TIMEOUT_MS} ms)`;
const UNREACHABLE = 'Could not reach Norce Checkout';

/** What an operation makes of a 200 whose body it cannot use. */
function unusable200(operation: OperationCase): Expectation {
	switch (operation.operation) {
		case 'validate':
			return { outcome: 'error', attempts: 1, message: ['not a validation list', '[HTTP 200]'] };
		case 'get':
			return { outcome: 'error', attempts: 1, message: ['not an order', '[HTTP 200]'] };
		default:
			// A change is answered with JSON or nothing: anything else is not Norce.
			return {
				outcome: 'error',
				attempts: 1,
				message: ['with text that is not JSON', '[HTTP 200]'],
				description: ['may not point at the Norce Checkout API'],
			};
	}
}

/** A 404 after `first`: a result for removeValidation when `first` may have reached Norce. */
function notFoundAfter(first: FaultCase['rules'][number], uncertain: boolean) {
	return {
		rules: [
			{ ...first, times: 1 },
			{ kind: 'status', status: 404, code: 'validation-not-found', times: 1 },
		] as FaultCase['rules'],
		expect: (operation: OperationCase): Expectation => {
			const connection = first.kind === 'drop';
			if (connection && !operation.safeToRepeat) {
				return { outcome: 'error', attempts: 1, message: ['the connection was'] };
			}
			if (uncertain && !operation.safeToRepeat) {
				const status = first.kind === 'status' ? first.status : undefined;
				return { outcome: 'error', attempts: 1, message: [`${status}`] };
			}
			if (operation.operation === 'removeValidation' && uncertain) {
				return { outcome: 'success', attempts: 2 };
			}
			return { outcome: 'error', attempts: 2, message: ['[404 validation-not-found]'] };
		},
	};
}

/** A status answer `failures` times (always when undefined): retried where it may be. */
function statusRow(
	name: string,
	rule: Omit<StatusFault, 'kind' | 'times'> & { status: number },
	failures: number | undefined,
	message: string[] = [],
): FaultCase {
	const rules: FaultRule[] = [{ kind: 'status', ...rule, times: failures }];
	return { name, rules, expect: retriedOrNot(rule.status, failures, message) };
}

/** A dropped connection `failures` times (always when undefined). */
function dropRow(mode: 'reset' | 'close', failures: number | undefined, reason: string) {
	const times = failures === undefined ? 'always' : failures === 1 ? 'once' : 'twice';
	const rules: FaultRule[] = [{ kind: 'drop', mode, times: failures }];
	return { name: `drop (${mode}), ${times}`, rules, expect: connectionFailure(reason, failures) };
}

/** A server that echoes the Authorization header (and every other header) in its body. */
const echoRow = (status: number, message: string[]): FaultCase => ({
	name: `headersEcho ${status}`,
	rules: [{ kind: 'headersEcho', status }],
	expect: retriedOrNot(status, undefined, message),
});

const TRANSPORT_ROWS: FaultCase[] = [
	// 429 / 5xx that recover: retried success, attempts = failures + 1.
	statusRow('429 Retry-After: 1 (seconds), once', { status: 429, retryAfter: 1 }, 1),
	statusRow('429 Retry-After as HTTP date, twice', { status: 429, retryAfter: inOneSecond() }, 2),
	statusRow('429 Retry-After: 0, twice', { status: 429, retryAfter: 0 }, 2),
	// The wait is capped (20 ms in tests); an uncapped hour would fail by Jest's timeout.
	statusRow('429 Retry-After: 3600 (capped), once', { status: 429, retryAfter: 3600 }, 1),
	statusRow('429 Retry-After: HTTP date in the past, once', { status: 429, retryAfter: PAST }, 1),
	statusRow('429 Retry-After: garbage, once', { status: 429, retryAfter: 'soon' }, 1),
	// prettier-ignore
	statusRow(`429 ${MAX_RETRIES} times (recovers on the last attempt)`, { status: 429, retryAfter: 0 }, MAX_RETRIES),
	// prettier-ignore
	statusRow(`429 ${MAX_RETRIES + 1} times (one too many)`, { status: 429, retryAfter: 0, code: 'too-many' }, MAX_RETRIES + 1, ['[429 too-many]']),
	statusRow('503 HTML page, once', { status: 503, body: 'html' }, 1),
	statusRow('503 RFC 7807, twice', { status: 503, body: 'rfc7807' }, 2),
	statusRow('502 BaseError, once', { status: 502 }, 1),
	statusRow('504 empty, twice', { status: 504, body: 'empty' }, 2),
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

	// A 404 after an attempt that may (502, 504, dropped) or may not (503) have reached Norce.
	{ name: '502 once, then 404', ...notFoundAfter({ kind: 'status', status: 502 }, true) },
	{ name: '504 once, then 404', ...notFoundAfter({ kind: 'status', status: 504 }, true) },
	{ name: '503 once, then 404', ...notFoundAfter({ kind: 'status', status: 503 }, false) },
	{ name: 'reset once, then 404', ...notFoundAfter({ kind: 'drop', mode: 'reset' }, true) },

	// Connection failures: retried only where repeating is harmless.
	dropRow('reset', undefined, 'the connection was reset'),
	dropRow('reset', 1, 'the connection was reset'),
	dropRow('reset', 2, 'the connection was reset'),
	dropRow('close', undefined, UNREACHABLE),
	dropRow('close', 1, UNREACHABLE),
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
	{
		// Every attempt times out, so the retries after a timeout are counted without any
		// answer having to arrive before the short timer.
		name: 'hang, always',
		rules: [{ kind: 'hang' }],
		expect: connectionFailure(TIMED_OUT, undefined),
		unanswered: true,
	},
	{
		name: 'delay 50 ms, within the timeout',
		rules: [{ kind: 'delay', ms: 50 }],
		expect: () => ({ outcome: 'success', attempts: 1 }),
	},

	// Answers that are not what they claim to be.
	{ name: 'invalid JSON with 200', rules: [{ kind: 'invalidJson' }], expect: unusable200 },
	...[500, 503].map(
		(status): FaultCase => ({
			name: `invalid JSON with ${status}`,
			rules: [{ kind: 'invalidJson', status }],
			expect: retriedOrNot(status, undefined, [String(status)]),
		}),
	),

	echoRow(401, ['[401 unauthorized]', 'refused access']),
	echoRow(403, ['[403 forbidden]', 'refused access']),
	echoRow(400, ['[400 bad-request]']),
	echoRow(500, ['[500 internal-server-error]']),
	echoRow(502, ['[502 bad-gateway]']),
	{
		// The echo as a "successful" answer: get outputs whatever came back, so it must be scrubbed.
		name: 'headersEcho 200',
		rules: [{ kind: 'headersEcho', status: 200 }],
		// JSON: a change takes it as Norce's answer; only validate reads a list from it.
		expect: (operation) =>
			operation.operation === 'validate'
				? unusable200(operation)
				: { outcome: 'success', attempts: 1 },
	},
];

/** Random fault kinds that answer or drop at once; timeouts are the `hang` row's business. */
const RANDOM_KINDS: RandomFaultKind[] = ['429', '500', '502', '503', '504', 'reset', 'invalidJson'];

const COLUMNS: Array<[OperationCase, FaultCase[]]> = [
	[GET, [...statusRows(STATUSES), ...TRANSPORT_ROWS]],
	[VALIDATE, [...statusRows([400]), ...TRANSPORT_ROWS]],
	[REMOVE_VALIDATION, [...statusRows([404]), ...TRANSPORT_ROWS]],
];

describe.each(COLUMNS.map(([operation, rows]) => [operation.operation, operation, rows] as const))(
	'%s',
	(name, operation, rows) => {
		const tally: MatrixTally = newTally();
		const random = { inputs: 0, results: 0, errorItems: 0, requests: 0 };
		afterAll(() =>
			recordFigures(`fault-matrix-${name}`, {
				rows: rows.length + 1,
				maxRetries: MAX_RETRIES,
				...tally,
				randomFaults: random,
			}),
		);

		it.each(rows.map((fault) => [fault.name, fault] as const))('%s', async (_fault, fault) => {
			await runCell(norce, operation, fault, tally);
		});

		it('seeded random faults: each input ends as a result or one error item', async () => {
			norce.sandbox.setRandomFaults({
				rate: 0.4,
				seed: 20261128,
				kinds: RANDOM_KINDS,
				match: { operation: operation.operation },
			});
			const items: IDataObject[] = Array.from(
				{ length: 12 },
				(_, index) => operation.items[index % operation.items.length],
			);
			const result = await norce.run(operation.parameters, {
				items,
				onError: 'continueErrorOutput',
			});
			expectNoSecrets(result);

			const accounting = expectAccounted(result, items.length);
			for (const [index, errorItems] of accounting.errors) {
				expectErrorItemShape(errorItems[0], items[index]);
				// Every error says what happened: a status, a connection failure or an unusable answer.
				expect(String(errorItems[0].json.error)).toMatch(
					/\[(HTTP )?\d{3}|Could not reach Norce Checkout|not a validation list|not an order/,
				);
			}
			random.inputs += items.length;
			random.results += result.output.length;
			random.errorItems += result.errorOutput.length;
			random.requests += norce.sandbox.requests.length;
		});
	},
);

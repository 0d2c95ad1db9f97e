/**
 * Fault matrix, part 1: every HTTP error status Norce or a proxy may answer, with every body
 * flavour (BaseError, RFC 7807, HTML, empty, truncated, text), against all five operations.
 * Non-retryable statuses end as one error item after one request; 429/502/503/504 are retried
 * for every operation and end as an error item that says how many attempts were made.
 */
import type { StatusFaultBody } from '../sandbox';
import { recordFigures } from './figures';
import type { FaultCase } from './matrix';
import { MAX_RETRIES, newTally, OPERATIONS, RETRYABLE, retriedOrNot, runCell } from './matrix';
import { secretChecks, useReliabilitySandbox } from './support';

const norce = useReliabilitySandbox();

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

const FAULTS: FaultCase[] = STATUSES.flatMap((status) =>
	BODIES.map((body) => statusCase(status, body)),
);

const tally = newTally();

afterAll(() => {
	recordFigures('fault-matrix-status', {
		faultKinds: FAULTS.length,
		operations: OPERATIONS.length,
		maxRetries: MAX_RETRIES,
		...tally,
		secretChecks: secretChecks.runs,
	});
});

describe.each(OPERATIONS.map((operation) => [operation.operation, operation] as const))(
	'%s',
	(_name, operation) => {
		it.each(FAULTS.map((fault) => [fault.name, fault] as const))('%s', async (_fault, fault) => {
			await runCell(norce, operation, fault, tally);
		});
	},
);

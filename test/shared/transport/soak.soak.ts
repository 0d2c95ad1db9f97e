/**
 * Soak: 10,000 orders through validate (summary output, so each input yields exactly one item)
 * against a sandbox with 5% seeded random faults (429, 503, reset), its rate limit on, and
 * every 80th order hanging, at concurrency 1 and at the default 5. Every input must come out
 * exactly once — as its validation summary or as one error item — paired to it, in input
 * order, and agree with what the sandbox says about that order and with the requests it saw.
 * Counts and wall time are recorded as figures, never asserted.
 *
 * Timeouts without a race: a hanging order never gets an answer, so its short timeout is
 * certain to fire; every other order has a timeout no local answer comes near. A timeout is
 * therefore expected for exactly the hanging orders, on a loaded machine as on an idle one.
 */
import type { IDataObject } from 'n8n-workflow';

import { THROTTLE_ROUNDS } from '../../../shared/transport/throttle';
import { now, recordFigures } from '../../helpers/figures';
import { useNorceSandbox } from '../../helpers/norceFixture';
import { account, expectErrorItemShape, expectNoSecrets } from '../../helpers/outcome';
import { caughtUp } from '../../helpers/until';
import type { RecordedRequest } from '../../sandbox';
import { generatedOrderId, generatedOrderValidation } from '../../sandbox';
import { HANG_TIMEOUT_MS, MAX_RETRIES, UNHURRIED_TIMEOUT_MS } from './matrix';

const ORDERS = 10_000;
const FAULT_RATE = 0.05;
/** Every HANG_EVERY-th order is never answered. */
const HANG_EVERY = 80;
const RATE_LIMIT_PER_SECOND = 400;

const norce = useNorceSandbox({
	generated: ORDERS,
	rateLimit: { perSecond: RATE_LIMIT_PER_SECOND },
	randomFaults: {
		rate: FAULT_RATE,
		seed: 20261128,
		kinds: ['429', '503', 'reset'],
		match: { operation: 'validate' },
	},
});

const hangs = (index: number) => (index + 1) % HANG_EVERY === 0;

const items: IDataObject[] = Array.from({ length: ORDERS }, (_, index) => ({
	id: generatedOrderId(index + 1),
	timeoutMs: hangs(index) ? HANG_TIMEOUT_MS : UNHURRIED_TIMEOUT_MS,
}));

/** Decoded order id of a recorded validate request. */
function orderIdOf(request: RecordedRequest): string {
	const match = /\/orders\/([^/]+)\/validate$/.exec(request.path);
	return match ? decodeURIComponent(match[1]) : '';
}

const ANSWERED = new Set([200, 400]);
const RETRIED_STATUSES = new Set([429, 503]);

const ERROR_KINDS = ['reset', 'timeout', '429', '503', 'other'] as const;
type ErrorKind = (typeof ERROR_KINDS)[number];

function errorKind(message: string): ErrorKind {
	if (message.includes('the connection was reset')) return 'reset';
	if (message.includes('timed out')) return 'timeout';
	if (message.includes('[429')) return '429';
	if (message.includes('[503')) return '503';
	return 'other';
}

describe.each([
	['concurrency 1', 1],
	['default concurrency (5)', undefined],
])('soak, %s', (label, concurrency) => {
	it(`validates ${ORDERS} orders: none lost, none duplicated, all paired and in order`, async () => {
		for (const item of items.filter((_, index) => hangs(index))) {
			const match = { operation: 'validate' as const, orderId: item.id as string };
			norce.sandbox.addFault({ kind: 'hang', times: 1, match });
		}
		const started = now();
		const result = await norce.run(
			{
				operation: 'validate',
				orderId: '={{ $json.id }}',
				output: 'summary',
				options: {
					maxRetries: MAX_RETRIES,
					timeout: '={{ $json.timeoutMs }}',
					...(concurrency === undefined ? {} : { concurrency }),
				},
			},
			{ items, onError: 'continueErrorOutput' },
		);
		const wallMs = Math.round(now() - started);
		expectNoSecrets(result);
		// Attempts the node gave up on are read by the sandbox now, or were never sent (on a busy
		// machine the short timer can run out before the request leaves).
		await caughtUp(norce.sandbox.url);

		expect(result.error).toBeUndefined();
		const accounting = account(result, ORDERS);
		expect(accounting.unpaired).toHaveLength(0);
		expect(accounting.lost).toHaveLength(0);
		expect(accounting.duplicated).toHaveLength(0);
		for (const list of [result.output, result.errorOutput]) {
			const paired = list.map((item) => (item.pairedItem as { item: number }).item);
			expect(paired).toEqual([...new Set(paired)].sort((a, b) => a - b));
		}

		// What the sandbox saw, per order.
		const requestsByOrder = new Map<string, RecordedRequest[]>();
		for (const request of norce.sandbox.requests) {
			const id = orderIdOf(request);
			requestsByOrder.set(id, [...(requestsByOrder.get(id) ?? []), request]);
		}

		let valid = 0;
		let invalid = 0;
		let retriedSuccesses = 0;
		const errorsByKind = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, 0])) as Record<
			ErrorKind,
			number
		>;
		const mismatches: string[] = [];
		for (let index = 0; index < ORDERS; index++) {
			const orderId = generatedOrderId(index + 1);
			const seen = requestsByOrder.get(orderId) ?? [];
			const last = seen[seen.length - 1];
			const earlier = seen.slice(0, -1);
			// validate's POST is only ever repeated after "not processed, try later" answers.
			if (!earlier.every((request) => RETRIED_STATUSES.has(request.status ?? -1))) {
				mismatches.push(
					`${orderId}: repeated after ${earlier.map((request) => request.status).join(',')}`,
				);
			}
			// Max Retries bounds every repeat but those after a 429, which the run waits out as
			// one (at most THROTTLE_ROUNDS in a row before it stops sending).
			const repeats = earlier.filter((request) => request.status !== 429).length;
			const throttled = seen.filter((request) => request.status === 429).length;
			if (repeats > MAX_RETRIES || throttled > THROTTLE_ROUNDS + 1)
				mismatches.push(`${orderId}: ${seen.length} requests`);

			const result = accounting.results.get(index)?.[0];
			if (hangs(index) && (result || seen.length > 1 || (last && last.status !== null))) {
				mismatches.push(`${orderId}: hung, but ${seen.length} requests and a result: ${!!result}`);
			}
			if (result) {
				const expected = generatedOrderValidation(index + 1);
				const json = result.json as { orderId: string; valid: boolean; validations: IDataObject[] };
				if (json.orderId !== orderId) mismatches.push(`item ${index}: orderId ${json.orderId}`);
				if (json.valid !== (expected.status === 200))
					mismatches.push(`${orderId}: valid ${json.valid}`);
				if (
					json.validations.map((entry) => entry.code).join() !==
					expected.results.map((entry) => entry.code).join()
				) {
					mismatches.push(`${orderId}: validations differ`);
				}
				if (!last || !ANSWERED.has(last.status ?? -1))
					mismatches.push(`${orderId}: result without an answer`);
				if (json.valid) valid++;
				else invalid++;
				if (seen.length > 1) retriedSuccesses++;
				continue;
			}
			const errorItem = accounting.errors.get(index)?.[0];
			if (!errorItem) continue; // counted as lost above
			expectErrorItemShape(errorItem, items[index]);
			const message = String(errorItem.json.error);
			if (!message.includes(`order "${orderId}"`) && !message.includes('Norce Checkout')) {
				mismatches.push(`${orderId}: unclear error ${message}`);
			}
			const kind = errorKind(message);
			errorsByKind[kind]++;
			// The error matches what the sandbox did to the last attempt; a timeout happens to
			// the hanging orders and to no other.
			const lastStatus = last?.status;
			const agrees =
				(kind === 'reset' && lastStatus === 0) ||
				(kind === 'timeout' && hangs(index) && (lastStatus === null || lastStatus === undefined)) ||
				(kind === '429' && lastStatus === 429) ||
				(kind === '503' && lastStatus === 503 && repeats === MAX_RETRIES);
			if (!agrees)
				mismatches.push(`${orderId}: "${message}" but the sandbox answered ${lastStatus}`);
		}
		expect(mismatches.slice(0, 10)).toEqual([]);
		expect(errorsByKind.other).toBe(0);

		const { stats } = norce.sandbox;
		recordFigures(`soak-${concurrency ?? 'default'}`, {
			label,
			inputs: ORDERS,
			resultItems: result.output.length,
			errorItems: result.errorOutput.length,
			lost: accounting.lost.length,
			duplicated: accounting.duplicated.length,
			unpaired: accounting.unpaired.length,
			valid,
			invalid,
			retriedSuccesses,
			errorsByKind,
			requests: stats.total,
			byStatus: stats.byStatus,
			dropped: stats.dropped,
			maxInFlight: stats.maxInFlight,
			wallMs,
			settings: {
				faultRate: FAULT_RATE,
				rateLimitPerSecond: RATE_LIMIT_PER_SECOND,
				hangEvery: HANG_EVERY,
				hangTimeoutMs: HANG_TIMEOUT_MS,
				maxRetries: MAX_RETRIES,
			},
		});
	}, 240_000);
});

/**
 * The node backs off as one: a throttled answer pauses every request of the run, requests in
 * flight together count as one round, and after THROTTLE_ROUNDS rounds with nothing but
 * throttling the items not yet sent fail at once, each paired, saying nothing was sent.
 */
import { THROTTLE_ROUNDS, Throttle, isThrottle } from '../../../shared/transport/throttle';
import { useNorceSandbox } from '../../helpers/norceFixture';
import { DEMO } from '../../sandbox';

const norce = useNorceSandbox();

describe('Throttle', () => {
	const timing = { baseDelayMs: 1000, maxDelayMs: 30_000, random: () => 0.5 };
	const pausedUntil = (throttle: Throttle) =>
		(throttle as unknown as { pausedUntil: number }).pausedUntil;

	it('waits what Retry-After asks first, then longer each round, at most maxDelayMs', async () => {
		let now = 0;
		const throttle = new Throttle(timing, THROTTLE_ROUNDS, () => now);
		const pausedFor = () => pausedUntil(throttle) - now;

		throttle.throttled(0, undefined);
		expect(pausedFor()).toBe(1000);
		now += 1000;
		throttle.throttled(1, 5000);
		expect(pausedFor()).toBe(5000);
		now += 5000;
		throttle.throttled(2, undefined);
		expect(pausedFor()).toBe(4000);
		now += 4000;
		throttle.throttled(3, 3_600_000);
		expect(pausedFor()).toBe(30_000);
	});

	it('a lone throttle with Retry-After: 0 does not pause the run', () => {
		const throttle = new Throttle(timing, THROTTLE_ROUNDS, () => 0);
		throttle.throttled(0, 0);
		expect(pausedUntil(throttle)).toBe(0);
	});

	it('counts the answers to requests sent together as one round', () => {
		const throttle = new Throttle(timing, 2, () => 0);
		for (let inFlight = 0; inFlight < 5; inFlight++) throttle.throttled(0, undefined);
		expect(throttle.throttledRounds).toBe(1);
		expect(throttle.isOpen).toBe(false);
		throttle.throttled(1, undefined);
		expect(throttle.isOpen).toBe(false);
		throttle.throttled(2, undefined);
		expect(throttle.isOpen).toBe(true);
		expect(throttle.throttledRounds).toBe(2);
	});

	it('starts counting again after an answer, sent in the current round, that was not throttled', () => {
		const throttle = new Throttle(timing, 2, () => 0);
		throttle.throttled(0, undefined);
		throttle.throttled(1, undefined);
		throttle.passed(1); // sent before the second pause: says nothing
		expect(throttle.throttledRounds).toBe(2);
		throttle.passed(2);
		throttle.throttled(2, undefined);
		expect(throttle.throttledRounds).toBe(1);
	});

	it('takes a 429, and a 503 only when it says when to come back', () => {
		expect(isThrottle(429, undefined)).toBe(true);
		expect(isThrottle(503, 1000)).toBe(true);
		expect(isThrottle(503, undefined)).toBe(false);
		expect(isThrottle(502, 1000)).toBe(false);
	});
});

describe('a rate-limit storm, through the node', () => {
	const ITEMS = 200;
	const CONCURRENCY = 5; // as in `get`
	const items = Array.from({ length: ITEMS }, () => ({ id: DEMO.validOrderId }));
	const get = { operation: 'get', orderId: '={{ $json.id }}', options: { concurrency: 5 } };

	it('that does not end: a bounded number of requests, then every item fails fast and paired', async () => {
		norce.sandbox.addFault({ kind: 'status', status: 429, retryAfter: 0 });

		const result = await norce.run(get, { items, onError: 'continueRegularOutput' });

		// Per item, Max Retries 3 would have sent 4 × 200 = 800 requests.
		expect(norce.sandbox.requests.length).toBeLessThanOrEqual(CONCURRENCY * (THROTTLE_ROUNDS + 1));
		expect(norce.sandbox.requests.length).toBeGreaterThanOrEqual(THROTTLE_ROUNDS + 1);
		expect(result.output).toHaveLength(ITEMS);
		result.output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.error).toEqual(
				expect.stringContaining('Norce Checkout is rate limiting requests'),
			);
		});
		const neverSent = result.output.filter((item) =>
			String(item.json.error).includes('nothing was sent for order'),
		);
		expect(neverSent.length).toBeGreaterThanOrEqual(ITEMS - CONCURRENCY * (THROTTLE_ROUNDS + 1));
		expect(String(neverSent[0].json.message)).toContain(
			'Nothing was sent for this item, so it is safe to run again.',
		);
	});

	it('shorter than the breaker: every item succeeds', async () => {
		// Each round takes at least one of these, so they are over before the breaker could open.
		norce.sandbox.addFault({ kind: 'status', status: 429, times: THROTTLE_ROUNDS });

		const result = await norce.run(get, { items });

		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(ITEMS);
		expect(result.output.every((item) => item.json.id === DEMO.validOrderId)).toBe(true);
	});
});

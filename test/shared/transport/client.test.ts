/**
 * The transport as every operation uses it, through get (the fault matrix covers the statuses
 * and faults): the headers every request carries, the retry policy under other Max Retries
 * than the default, redaction of the key, refused connections, and cancellation.
 */
import type { INodeParameters } from 'n8n-workflow';
import { createDeferredPromise } from 'n8n-workflow';

import { isDotSegment } from '../../../shared/transport';
import { THROTTLE_ROUNDS } from '../../../shared/transport/throttle';
import { API, API_KEY, useNorceSandbox, wire } from '../../helpers/norceFixture';
import { expectNoSecrets } from '../../helpers/outcome';
import { until } from '../../helpers/until';
import type { FaultRule } from '../../sandbox';
import { DEMO } from '../../sandbox';

const norce = useNorceSandbox();

const get = (options: INodeParameters = {}) => ({
	operation: 'get',
	orderId: DEMO.validOrderId,
	options,
});

/** Statuses of the requests the sandbox saw, in order. */
const statuses = () => norce.sandbox.requests.map((request) => request.status);

describe('every request', () => {
	it('carries the Bearer key, merchant, channel and Accept, and no Content-Type without a body', async () => {
		const result = await norce.run(get(), {
			credentials: { ...norce.credentials, apiKey: `Bearer ${API_KEY}` },
		});

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders/${DEMO.validOrderId}`]);
		const [request] = norce.sandbox.requests;
		expect(request.headers).toMatchObject({
			authorization: `Bearer ${API_KEY}`,
			'x-merchant': norce.sandbox.merchant,
			'x-channel': 'se',
			accept: 'application/json',
		});
		expect(request.headers['content-type']).toBeUndefined();
		expect(request.headers['x-adapterid']).toBeUndefined();
		expect(request.body).toBe('');
	});
});

describe('retry policy', () => {
	async function attemptsWith(maxRetries: number, rules: FaultRule[], operation = 'get') {
		for (const rule of rules) norce.sandbox.addFault(rule);
		const result = await norce.run({ ...get({ maxRetries }), operation });
		return {
			attempts: norce.sandbox.requests.length,
			error: result.error?.message,
			description: result.error?.description,
		};
	}

	it.each([429, 502, 503, 504])('Max Retries 0: a %s is not retried', async (status) => {
		const outcome = await attemptsWith(0, [{ kind: 'status', status, code: 'busy' }]);
		expect(outcome.attempts).toBe(1);
		expect(outcome.error).toContain(`[${status} busy]`);
		expect(outcome.error).not.toContain('attempts');
	});

	it('Max Retries 0: a reset connection is not retried', async () => {
		const outcome = await attemptsWith(0, [{ kind: 'drop', mode: 'reset' }]);
		expect(outcome.attempts).toBe(1);
		expect(outcome.error).toBe(
			`Could not reach Norce Checkout for order "${DEMO.validOrderId}": the connection was reset`,
		);
	});

	it('Max Retries 1: a lasting 429 is waited out node-wide, then the node stops and says what to change', async () => {
		const outcome = await attemptsWith(1, [{ kind: 'status', status: 429, retryAfter: 1 }]);
		expect(outcome.attempts).toBe(THROTTLE_ROUNDS + 1);
		expect(outcome.error).toBe(
			`Norce Checkout is rate limiting requests [429 too-many-requests] after ${THROTTLE_ROUNDS + 1} attempts`,
		);
		expect(outcome.description).toContain(
			`throttled (429 or 503) for ${THROTTLE_ROUNDS} rounds of waiting in a row, so the node stopped sending`,
		);
		expect(outcome.description).toContain('Lower the Concurrency option');
	});

	it('Max Retries 10: 6 failures of mixed kinds, then success', async () => {
		const outcome = await attemptsWith(10, [
			{ kind: 'status', status: 503, times: 2 },
			{ kind: 'status', status: 429, retryAfter: 0, times: 2 },
			{ kind: 'status', status: 502, times: 1 },
			{ kind: 'drop', mode: 'close', times: 1 },
		]);
		expect(outcome).toEqual({ attempts: 7, error: undefined, description: undefined });
		expect(statuses()).toEqual([503, 503, 429, 429, 502, 0, 200]);
	});

	it.each<[string, FaultRule[], number, unknown, string[]]>([
		[
			'connection failures',
			[
				{ kind: 'drop', mode: 'reset', times: 3 },
				{ kind: 'drop', mode: 'close', times: 2 },
			],
			6,
			expect.stringContaining('the connection was reset'),
			['not retried after a connection failure because Norce may already have carried it out'],
		],
		[
			'gateway errors',
			[
				{ kind: 'status', status: 502, times: 1 },
				{ kind: 'status', status: 504, times: 1 },
			],
			3,
			'Norce Checkout failed with a server error [502 bad-gateway]',
			[
				'not retried after a gateway error because Norce may already have carried it out',
				`check order "${DEMO.validOrderId}" before running it`,
			],
		],
	])(
		'Max Retries 10: %s are retried for a read, never for validate',
		async (_, rules, attempts, error, texts) => {
			const read = await attemptsWith(10, rules);
			expect(read).toEqual({ attempts, error: undefined, description: undefined });

			norce.sandbox.reset();
			const validate = await attemptsWith(10, rules, 'validate');
			expect(validate.attempts).toBe(1);
			expect(validate.error).toEqual(error);
			for (const text of texts) expect(validate.description).toContain(text);
		},
	);

	it('a refused connection is retried, then reported with a hint at the credential', async () => {
		const result = await norce.run(get({ maxRetries: 1 }), {
			credentials: { ...norce.credentials, baseUrl: 'http://127.0.0.1:1/checkout/order' },
		});
		expect(result.error?.message).toBe(
			`Could not reach Norce Checkout for order "${DEMO.validOrderId}": the connection was refused after 2 attempts`,
		);
		expect(result.error?.description).toContain('Base URL');
	});
});

describe('the API key', () => {
	it('is scrubbed from an answer that echoes it, also from a success', async () => {
		norce.sandbox.addFault({ kind: 'headersEcho', status: 200 });
		const result = await norce.run(get());

		expectNoSecrets(result);
		type Echo = { message: string; receivedHeaders: Record<string, string> };
		const echoed = result.output[0].json as Echo;
		expect(echoed.message).toBe("Rejected request with Authorization 'Bearer ***'.");
		expect(echoed.receivedHeaders.authorization).toBe('Bearer ***');
		expect(echoed.receivedHeaders['x-merchant']).toBe(norce.sandbox.merchant);
	});

	it('is scrubbed also where JSON escapes spell it', async () => {
		const escaped = `\\u${API_KEY.charCodeAt(0).toString(16).padStart(4, '0')}${API_KEY.slice(1)}`;
		norce.sandbox.addFault({
			kind: 'status',
			status: 200,
			body: 'text',
			message: `{"id":"o_1","note":"key ${escaped}"}`,
			headers: { 'content-type': 'application/json' },
		});
		const result = await norce.run(get());

		expectNoSecrets(result);
		expect(result.output[0].json).toEqual({ id: 'o_1', note: 'key ***' });
	});

	it('a refused key is named in no message and stored nowhere in the run', async () => {
		const wrongKey = 'sk_live_dummy_wrong_Zq81LmXc';
		const result = await norce.run(get(), {
			credentials: { ...norce.credentials, apiKey: wrongKey },
		});

		expect(norce.sandbox.requests[0].headers.authorization).toBe(`Bearer ${wrongKey}`);
		expect(result.error).toMatchObject({
			message: 'Norce Checkout refused access [401 unauthorized]',
			httpCode: '401',
		});
		expect(result.error?.description).toContain('Check the API key, merchant and channel ("se")');
		expectNoSecrets(result, [wrongKey]);
	});

	it('an unknown channel is refused with a hint naming it', async () => {
		const result = await norce.run(get({ channel: 'dk' }));
		expect(result.error).toMatchObject({
			message: 'Norce Checkout refused access [403 forbidden]',
			httpCode: '403',
		});
		expect(result.error?.description).toContain('("dk")');
	});
});

describe('cancellation', () => {
	// Only n8n's sleep (setTimeout) is faked: the hour-long retry wait below can then end only
	// through the cancel signal, and no real timer outlives the test.
	beforeEach(() => {
		jest.useFakeTimers({
			doNotFake: [
				'nextTick',
				'setImmediate',
				'clearImmediate',
				'queueMicrotask',
				'setInterval',
				'clearInterval',
				'Date',
				'hrtime',
				'performance',
			],
		});
	});
	afterEach(() => jest.useRealTimers());

	it('ends a retry wait when the execution is cancelled, without another request', async () => {
		norce.sandbox.addFault({ kind: 'status', status: 502 });
		const waiting = createDeferredPromise<void>();
		const hour = 3_600_000;
		const result = await norce.run(get({ maxRetries: 3 }), {
			// `random` is asked for the jitter right before the wait starts: the event to cancel on.
			timing: {
				baseDelayMs: hour,
				maxDelayMs: hour,
				random: () => {
					waiting.resolve();
					return 1;
				},
			},
			cancelWhen: waiting.promise,
		});

		expect(result.cancelled).toBe(true);
		expect(statuses()).toEqual([502]);
		expect(result.output).toEqual([]);
	});

	it('stops the requests in flight when the execution is cancelled, whatever their Timeout', async () => {
		norce.sandbox.addFault({ kind: 'hang' });
		const items = [0, 1, 2].map(() => ({ json: {} }));
		const result = await norce.run(get({ timeout: 600_000, concurrency: 3 }), {
			items,
			cancelWhen: until(() => norce.sandbox.requests.length === 3),
		});

		expect(result.cancelled).toBe(true);
		expect(norce.sandbox.requests).toHaveLength(3); // none sent again
	});
});

describe('path segments', () => {
	it('knows a dot segment, also percent-encoded, from names with dots', () => {
		const dotSegments = ['.', '..', '%2e', '%2E%2e', '.%2E'];
		const names = ['...', 'a..b', '.hidden'];
		expect([...dotSegments, ...names].map((segment) => isDotSegment(segment))).toEqual(
			[...dotSegments, ...names].map((segment) => dotSegments.includes(segment)),
		);
	});
});

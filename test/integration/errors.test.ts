import { DEMO } from '../sandbox';
import { API, useNorceSandbox, wire } from '../helpers/norceFixture';
import type { RunResult } from '../helpers/n8nRuntime';

// Distinctive, so any copy of it in run data is found.
const SANDBOX_TOKEN = ['sandbox', 'token', 'f8e7d6c5b4a'].join('-');
const norce = useNorceSandbox({ apiKey: SANDBOX_TOKEN });

/** The key must not appear anywhere n8n keeps: items, errors, stored run data. */
function expectNoSecret(result: RunResult) {
	expect(result.serialized).not.toContain(SANDBOX_TOKEN);
	expect(JSON.stringify(result.error ?? {})).not.toContain(SANDBOX_TOKEN);
}

const ids = [DEMO.failingOrderId, 'o_does_not_exist', DEMO.validOrderId];

describe('errors', () => {
	it('says what to check on 401 and never shows the key', async () => {
		const result = await norce.run(
			{ operation: 'get', orderId: DEMO.validOrderId },
			{ credentials: { ...norce.credentials, apiKey: 'Bearer wrong-key' } },
		);

		expect(norce.sandbox.requests[0].headers.authorization).toBe('Bearer wrong-key');
		expect(result.error).toMatchObject({
			message: 'Norce Checkout refused access [401 unauthorized]',
			httpCode: '401',
		});
		expect(result.error?.description).toContain('Check the API key, merchant and channel');
		expect(result.serialized).not.toContain('wrong-key');
		expectNoSecret(result);
	});

	it('says what to check on 403 (unknown channel)', async () => {
		const result = await norce.run({
			operation: 'get',
			orderId: DEMO.validOrderId,
			options: { channel: 'dk' },
		});

		expect(result.error).toMatchObject({
			message: 'Norce Checkout refused access [403 forbidden]',
			httpCode: '403',
		});
		expect(result.error?.description).toContain('"dk"');
		expectNoSecret(result);
	});

	it('sends the key as one Bearer even when pasted with the prefix', async () => {
		await norce.run(
			{ operation: 'get', orderId: DEMO.validOrderId },
			{ credentials: { ...norce.credentials, apiKey: `Bearer ${SANDBOX_TOKEN}` } },
		);
		expect(norce.sandbox.requests[0].headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`);
		expect(norce.sandbox.requests[0].status).toBe(200);
	});

	it('does not leak the key a misbehaving server echoes back', async () => {
		norce.sandbox.addFault({ kind: 'headersEcho', status: 401 });
		const result = await norce.run(
			{ operation: 'validate', orderId: DEMO.validOrderId },
			{ onError: 'continueErrorOutput' },
		);

		expect(norce.sandbox.requests).toHaveLength(1);
		expect(result.errorOutput).toHaveLength(1);
		expectNoSecret(result);
	});

	it('routes failed items to the error output, paired and in order, while others succeed', async () => {
		const result = await norce.run(
			{ operation: 'validate', orderId: '={{ $json.id }}', output: 'summary' },
			{ items: ids.map((id) => ({ id })), onError: 'continueErrorOutput' },
		);

		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => [item.json.orderId, item.pairedItem])).toEqual([
			[DEMO.failingOrderId, { item: 0 }],
			[DEMO.validOrderId, { item: 2 }],
		]);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].pairedItem).toEqual({ item: 1 });
		// n8n merges the input item into an error-output item, so the input id is at hand.
		expect(result.errorOutput[0].json).toMatchObject({
			id: 'o_does_not_exist',
			error: 'Not found: order "o_does_not_exist" [404 order-not-found]',
			message: expect.stringContaining('Norce said: Order with id:o_does_not_exist not found.'),
		});
		expectNoSecret(result);
	});

	it('keeps error items on the main output with continueRegularOutput', async () => {
		const result = await norce.run(
			{ operation: 'get', orderId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })), onError: 'continueRegularOutput' },
		);

		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.output[1].json).toEqual({
			error: 'Not found: order "o_does_not_exist" [404 order-not-found]',
			message: expect.any(String),
		});
		expect(result.output[2].json.id).toBe(DEMO.validOrderId);
	});

	it('stops at the first failing item without continue-on-fail, naming it', async () => {
		const result = await norce.run(
			{ operation: 'get', orderId: '={{ $json.id }}', options: { concurrency: 1 } },
			{ items: ids.map((id) => ({ id })) },
		);

		expect(result.error).toMatchObject({
			message: 'Not found: order "o_does_not_exist" [404 order-not-found]',
		});
		expect(result.error?.context.itemIndex).toBe(1);
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.failingOrderId}`,
			`GET ${API}/orders/o_does_not_exist`,
		]);
	});

	it('turns an unusable credential into an error item per item, before any request', async () => {
		const result = await norce.run(
			{ operation: 'get', orderId: '={{ $json.id }}' },
			{
				items: ids.map((id) => ({ id })),
				onError: 'continueErrorOutput',
				credentials: { ...norce.credentials, environment: 'production', slug: 'evil.example/x#' },
			},
		);

		expect(norce.sandbox.requests).toEqual([]);
		expect(result.errorOutput.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.errorOutput[0].json.error).toContain('slug');
		expect(result.errorOutput[0].json.message).toBe(
			'Fix the "slug" field of the Norce Checkout credential.',
		);
	});

	it.each([
		['BaseError', { kind: 'status', status: 409, body: 'base' }, '[409 conflict]'],
		['RFC 7807', { kind: 'status', status: 400, body: 'rfc7807' }, '[400 Bad Request]'],
		['HTML', { kind: 'status', status: 500, body: 'html' }, '[HTTP 500]'],
		['empty', { kind: 'status', status: 500, body: 'empty' }, '[HTTP 500]'],
		['truncated JSON', { kind: 'status', status: 500, body: 'truncated' }, '[HTTP 500]'],
	] as const)('reads a %s error body', async (_name, fault, tag) => {
		norce.sandbox.addFault(fault);
		const result = await norce.run({ operation: 'get', orderId: DEMO.validOrderId });

		expect(result.error?.message).toContain(tag);
		expect(result.error).toMatchObject({ httpCode: String(fault.status) });
		expectNoSecret(result);
	});

	it('retries a 503 and succeeds, and reports attempts when retries run out', async () => {
		norce.sandbox.addFault({ kind: 'status', status: 503, times: 2 });
		const recovered = await norce.run({ operation: 'get', orderId: DEMO.validOrderId });
		expect(recovered.error).toBeUndefined();
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([503, 503, 200]);

		norce.sandbox.reset();
		norce.sandbox.addFault({ kind: 'status', status: 429, retryAfter: 0 });
		const exhausted = await norce.run({
			operation: 'get',
			orderId: DEMO.validOrderId,
			options: { maxRetries: 2 },
		});
		expect(exhausted.error?.message).toBe(
			'Norce Checkout is rate limiting requests [429 too-many-requests] after 3 attempts',
		);
		expect(norce.sandbox.requests).toHaveLength(3);
	});

	it('does not repeat validate after a dropped connection, but repeats a read', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1 });
		const validate = await norce.run({ operation: 'validate', orderId: DEMO.validOrderId });
		expect(norce.sandbox.requests).toHaveLength(1);
		expect(validate.error?.message).toBe(
			`Could not reach Norce Checkout for order "${DEMO.validOrderId}": the connection was reset`,
		);
		expect(validate.error?.description).toContain('not retried after a connection failure');

		norce.sandbox.reset();
		norce.sandbox.addFault({ kind: 'drop', times: 1 });
		const get = await norce.run({ operation: 'get', orderId: DEMO.validOrderId });
		expect(get.error).toBeUndefined();
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0, 200]);
	});

	it('gives up on a request that takes longer than the timeout', async () => {
		norce.sandbox.addFault({ kind: 'hang' });
		const result = await norce.run({
			operation: 'get',
			orderId: DEMO.validOrderId,
			options: { timeout: 50, maxRetries: 1 },
		});

		expect(result.error?.message).toBe(
			`Could not reach Norce Checkout for order "${DEMO.validOrderId}": the request timed out (50 ms) after 2 attempts`,
		);
		expect(norce.sandbox.requests).toHaveLength(2);
	});

	it('reports a refused connection with a hint at the credential', async () => {
		const result = await norce.run(
			{ operation: 'get', orderId: DEMO.validOrderId, options: { maxRetries: 0 } },
			{ credentials: { ...norce.credentials, baseUrl: 'http://127.0.0.1:1/checkout/order' } },
		);
		expect(result.error?.message).toBe(
			`Could not reach Norce Checkout for order "${DEMO.validOrderId}": the connection was refused`,
		);
		expect(result.error?.description).toContain('Base URL');
	});
});

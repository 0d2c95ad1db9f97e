/**
 * Redirects: the key, merchant and channel go only to the credential's origin. Every redirect
 * status × every way of pointing elsewhere, for a read, a write, the trigger's poll and the
 * credential's Test; the listener elsewhere must receive no request at all.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { NorceApi } from '../../../credentials/NorceApi.credentials';
import type { Hostile } from '../../helpers/hostile';
import { selfSigned, startHostile, trustSelfSigned } from '../../helpers/hostile';
import type { NorceFixture } from '../../helpers/norceFixture';
import { API, TEST_RETRY_TIMING, useNorceSandbox, wire } from '../../helpers/norceFixture';
import { createPoller } from '../../helpers/pollRuntime';
import { DEMO } from '../../sandbox';

const norce = useNorceSandbox();
const credential = new NorceApi();
let elsewhere: Hostile;
beforeAll(async () => {
	elsewhere = await startHostile();
});
beforeEach(() => elsewhere.reset());
afterAll(async () => await elsewhere.close());

const STATUSES = [301, 302, 303, 307, 308];

/** Where a redirect points, and the origin the error must name. */
const TARGETS: Record<string, (sandbox: NorceFixture['sandbox']) => [string, string]> = {
	'another port': () => [`${elsewhere.origin}/steal`, elsewhere.origin],
	'another host name for the same server': (sandbox) => {
		const other = sandbox.url.replace('127.0.0.1', 'localhost');
		return [`${other}${API}/orders`, other];
	},
	'a protocol-relative URL': () => [`//127.0.0.1:${elsewhere.port}/steal`, elsewhere.origin],
};

type Kind = 'read' | 'write' | 'poll' | 'credential test';

/** Runs one request of `kind` against `fixture`; resolves to the error text (or undefined). */
async function send(kind: Kind, fixture: NorceFixture): Promise<string | undefined> {
	if (kind === 'read' || kind === 'write') {
		const parameters =
			kind === 'read'
				? { operation: 'get', orderId: DEMO.validOrderId }
				: { operation: 'updateReference', orderId: DEMO.validOrderId, reference: 'R-1' };
		const result = await fixture.run(parameters);
		expect(result.output).toEqual([]);
		return result.error?.message;
	}
	if (kind === 'poll') {
		const poller = createPoller({
			parameters: { event: 'orderCreated' },
			credentials: fixture.credentials,
			dependencies: { timing: TEST_RETRY_TIMING, now: () => Date.now() },
		});
		return await poller.poll('manual').then(
			() => undefined,
			(error: Error) => error.message,
		);
	}
	// The Test as n8n runs it: the credential's authenticate(), then n8n's own HTTP helper.
	const options = await credential.authenticate(fixture.credentials, {
		...({ url: '/api/v0/checkout/orders', method: 'GET', qs: { limit: 1 } } as IHttpRequestOptions),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	});
	const answer = (await httpRequest(options)) as { statusCode: number };
	return `HTTP ${answer.statusCode}`;
}

const MATCH: Record<Kind, string> = {
	read: 'get',
	write: 'updateReference',
	poll: 'getMany',
	'credential test': 'getMany',
};

/** The first request of `kind` is answered with a redirect to `location`. */
function redirectOnce(fixture: NorceFixture, kind: Kind, status: number, location: string) {
	const match = { operation: MATCH[kind] as never };
	fixture.sandbox.addFault({
		kind: 'status',
		status,
		body: 'empty',
		times: 1,
		headers: { location },
		match,
	});
}

describe.each<Kind>(['read', 'write', 'poll', 'credential test'])('a %s', (kind) => {
	describe.each(Object.keys(TARGETS))('redirected to %s', (targetName) => {
		it.each(STATUSES)('%s: not followed; nothing reaches the other origin', async (status) => {
			const [location, origin] = TARGETS[targetName](norce.sandbox);
			redirectOnce(norce, kind, status, location);

			const error = await send(kind, norce);

			expect(elsewhere.requests).toEqual([]);
			expect(norce.sandbox.requests).toHaveLength(1);
			if (kind === 'read' || kind === 'poll') {
				expect(error).toContain(`to another host, ${origin} [HTTP ${status}]`);
			} else if (kind === 'write') {
				expect(error).toContain(`with a redirect [HTTP ${status}]`);
			} else {
				expect(error).toBe(`HTTP ${status}`);
			}
		});
	});
});

describe('same-origin redirects of a read', () => {
	it('are followed, with the key, and the query of the Location', async () => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 302,
			times: 1,
			headers: { location: `${API}/orders/${DEMO.validOrderId}?moved=1` },
			match: { operation: 'get' },
		});

		const result = await norce.run({ operation: 'get', orderId: DEMO.validOrderId });

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}`,
			`GET ${API}/orders/${DEMO.validOrderId}?moved=1`,
		]);
		expect(norce.sandbox.requests[1].headers.authorization).toBe(`Bearer ${norce.sandbox.apiKey}`);
		expect(result.output[0].json).toMatchObject({ id: DEMO.validOrderId });
	});

	it('end as an error after five, not as "the connection failed"', async () => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 302,
			headers: { location: `${API}/orders/${DEMO.validOrderId}` },
			match: { operation: 'get' },
		});

		const result = await norce.run({ operation: 'get', orderId: DEMO.validOrderId });

		expect(norce.sandbox.requests).toHaveLength(6);
		expect(result.error?.message).toBe(
			`Norce Checkout redirected the request for order "${DEMO.validOrderId}" in a loop [HTTP 302]`,
		);
		expect(result.error?.description).toContain('still being redirected after 5 redirects');
	});
});

describe('from https', () => {
	const secure = useNorceSandbox({ tls: selfSigned() });
	let restore: () => void;
	beforeAll(() => {
		restore = trustSelfSigned();
	});
	afterAll(() => restore());

	describe.each<Kind>(['read', 'write', 'poll', 'credential test'])('a %s', (kind) => {
		it.each(STATUSES)('%s to http (a downgrade): not followed', async (status) => {
			redirectOnce(secure, kind, status, `http://127.0.0.1:${elsewhere.port}/steal`);

			const error = await send(kind, secure);

			expect(elsewhere.requests).toEqual([]);
			expect(secure.sandbox.requests).toHaveLength(1);
			if (kind === 'read' || kind === 'poll') expect(error).toContain(elsewhere.origin);
			else expect(error).toContain(`${status}`);
		});
	});
});

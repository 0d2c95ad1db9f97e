/**
 * The credential's Test (testedBy → shared/transport/credentialTest.ts), run the way n8n runs it:
 * n8n-core's own CredentialTestContext (its legacy request helper) against the sandbox and
 * hostile servers. Each wrong field gets its own message; the key never appears in one.
 */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

import { NorceCheckoutNotificationTrigger } from '../../../nodes/NorceCheckoutNotificationTrigger/NorceCheckoutNotificationTrigger.node';
import { NorceCheckoutOrder } from '../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import { NorceCheckoutTrigger } from '../../../nodes/NorceCheckoutTrigger/NorceCheckoutTrigger.node';
import { NorceApi } from '../../../credentials/NorceApi.credentials';
import { testNorceCredential } from '../../../shared/transport';
import type { Hostile } from '../../helpers/hostile';
import { startHostile } from '../../helpers/hostile';
import { API, API_KEY, useNorceSandbox, wire } from '../../helpers/norceFixture';

const norce = useNorceSandbox();
let elsewhere: Hostile;
beforeAll(async () => {
	elsewhere = await startHostile();
});
beforeEach(() => elsewhere.reset());
afterAll(async () => await elsewhere.close());

async function test(changes: ICredentialDataDecryptedObject = {}) {
	const context = new CredentialTestContext() as unknown as ICredentialTestFunctions;
	const result = await testNorceCredential.call(context, {
		id: 'cred-1',
		name: 'Norce',
		type: 'norceApi',
		data: { ...norce.credentials, ...changes },
	});
	expect(result.message).not.toContain(String(changes.apiKey ?? API_KEY));
	return result;
}

describe('the Test button', () => {
	it('is what every node offers for the credential, and the credential has no fixed-text test', () => {
		for (const node of [
			new NorceCheckoutOrder(),
			new NorceCheckoutTrigger(),
			new NorceCheckoutNotificationTrigger(),
		]) {
			expect(node.description.credentials).toEqual([
				{ name: 'norceApi', required: true, testedBy: 'norceApiTest' },
			]);
			expect(node.methods.credentialTest.norceApiTest).toBe(testNorceCredential);
		}
		// n8n uses a credential's own `test` first and would never ask the nodes
		expect((new NorceApi() as { test?: unknown }).test).toBeUndefined();
	});

	it('passes with the right credential: one GET of one order, with key, merchant and channel', async () => {
		expect(await test()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders?limit=1`]);
		expect(norce.sandbox.requests[0].headers).toMatchObject({
			authorization: `Bearer ${API_KEY}`,
			'x-merchant': norce.sandbox.merchant,
			'x-channel': 'se',
		});
	});

	it('401: the API key', async () => {
		const result = await test({ apiKey: 'sk_live_dummy_wrong_key' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'Norce Checkout refused the API key (401). Paste the access token from your Norce contact into API Key (with or without "Bearer "), and check it belongs to this environment.',
		});
	});

	it('403: merchant or channel, naming both values', async () => {
		const merchant = await test({ merchant: 'other-shop' });
		expect(merchant.message).toBe(
			'Norce Checkout refused merchant "other-shop" or channel "se" for this API key (403). Check Merchant and Channel: the key must be allowed for both.',
		);
		const channel = await test({ channel: 'dk' });
		expect(channel.message).toBe(
			`Norce Checkout refused merchant "${norce.sandbox.merchant}" or channel "dk" for this API key (403). Check Merchant and Channel: the key must be allowed for both.`,
		);
	});

	it('404: the Base URL must end with /checkout/order', async () => {
		const result = await test({ baseUrl: norce.sandbox.url });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			`Nothing at ${norce.sandbox.url}/api/v0/checkout/orders (404). The Base URL must be the Order API base, ending with /checkout/order (e.g. https://my-shop.api-se.norce.tech/checkout/order).`,
		);
	});

	it('a redirect elsewhere is reported and never followed: the other host receives nothing', async () => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 302,
			body: 'empty',
			times: 1,
			headers: { location: `${elsewhere.origin}/steal` },
			match: { operation: 'getMany' },
		});
		const result = await test();
		expect(result.message).toMatch(
			new RegExp(`redirected \\(302\\) to ${elsewhere.origin}; the key is never sent on\\.`),
		);
		expect(elsewhere.requests).toEqual([]);
	});

	it("a 200 that is not Norce's order list (a proxy's sign-in page) is not a success", async () => {
		elsewhere.answer({ kind: 'html', status: 200 });
		const result = await test({ baseUrl: `${elsewhere.origin}/checkout/order` });
		expect(result.status).toBe('Error');
		expect(result.message).toContain("answered HTTP 200, but not with Norce's order list");
	});

	it('an unreachable host says so and where to look', async () => {
		const closed = await startHostile();
		const origin = closed.origin;
		await closed.close();
		const result = await test({ baseUrl: `${origin}/checkout/order` });
		expect(result.message).toMatch(
			new RegExp(
				`^Could not reach ${origin}: the connection was refused \\(ECONNREFUSED\\)\\. The Base URL`,
			),
		);
	});

	it('a field that cannot be used is named before anything is sent', async () => {
		const result = await test({ environment: 'playground', slug: 'My_Shop' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'The slug may only contain lowercase letters, digits and hyphens (for example "my-shop") (field "slug")',
		});
		expect(norce.sandbox.requests).toEqual([]);
	});
});

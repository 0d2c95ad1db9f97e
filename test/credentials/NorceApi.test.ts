import type { IHttpRequestOptions, INode, INodePropertyOptions } from 'n8n-workflow';
import {
	httpRequest,
	proxyRequestToAxios,
} from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { NorceApi } from '../../credentials/NorceApi.credentials';
import type { Hostile } from '../helpers/hostile';
import { startHostile } from '../helpers/hostile';
import { API_KEY } from '../helpers/norceFixture';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';

const credential = new NorceApi();

describe('description', () => {
	it('has the fixed public names and fields', () => {
		expect(credential.name).toBe('norceApi');
		expect(credential.displayName).toBe('Norce Checkout API');
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		expect(credential.properties.map((prop) => prop.name)).toEqual([
			'environment',
			'slug',
			'baseUrl',
			'merchant',
			'channel',
			'apiKey',
		]);
	});

	it('offers the four environments, playground first, and hides the API key', () => {
		const byName = Object.fromEntries(credential.properties.map((prop) => [prop.name, prop]));
		expect(byName.environment.default).toBe('playground');
		expect(
			(byName.environment.options as INodePropertyOptions[]).map((option) => option.value),
		).toEqual(['playground', 'stage', 'production', 'custom']);
		expect(byName.apiKey.typeOptions).toEqual({ password: true });
		expect(byName.baseUrl.displayOptions).toEqual({ show: { environment: ['custom'] } });
		expect(byName.slug.displayOptions).toEqual({ hide: { environment: ['custom'] } });
	});
});

describe('authenticate', () => {
	const credentials = {
		environment: 'stage',
		slug: 'my-shop',
		merchant: 'norce-demo',
		channel: 'se',
		apiKey: 'Bearer tok',
	};

	it('gives a relative request the absolute URL, the headers, one Bearer and no redirects', async () => {
		const request = await credential.authenticate(credentials, {
			url: '/api/v0/checkout/orders',
			qs: { limit: 1 },
		} as IHttpRequestOptions);
		expect(request).toEqual({
			baseURL: undefined,
			url: 'https://my-shop.api-se.stage.norce.tech/checkout/order/api/v0/checkout/orders',
			qs: { limit: 1 },
			headers: {
				Accept: 'application/json',
				Authorization: 'Bearer tok',
				'x-merchant': 'norce-demo',
				'x-channel': 'se',
			},
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			followRedirect: false,
			followAllRedirects: false,
		});
	});

	it("keeps the node's absolute URL on the credential's host and its channel, but never its Authorization", async () => {
		const url = 'https://my-shop.api-se.stage.norce.tech/checkout/order/api/v0/checkout/orders/o_1';
		const request = await credential.authenticate(credentials, {
			url,
			headers: { 'x-channel': 'no', Authorization: 'Bearer other' },
		} as IHttpRequestOptions);
		expect(request.url).toBe(url);
		expect(request.headers).toEqual({
			Accept: 'application/json',
			'x-merchant': 'norce-demo',
			'x-channel': 'no',
			Authorization: 'Bearer tok',
		});
	});

	it('sends the Configuration API the key only: merchant and channel are in its path', async () => {
		const request = await credential.authenticate(credentials, {
			url: 'https://my-shop.api-se.stage.norce.tech/checkout/configuration/api/v1/configuration/merchants/m/channels/se/configurations/static_notifications',
		} as IHttpRequestOptions);
		expect(request.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok' });
	});

	it('refuses to authenticate for a slug that would change the host', async () => {
		await expect(
			credential.authenticate({ ...credentials, slug: 'evil.example/x#' }, {
				url: '/x',
			} as IHttpRequestOptions),
		).rejects.toThrow(expect.objectContaining({ field: 'slug' }));
	});
});

/** A custom credential pointing at the sandbox. */
const credentialFor = (sandbox: Sandbox) => ({
	environment: 'custom',
	baseUrl: sandbox.baseUrl,
	merchant: sandbox.merchant,
	channel: 'se',
	apiKey: API_KEY,
});

describe('credential test', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ apiKey: API_KEY });
	});
	beforeEach(() => sandbox.reset());
	afterAll(async () => await sandbox.close());

	/** Sends the credential's test request the way n8n does: authenticate, then n8n's HTTP helper. */
	async function testCredential(apiKey: string) {
		const options = await credential.authenticate(
			{ ...credentialFor(sandbox), apiKey },
			{
				...({
					url: '/api/v0/checkout/orders',
					method: 'GET',
					qs: { limit: 1 },
				} as IHttpRequestOptions),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			},
		);
		const answer = (await httpRequest(options)) as { statusCode: number };
		return answer.statusCode;
	}

	it('asks for one order of the list, and passes with the right key', async () => {
		expect(await testCredential(API_KEY)).toBe(200);
		expect(sandbox.requests.map((request) => [request.method, request.rawPath])).toEqual([
			['GET', '/checkout/order/api/v0/checkout/orders?limit=1'],
		]);
	});

	it('fails with a wrong key', async () => {
		expect(await testCredential('sk_live_dummy_wrong')).toBe(401);
	});

	describe('borrowed by another node', () => {
		let elsewhere: Hostile;
		beforeAll(async () => {
			elsewhere = await startHostile();
		});
		afterAll(async () => await elsewhere.close());

		const node = { name: 'HTTP Request', type: 'n8n-nodes-base.httpRequest' } as INode;

		it('refuses to add the key to a request for another origin', async () => {
			await expect(
				credential.authenticate(credentialFor(sandbox), { url: `${elsewhere.origin}/steal` }),
			).rejects.toThrow(`sends its API key only to ${sandbox.url}, not to ${elsewhere.origin}`);
		});

		it('turns off following redirects in the legacy request helper the HTTP Request node uses', async () => {
			sandbox.addFault({
				kind: 'status',
				status: 302,
				body: 'empty',
				headers: { location: `${elsewhere.origin}/steal` },
			});
			const options = await credential.authenticate(credentialFor(sandbox), {
				uri: `${sandbox.baseUrl}/api/v0/checkout/orders`,
				method: 'GET',
				followRedirect: true,
				followAllRedirects: true,
				resolveWithFullResponse: true,
				simple: false,
			} as unknown as IHttpRequestOptions);

			const answer = (await proxyRequestToAxios(
				undefined as never,
				undefined as never,
				node,
				options as never,
			)) as {
				statusCode: number;
			};

			expect(answer.statusCode).toBe(302);
			expect(elsewhere.requests).toEqual([]);
		});
	});
});

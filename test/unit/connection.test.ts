import type { IHttpRequestOptions } from 'n8n-workflow';

import { NorceApi } from '../../credentials/NorceApi.credentials';
import { bearerToken, norceBaseUrl, norceConnection } from '../../shared/connection';

const base = { merchant: 'norce-demo', channel: 'se', apiKey: 'secret' };

describe('norceBaseUrl', () => {
	it.each([
		['playground', 'https://my-shop.api-se.playground.norce.tech/checkout/order'],
		['stage', 'https://my-shop.api-se.stage.norce.tech/checkout/order'],
		['production', 'https://my-shop.api-se.norce.tech/checkout/order'],
	])('builds the %s URL from the slug', (environment, expected) => {
		expect(norceBaseUrl({ environment, slug: 'my-shop' })).toBe(expected);
	});

	it('defaults to playground', () => {
		expect(norceBaseUrl({ slug: 'a1' })).toBe(
			'https://a1.api-se.playground.norce.tech/checkout/order',
		);
	});

	it.each([
		'evil.example/x#',
		'a.b',
		'a@b',
		'Shop',
		'my shop',
		'-shop',
		'shop-',
		'a:80',
		'',
		'   ',
	])('refuses the slug %j', (slug) => {
		expect(() => norceBaseUrl({ environment: 'production', slug })).toThrow(
			expect.objectContaining({ field: 'slug' }),
		);
	});

	it('takes a custom base URL and drops trailing slashes', () => {
		expect(
			norceBaseUrl({ environment: 'custom', baseUrl: 'http://127.0.0.1:4010/checkout/order//' }),
		).toBe('http://127.0.0.1:4010/checkout/order');
	});

	it.each([
		['ftp://host/checkout/order', 'must start with http'],
		['javascript:alert(1)', 'must start with http'],
		['file:///etc/passwd', 'must start with http'],
		['not a url', 'not a valid URL'],
		['https://user:pw@host/checkout/order', 'must not contain'],
		['https://host/checkout/order?x=1', 'must not contain'],
		['', 'no Base URL'],
	])('refuses the custom base URL %j', (baseUrl, message) => {
		expect(() => norceBaseUrl({ environment: 'custom', baseUrl })).toThrow(message);
	});

	it('refuses an unknown environment', () => {
		expect(() => norceBaseUrl({ environment: 'moon', slug: 'a' })).toThrow(
			'Unknown Norce environment',
		);
	});
});

describe('norceConnection', () => {
	it('strips a pasted Bearer prefix once', () => {
		expect(bearerToken('Bearer abc')).toBe('abc');
		expect(bearerToken('  bearer   abc ')).toBe('abc');
		expect(bearerToken('abc')).toBe('abc');
		expect(norceConnection({ ...base, slug: 'x', apiKey: 'Bearer k' }).token).toBe('k');
	});

	it.each([
		['merchant', { merchant: 'a\r\nx-evil: 1' }, 'line break'],
		['channel', { channel: 'se\n' + 'x' }, 'line break'],
		['merchant', { merchant: '' }, 'no merchant'],
		['channel', { channel: ' ' }, 'no channel'],
		['apiKey', { apiKey: '' }, 'no API key'],
		['apiKey', { apiKey: 'Bearer ' }, 'no API key'],
	])('names the %s field when it is unusable', (field, change, message) => {
		expect(() => norceConnection({ ...base, slug: 'x', ...change })).toThrow(
			expect.objectContaining({ field, message: expect.stringContaining(message) }),
		);
	});
});

describe('NorceApi.authenticate', () => {
	const credential = new NorceApi();
	const credentials = { ...base, environment: 'stage', slug: 'my-shop', apiKey: 'Bearer tok' };

	it('completes the credential test request: base URL, headers and one Bearer', async () => {
		const request = await credential.authenticate(credentials, {
			url: '/api/v0/checkout/orders',
			qs: { limit: 1 },
		} as IHttpRequestOptions);
		expect(request).toMatchObject({
			baseURL: 'https://my-shop.api-se.stage.norce.tech/checkout/order',
			url: '/api/v0/checkout/orders',
			headers: { Authorization: 'Bearer tok', 'x-merchant': 'norce-demo', 'x-channel': 'se' },
		});
	});

	it("keeps the node's own URL and channel override", async () => {
		const request = await credential.authenticate(credentials, {
			url: 'http://127.0.0.1:1/checkout/order/api/v0/checkout/orders/o_1',
			headers: { 'x-channel': 'no' },
		} as IHttpRequestOptions);
		expect(request.baseURL).toBeUndefined();
		expect(request.headers).toMatchObject({ 'x-channel': 'no', Authorization: 'Bearer tok' });
	});

	it('refuses to authenticate a request for a slug that would change the host', async () => {
		await expect(
			credential.authenticate({ ...credentials, slug: 'evil.example/x#' }, {
				url: '/x',
			} as IHttpRequestOptions),
		).rejects.toThrow('slug');
	});
});

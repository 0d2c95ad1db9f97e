import {
	bearerToken,
	hasControlCharacters,
	hasNonHeaderCharacters,
	norceBaseUrl,
	norceConnection,
} from '../../shared/connection';

const base = { merchant: 'norce-demo', channel: 'se', apiKey: 'secret' };

describe('norceBaseUrl', () => {
	it.each([
		['playground', 'https://my-shop.api-se.playground.norce.tech/checkout/order'],
		['stage', 'https://my-shop.api-se.stage.norce.tech/checkout/order'],
		['production', 'https://my-shop.api-se.norce.tech/checkout/order'],
	])('builds the %s URL from the slug', (environment, expected) => {
		expect(norceBaseUrl({ environment, slug: 'my-shop' })).toBe(expected);
	});

	it('defaults to playground and trims the slug', () => {
		expect(norceBaseUrl({ slug: ' a1 ' })).toBe(
			'https://a1.api-se.playground.norce.tech/checkout/order',
		);
	});

	// Anything but one DNS label could move the request, and the key, to another host.
	it.each([
		['a host and a fragment', 'evil.example/x#'],
		['a dot', 'a.b'],
		['user info', 'a@b'],
		['a port', 'shop:8443'],
		['uppercase', 'MyShop'],
		['a space', 'my shop'],
		['a leading hyphen', '-shop'],
		['a trailing hyphen', 'shop-'],
		['a percent-encoded dot', 'evil%2eexample'],
		['64 characters', 'a'.repeat(64)],
		['nothing', ''],
		['blanks', '   '],
	])('refuses a slug with %s (%j), naming the slug field', (_name, slug) => {
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
		['ftp', 'ftp://127.0.0.1/checkout/order', 'must start with http:// or https://'],
		['javascript', 'javascript:alert(document.cookie)', 'must start with http:// or https://'],
		['file', 'file:///etc/passwd', 'must start with http:// or https://'],
		['data', 'data:text/plain,hello', 'must start with http:// or https://'],
		['credentials', 'https://user:pw@host/checkout/order', 'user name, password'],
		['a query', 'https://host/checkout/order?x=1', 'query'],
		['a fragment', 'http://127.0.0.1/checkout/order#x', 'fragment'],
		['not a URL', 'checkout/order', 'not a valid URL'],
		['nothing', '', 'no Base URL'],
	])('refuses a custom base URL with %s, naming the baseUrl field', (_name, baseUrl, message) => {
		expect(() => norceBaseUrl({ environment: 'custom', baseUrl })).toThrow(
			expect.objectContaining({ field: 'baseUrl', message: expect.stringContaining(message) }),
		);
	});

	it('refuses an unknown environment', () => {
		expect(() => norceBaseUrl({ environment: 'moon', slug: 'a' })).toThrow(
			expect.objectContaining({
				field: 'environment',
				message: 'Unknown Norce environment "moon"',
			}),
		);
	});
});

describe('norceConnection', () => {
	it('returns base URL, merchant, channel and the bare token', () => {
		expect(norceConnection({ ...base, slug: 'x', apiKey: ' Bearer k ' })).toEqual({
			baseUrl: 'https://x.api-se.playground.norce.tech/checkout/order',
			merchant: 'norce-demo',
			channel: 'se',
			token: 'k',
		});
	});

	it('strips a pasted Bearer prefix once, in any case', () => {
		expect(bearerToken('Bearer abc')).toBe('abc');
		expect(bearerToken('  bearer   abc ')).toBe('abc');
		expect(bearerToken('BEARER Bearer abc')).toBe('Bearer abc');
		expect(bearerToken('abc')).toBe('abc');
		expect(bearerToken('Bearerabc')).toBe('Bearerabc');
	});

	// Header values: CR/LF would inject headers; characters above U+00FF cannot be sent at all.
	it.each([
		['merchant', { merchant: 'norce-demo\r\nX-Injected: 1' }, 'line break or control character'],
		['channel', { channel: 'se\nX-Injected: 1' }, 'line break or control character'],
		['apiKey', { apiKey: 'key\r\nX-Injected: 1' }, 'line break or control character'],
		['merchant', { merchant: 'norce-€' }, 'cannot be sent in an HTTP header'],
		['channel', { channel: 'c'.repeat(100_000) }, 'is 100000 characters long; at most 256'],
		['apiKey', { apiKey: 'sk_live_a\u2028b' }, 'cannot be sent in an HTTP header'],
		['merchant', { merchant: '' }, 'no merchant'],
		['channel', { channel: ' ' }, 'no channel'],
		['apiKey', { apiKey: '' }, 'no API key'],
		['apiKey', { apiKey: 'Bearer ' }, 'no API key'],
	])('names the %s field when it is unusable (%j)', (field, change, message) => {
		expect(() => norceConnection({ ...base, slug: 'x', ...change })).toThrow(
			expect.objectContaining({ field, message: expect.stringContaining(message) }),
		);
	});

	it('reads a number as text and refuses a missing field', () => {
		expect(norceConnection({ ...base, slug: 'x', merchant: 42 }).merchant).toBe('42');
		const { merchant, apiKey } = base;
		expect(() => norceConnection({ merchant, apiKey, slug: 'x' })).toThrow('no channel');
	});
});

describe('header characters', () => {
	it('finds control characters: C0 (tab included) and DEL', () => {
		expect(['a\rb', 'a\nb', 'a\tb', 'a\u0000', 'a\u007f'].every(hasControlCharacters)).toBe(true);
		expect(['plain', 'ü€ 😀', '\u0080'].some(hasControlCharacters)).toBe(false);
	});

	it('finds characters a header cannot carry: above U+00FF', () => {
		expect(['€', '\u2028', '😀'].every(hasNonHeaderCharacters)).toBe(true);
		expect(['plain', 'åäö', '\u00ff'].some(hasNonHeaderCharacters)).toBe(false);
	});
});

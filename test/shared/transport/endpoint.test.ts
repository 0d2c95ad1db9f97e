/**
 * Where each service's requests go and what they carry (norce-order-api §10, §11), and the
 * one origin the key may be sent to. The URLs come from configuration.ts and connection.ts;
 * the sandbox tests and the redirect tests show the same on the wire.
 */
import type { NorceConnection } from '../../../shared/connection';
import {
	credentialOrigin,
	originOf,
	serviceHeaders,
	serviceRoot,
} from '../../../shared/transport/endpoint';

const connection = (baseUrl: string): NorceConnection => ({
	baseUrl,
	merchant: 'norce-demo',
	channel: 'se',
	token: 'sk_dummy',
});
const NORCE = connection('https://shop.api-se.norce.tech/checkout/order');

describe('serviceRoot', () => {
	// prettier-ignore
	const ROOTS: Array<[string, string, string]> = [
		['order', NORCE.baseUrl, 'https://shop.api-se.norce.tech/checkout/order/api/v0/checkout'],
		['notification', NORCE.baseUrl, 'https://shop.api-se.norce.tech/checkout/notification/api/v1'],
		['configuration', NORCE.baseUrl, 'https://shop.api-se.norce.tech/checkout/configuration/api/v1/configuration'],
		['notification', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/notification/api/v1'],
		['configuration', 'http://127.0.0.1:4010/a/order', 'http://127.0.0.1:4010/a/configuration/api/v1/configuration'],
	];
	it.each(ROOTS)('%s below %s', (service, baseUrl, expected) => {
		expect(serviceRoot(connection(baseUrl), service as never)).toBe(expected);
	});
});

describe('serviceHeaders', () => {
	const KEY_AND_ACCEPT = { Accept: 'application/json', Authorization: 'Bearer sk_dummy' };
	const SCOPE = { 'x-merchant': 'norce-demo', 'x-channel': 'no' };

	it.each<[string, string | undefined, Record<string, string>]>([
		['order', 'adapter-1', { ...KEY_AND_ACCEPT, ...SCOPE, 'x-adapterid': 'adapter-1' }],
		['order', undefined, { ...KEY_AND_ACCEPT, ...SCOPE }],
		['notification', 'adapter-1', { ...KEY_AND_ACCEPT, ...SCOPE }],
		['configuration', 'adapter-1', KEY_AND_ACCEPT],
	])('%s with adapter ID %s', (service, adapterId, expected) => {
		expect(serviceHeaders(NORCE, service as never, 'no', adapterId)).toEqual(expected);
	});
});

it('the key goes only to the origin of the Base URL; a Location is resolved against it', () => {
	expect(credentialOrigin(connection('https://shop.example:8443/a/order'))).toBe(
		'https://shop.example:8443',
	);
	expect(originOf('//other.example/x', 'https://shop.example/a')).toBe('https://other.example');
	expect(originOf('/relative', 'http://127.0.0.1:4010/a')).toBe('http://127.0.0.1:4010');
	expect(originOf('/relative')).toBeUndefined();
});

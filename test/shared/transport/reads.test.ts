/**
 * The reads (one object, a list, a page, pages): every list shape Norce sends and every one it
 * should not, paging to the end whatever the pagination says, and one repeat after a dropped
 * connection for every read, over real HTTP to the sandbox or to a listener that answers
 * whatever the test says.
 */
import type { IDataObject } from 'n8n-workflow';

import { decodeList } from '../../../shared/transport';
import type { NorceClient } from '../../../shared/transport';
import type { Hostile } from '../../helpers/hostile';
import { startHostile } from '../../helpers/hostile';
import { useNorceSandbox } from '../../helpers/norceFixture';
import { credentialsFor, transportClient } from '../../helpers/contexts';
import type { Operation } from '../../sandbox';
import { DEMO } from '../../sandbox';

describe('decodeList', () => {
	const data = [{ id: 'a' }];
	const total = (totalSize: unknown) => ({ data, pagination: { totalSize } });
	it.each<[string, unknown, ReturnType<typeof decodeList>]>([
		['a bare array', data, { entries: data }],
		['a page with its total', total(7), { entries: data, totalSize: 7 }],
		['a total sent as text', total('7'), { entries: data, totalSize: 7 }],
		['a page without pagination', { data }, { entries: data, totalSize: undefined }],
		['a total that is no number', total('many'), { entries: data, totalSize: undefined }],
		['an infinite total', total('Infinity'), { entries: data, totalSize: undefined }],
		['pagination that is text', { data, pagination: 'x' }, { entries: data, totalSize: undefined }],
		['an object without data', { items: data }, undefined],
		['data that is no array', { data: { id: 'a' } }, undefined],
		['null', null, undefined],
		['text (an HTML page)', '<html></html>', undefined],
	])('%s', (_, body, expected) => {
		expect(decodeList(body)).toEqual(expected);
	});
});

describe('each read, after a dropped connection', () => {
	const norce = useNorceSandbox();
	const { validOrderId, paymentId, shippingId } = DEMO;
	const orders = { path: ['orders'], subject: 'orders', what: 'orders' };
	const anId = expect.any(String) as string;
	const payment = ['orders', validOrderId, 'payments', paymentId];
	type Read = [string, Operation, (client: NorceClient) => Promise<unknown>, string[]];
	// prettier-ignore
	const READS: Read[] = [
		['readObject', 'payment.get', async (client) => await client.readObject({ ...orders, path: payment }), [paymentId]],
		['readList', 'shipping.getMany', async (client) => await client.readList({ ...orders, path: ['orders', validOrderId, 'shippings'] }), [shippingId]],
		['readPage', 'getMany', async (client) => (await client.readPage(orders, 0, 1)).entries, [anId]],
		['readPages', 'getMany', async (client) => await client.readPages({ ...orders, wanted: 2 }), [anId, anId]],
	];

	it.each(READS)('%s is repeated once and answers', async (_, operation, read, ids) => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation } });

		const answer = await read(transportClient(norce.credentials));

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0, 200]);
		expect([answer].flat().map((entry) => (entry as IDataObject).id)).toEqual(ids);
	});
});

describe('against a listener that answers what the test says', () => {
	let listener: Hostile;
	let client: NorceClient;
	beforeAll(async () => {
		listener = await startHostile();
		client = transportClient(credentialsFor(listener.origin), { maxRetries: 0 });
	});
	beforeEach(() => listener.reset());
	afterAll(async () => await listener.close());

	const ORDERS = { path: ['orders'], subject: 'the orders', what: 'orders' };
	/** The offset+limit of every request, in order. */
	const asked = () =>
		listener.requests
			.map(({ url }) => new URL(url, listener.origin).searchParams)
			.map((query) => `${query.get('offset')}+${query.get('limit')}`)
			.join(' ');
	/** Serves `count` entries (ids 0…count-1) page by page, with `totalSize` unless bare. */
	const serve = (count: number, totalSize: number | 'bare') =>
		listener.answer({
			kind: 'computed',
			body: (url) => {
				const offset = Number(url.searchParams.get('offset'));
				const limit = Number(url.searchParams.get('limit'));
				const data = Array.from({ length: count }, (_, id) => ({ id })).slice(
					offset,
					offset + limit,
				);
				return totalSize === 'bare' ? data : { data, pagination: { totalSize } };
			},
		});
	const idsUpTo = (count: number) => Array.from({ length: count }, (_, id) => id).join();
	const THREE_PAGES = '0+100 100+100 200+100';

	/** Entries served, the total said, entries wanted, how many come back, requests sent. */
	it.each<[string, number, number | 'bare', number, number, string]>([
		['asks for no more than it wants', 250, 250, 5, 5, '0+5'],
		['Return All: full pages up to the total', 250, 250, Infinity, 250, THREE_PAGES],
		['bare arrays: a short or empty page ends', 200, 'bare', Infinity, 200, THREE_PAGES],
		['a total too large: an empty page ends', 120, 10_000, Infinity, 120, '0+100 100+100 120+100'],
		['a total too small ends the paging', 250, 0, Infinity, 100, '0+100'],
	])('readPages: %s', async (_, count, totalSize, wanted, returned, requests) => {
		serve(count, totalSize);
		const entries = await client.readPages({ ...ORDERS, wanted });
		expect(entries.map(({ id }) => id).join()).toBe(idsUpTo(returned));
		expect(asked()).toBe(requests);
	});

	it('readPages with keep: only kept entries count; after a refusal, full pages', async () => {
		serve(250, 250);
		const even = (entry: IDataObject) => (entry.id as number) % 2 === 0;
		const entries = await client.readPages({ ...ORDERS, wanted: 4, keep: even });
		expect(entries.map(({ id }) => id)).toEqual([0, 2, 4, 6]);
		expect(asked()).toBe('0+4 4+100');
	});

	it.each<[string, unknown]>([
		['an object', { id: 'o_1' }],
		['an HTML page turned JSON text', '<html>'],
	])('readPage: %s is no page, an error that says what was expected', async (_, body) => {
		listener.answer({ kind: 'json', body });
		await expect(client.readPage(ORDERS, 0, 10)).rejects.toMatchObject({
			message:
				'Norce Checkout answered the orders with something that is not a page of orders [HTTP 200]',
			description: expect.stringContaining('Expected {data: [...], pagination: {...}}.'),
		});
	});

	// prettier-ignore
	const REFUSED: Array<[string, 'readObject' | 'readList', unknown, string]> = [
		['readObject: a list', 'readObject', [{ id: 'a' }], 'a JSON object'],
		['readList: entries that are not objects', 'readList', [{ id: 'a' }, 'b'], 'a JSON array of objects'],
		['readList: a page of numbers', 'readList', { data: [1] }, 'a JSON array of objects'],
	];
	it.each(REFUSED)('%s is refused', async (_, read, body, expected) => {
		listener.answer({ kind: 'json', body });
		await expect(client[read](ORDERS)).rejects.toMatchObject({
			message:
				'Norce Checkout answered with something that is not orders for the orders [HTTP 200]',
			description: expect.stringContaining(`Expected ${expected}.`),
		});
	});
});

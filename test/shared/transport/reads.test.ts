/**
 * The reads (one object, a list, a page, pages): every list shape Norce sends and every one it
 * should not, paging to the end whatever the pagination says, and one repeat after a dropped
 * connection for every read, over real HTTP to the sandbox or to a listener that answers
 * whatever the test says.
 */
import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE, decodeList } from '../../../shared/transport';
import type { NorceClient } from '../../../shared/transport';
import type { Hostile } from '../../helpers/hostile';
import { startHostile } from '../../helpers/hostile';
import { useNorceSandbox } from '../../helpers/norceFixture';
import { credentialsFor, transportClient } from '../../helpers/contexts';
import type { Operation } from '../../sandbox';
import { DEMO } from '../../sandbox';

describe('decodeList', () => {
	const entries = [{ id: 'a' }, { id: 'b' }];
	it.each<[string, unknown, ReturnType<typeof decodeList>]>([
		['a bare array', entries, { entries }],
		[
			'a page with its total',
			{ data: entries, pagination: { totalSize: 7 } },
			{ entries, totalSize: 7 },
		],
		[
			'a total sent as text',
			{ data: entries, pagination: { totalSize: '7' } },
			{ entries, totalSize: 7 },
		],
		['a page without pagination', { data: entries }, { entries, totalSize: undefined }],
		[
			'a total that is no number',
			{ data: [], pagination: { totalSize: 'many' } },
			{ entries: [], totalSize: undefined },
		],
		[
			'an infinite total',
			{ data: [], pagination: { totalSize: 'Infinity' } },
			{ entries: [], totalSize: undefined },
		],
		[
			'pagination that is no object',
			{ data: [], pagination: 'none' },
			{ entries: [], totalSize: undefined },
		],
		['an object without data', { items: entries }, undefined],
		['data that is no array', { data: { id: 'a' } }, undefined],
		['null', null, undefined],
		['text (an HTML page)', '<html></html>', undefined],
		['a number', 42, undefined],
	])('%s', (_, body, expected) => {
		expect(decodeList(body)).toEqual(expected);
	});
});

describe('each read, after a dropped connection', () => {
	const norce = useNorceSandbox();
	const READS: Array<[string, Operation, (client: NorceClient) => Promise<unknown>, string[]]> = [
		[
			'readObject',
			'payment.get',
			async (client) =>
				await client.readObject({
					path: ['orders', DEMO.validOrderId, 'payments', DEMO.paymentId],
					subject: 'a payment',
					what: 'a payment',
				}),
			[DEMO.paymentId],
		],
		[
			'readList',
			'shipping.getMany',
			async (client) =>
				await client.readList({
					path: ['orders', DEMO.validOrderId, 'shippings'],
					subject: 'the shippings',
					what: 'shippings',
				}),
			[DEMO.shippingId],
		],
		[
			'readPage',
			'getMany',
			async (client) =>
				(await client.readPage({ path: ['orders'], subject: 'orders', what: 'orders' }, 0, 1))
					.entries,
			[expect.any(String) as string],
		],
		[
			'readPages',
			'getMany',
			async (client) =>
				await client.readPages({ path: ['orders'], subject: 'orders', what: 'orders', wanted: 2 }),
			[expect.any(String) as string, expect.any(String) as string],
		],
	];

	it.each(READS)('%s is repeated once and answers', async (_, operation, read, ids) => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation } });

		const answer = await read(transportClient(norce.credentials));

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0, 200]);
		const list = (Array.isArray(answer) ? answer : [answer]) as IDataObject[];
		expect(list.map((entry) => entry.id)).toEqual(ids);
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
	/** The offset and limit of every request, in order. */
	const asked = () =>
		listener.requests.map(({ url }) => {
			const query = new URL(url, listener.origin).searchParams;
			return [Number(query.get('offset')), Number(query.get('limit'))];
		});
	/** Serves `count` entries (ids 0…count-1) page by page, in `shape`. */
	function serve(count: number, shape: (data: IDataObject[]) => unknown) {
		listener.answer({
			kind: 'computed',
			body: (url) => {
				const offset = Number(url.searchParams.get('offset'));
				const limit = Number(url.searchParams.get('limit'));
				const ids = Array.from({ length: count }, (_, id) => ({ id }));
				return shape(ids.slice(offset, offset + limit));
			},
		});
	}
	const withTotal = (total: number) => (data: IDataObject[]) => ({
		data,
		pagination: { totalSize: total },
	});

	it('asks for no more than it wants', async () => {
		serve(250, withTotal(250));
		const entries = await client.readPages({ ...ORDERS, wanted: 5 });
		expect(entries).toHaveLength(5);
		expect(asked()).toEqual([[0, 5]]);
	});

	it('Return All: full pages up to the total, no request after it', async () => {
		serve(250, withTotal(250));
		const entries = await client.readPages({ ...ORDERS, wanted: Infinity });
		expect(entries.map(({ id }) => id)).toEqual(Array.from({ length: 250 }, (_, id) => id));
		expect(asked()).toEqual([
			[0, PAGE_SIZE],
			[100, PAGE_SIZE],
			[200, PAGE_SIZE],
		]);
	});

	it('without a total (bare arrays), a short or empty page is the end', async () => {
		serve(200, (data) => data);
		const entries = await client.readPages({ ...ORDERS, wanted: Infinity });
		expect(entries).toHaveLength(200);
		expect(asked()).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
	});

	it('a total larger than what comes ends at the first empty page', async () => {
		serve(120, withTotal(10_000));
		const entries = await client.readPages({ ...ORDERS, wanted: Infinity });
		expect(entries).toHaveLength(120);
		expect(asked()).toHaveLength(3);
	});

	it('a total smaller than what comes ends the paging', async () => {
		serve(250, withTotal(0));
		expect(await client.readPages({ ...ORDERS, wanted: Infinity })).toHaveLength(100);
		expect(asked()).toEqual([[0, 100]]);
	});

	it('with keep: only kept entries count, and after a refusal the pages are full', async () => {
		serve(250, withTotal(250));
		const even = (entry: IDataObject) => (entry.id as number) % 2 === 0;
		const entries = await client.readPages({ ...ORDERS, wanted: 4, keep: even });
		expect(entries.map(({ id }) => id)).toEqual([0, 2, 4, 6]);
		expect(asked()).toEqual([
			[0, 4],
			[4, 100],
		]);
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

	it.each<[string, 'readObject' | 'readList', unknown, string]>([
		['readObject: a list', 'readObject', [{ id: 'a' }], 'a JSON object'],
		[
			'readList: entries that are not objects',
			'readList',
			[{ id: 'a' }, 'b'],
			'a JSON array of objects',
		],
		[
			'readList: a page whose data is not objects',
			'readList',
			{ data: [1] },
			'a JSON array of objects',
		],
	])('%s is refused', async (_, read, body, expected) => {
		listener.answer({ kind: 'json', body });
		await expect(client[read](ORDERS)).rejects.toMatchObject({
			message:
				'Norce Checkout answered with something that is not orders for the orders [HTTP 200]',
			description: expect.stringContaining(`Expected ${expected}.`),
		});
	});
});

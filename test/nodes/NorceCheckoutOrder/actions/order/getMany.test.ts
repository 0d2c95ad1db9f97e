/**
 * Get Many: GET …/orders?offset&limit plus the filters under their Norce names (statuses as
 * repeated keys); one item per order, never the page wrapper. Return All walks pages of 100
 * until Norce's totalSize; otherwise it stops at Limit, across pages if needed.
 */
import { API, DEMO, SIMPLE_VALID_ORDER, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const getMany = (extra = {}) => ({ operation: 'getMany', ...extra });
const queries = () => norce.sandbox.requests.map((request) => request.query);

describe('wire', () => {
	it('gets the order list with offset and limit', async () => {
		await norce.run(getMany({ limit: 4 }));

		expect(norce.sandbox.requests.map((request) => request.rawPath)).toEqual([
			`${API}/orders?offset=0&limit=4`,
		]);
		expect(norce.sandbox.requests[0].body).toBe('');
	});

	it('sends every filter under its Norce name, statuses as repeated keys', async () => {
		await norce.run(
			getMany({
				limit: 10,
				filters: {
					status: ['processing', 'accepted'],
					reference: DEMO.validOrderReference,
					cartReference: DEMO.validOrderCartReference,
					search: 'astrid',
					dateFrom: '2026-01-01T00:00:00Z',
					dateTo: '2026-12-31T23:59:59Z',
				},
			}),
		);

		const [request] = norce.sandbox.requests;
		expect(request.rawQuery).toMatch(/^status=processing&status=accepted&/);
		expect(request.query).toEqual({
			status: ['processing', 'accepted'],
			reference: DEMO.validOrderReference,
			cart_reference: DEMO.validOrderCartReference,
			search: 'astrid',
			date_from: '2026-01-01T00:00:00Z',
			date_to: '2026-12-31T23:59:59Z',
			offset: '0',
			limit: '10',
		});
	});

	it('sends a date from an expression as ISO text, and leaves out blank filters', async () => {
		await norce.run(
			getMany({
				limit: 1,
				filters: {
					dateFrom: "={{ DateTime.fromISO('2026-04-12T00:00:00.000Z', { zone: 'utc' }) }}",
					reference: '  ',
					search: '',
					status: [],
				},
			}),
		);

		expect(queries()).toEqual([{ date_from: '2026-04-12T00:00:00.000Z', offset: '0', limit: '1' }]);
	});
	it('reads a date without zone as UTC, whatever the host zone, and finds the same orders', async () => {
		// The demo order valid for validation was created 2026-04-14T08:12:45.000Z.
		const result = await norce.run(
			getMany({
				returnAll: true,
				filters: { dateFrom: '2026-04-14T08:12:45', dateTo: '2026-04-14T08:12:45' },
			}),
		);
		expect(queries()[0]).toMatchObject({
			date_from: '2026-04-14T08:12:45Z',
			date_to: '2026-04-14T08:12:45Z',
		});
		expect(result.output.map((item) => item.json.id)).toEqual([DEMO.validOrderId]);
	});

	it('refuses a date filter that is not a date before any request', async () => {
		const result = await norce.run(getMany({ filters: { dateFrom: 'last tuesday' } }));
		expect(result.error?.message).toBe('Date From is not a date (item 0)');
		expect(result.error?.description).toContain('no zone = UTC');
		expect(norce.sandbox.requests).toEqual([]);
	});
});

describe('output', () => {
	it('returns one item per order, never the page wrapper, up to the limit', async () => {
		const result = await norce.run(getMany({ limit: 4 }));

		expect(result.output).toHaveLength(4);
		for (const item of result.output) {
			expect(item.json).toHaveProperty('id');
			expect(item.json).not.toHaveProperty('pagination');
			expect(item.json).not.toHaveProperty('validation');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		// Newest first, as Norce sorts them.
		expect(result.output.map((item) => item.json.id)).toEqual([
			DEMO.failingErrorsObjectOrderId,
			DEMO.threeFailuresOrderId,
			DEMO.validOrderId,
			DEMO.warningOrderId,
		]);
	});

	it('follows the filters to the end with Return All, in one page when it fits', async () => {
		const result = await norce.run(
			getMany({ returnAll: true, filters: { status: ['processing'] } }),
		);

		const ids = result.output.map((item) => item.json.id);
		expect(ids).toHaveLength(DEMO.counts.se.processing);
		expect(new Set(ids).size).toBe(ids.length);
		expect(queries()).toEqual([{ status: 'processing', offset: '0', limit: '100' }]);
	});

	it('finds one order by its reference, and none for an unknown one', async () => {
		const found = await norce.run(
			getMany({ returnAll: true, filters: { reference: DEMO.validOrderReference } }),
		);
		expect(found.output.map((item) => item.json.id)).toEqual([DEMO.validOrderId]);

		const none = await norce.run(getMany({ returnAll: true, filters: { reference: 'nope' } }));
		expect(none.error).toBeUndefined();
		expect(none.output).toEqual([]);
	});

	it('with Simplify returns only the summary fields of each order', async () => {
		const result = await norce.run(
			getMany({ simplify: true, filters: { reference: DEMO.validOrderReference } }),
		);

		expect(result.output.map((item) => item.json)).toEqual([SIMPLE_VALID_ORDER]);
	});

	it('lists per input, each list paired to its input', async () => {
		const result = await norce.run(
			getMany({ returnAll: true, filters: { status: '={{ [$json.status] }}' } }),
			{ items: [{ status: 'declined' }, { status: 'accepted' }] },
		);

		expect(
			result.output.map((item) => [
				(item.json.state as { currentStatus: string }).currentStatus,
				item.pairedItem,
			]),
		).toEqual([
			['declined', { item: 0 }],
			['accepted', { item: 1 }],
		]);
	});

	it('fails clearly when the answer is not a page of orders', async () => {
		norce.sandbox.addFault({ kind: 'invalidJson' });
		const result = await norce.run(getMany());

		expect(result.error?.message).toBe(
			'Norce Checkout answered the order list with something that is not a page of orders [HTTP 200]',
		);
		expect(result.error?.description).toContain('Expected {data: [...], pagination: {...}}');
	});
});

describe('over many pages', () => {
	const big = useNorceSandbox({ generated: 250 });
	const inChannel = () =>
		[...big.sandbox.orders.values()].filter((order) => order.channel === 'se');

	it('pages through every order exactly once with Return All', async () => {
		const result = await big.run(getMany({ returnAll: true }));

		const ids = result.output.map((item) => item.json.id);
		expect(ids).toHaveLength(inChannel().length);
		expect(new Set(ids)).toEqual(new Set(inChannel().map((order) => order.id)));
		expect(big.sandbox.requests.map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '100' },
			{ offset: '200', limit: '100' },
		]);
	});

	it('stops at the limit across pages, asking only for what is missing', async () => {
		const result = await big.run(getMany({ limit: 150 }));

		expect(result.output).toHaveLength(150);
		expect(big.sandbox.requests.map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '50' },
		]);
	});
});

import { DEMO } from '../sandbox';
import { API, useNorceSandbox, wire } from '../helpers/norceFixture';

const norce = useNorceSandbox();

describe('removeValidation', () => {
	it('deletes the validation and answers {orderId, validationId, success}', async () => {
		const result = await norce.run({
			operation: 'removeValidation',
			orderId: DEMO.orderWithValidationId,
			validationId: DEMO.validationId,
		});

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([
			`DELETE ${API}/orders/${DEMO.orderWithValidationId}/validations/${DEMO.validationId}`,
		]);
		expect(result.output).toEqual([
			{
				json: {
					orderId: DEMO.orderWithValidationId,
					validationId: DEMO.validationId,
					success: true,
				},
				pairedItem: { item: 0 },
			},
		]);
		const order = norce.sandbox.orders.get(DEMO.orderWithValidationId);
		expect(order?.validations.map((validation) => validation.id)).not.toContain(DEMO.validationId);
	});

	it('reports an unknown validation as not found, naming it', async () => {
		const result = await norce.run({
			operation: 'removeValidation',
			orderId: DEMO.orderWithValidationId,
			validationId: 'oc_missing',
		});

		expect(result.error).toMatchObject({
			message: `Not found: validation "oc_missing" on order "${DEMO.orderWithValidationId}" [404 validation-not-found]`,
			httpCode: '404',
		});
	});

	it('counts a 404 after a dropped first attempt as already removed', async () => {
		// The first DELETE is carried out but its answer is lost; the retry finds nothing left.
		norce.sandbox.orders.get(DEMO.orderWithValidationId)!.validations = [];
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'removeValidation' } });
		const result = await norce.run({
			operation: 'removeValidation',
			orderId: DEMO.orderWithValidationId,
			validationId: DEMO.validationId,
			options: { maxRetries: 1 },
		});

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0, 404]);
		expect(result.output[0].json).toEqual({
			orderId: DEMO.orderWithValidationId,
			validationId: DEMO.validationId,
			success: true,
			alreadyRemoved: true,
		});
	});
});

describe('updateReference', () => {
	it.each([
		['plain', 'REF-1', '"REF-1"'],
		['quotes and backslash', 'ERP "A"\\1', '"ERP \\"A\\"\\\\1"'],
		['unicode', 'Åsa-örder-✓', '"Åsa-örder-✓"'],
		['looks like JSON', '123', '"123"'],
		['line break', 'a\nb', '"a\\nb"'],
	])('sends the %s reference as a JSON string literal', async (_name, reference, wireBody) => {
		const result = await norce.run({
			operation: 'updateReference',
			orderId: DEMO.validOrderId,
			reference,
		});

		expect(result.error).toBeUndefined();
		const [request] = norce.sandbox.requests;
		expect(`${request.method} ${request.rawPath}`).toBe(
			`PUT ${API}/orders/${DEMO.validOrderId}/reference`,
		);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe(wireBody);
		expect(norce.sandbox.orders.get(DEMO.validOrderId)?.reference).toBe(reference);
		expect(result.output).toEqual([
			{ json: { orderId: DEMO.validOrderId, reference, success: true }, pairedItem: { item: 0 } },
		]);
	});

	it('refuses an empty reference before sending anything', async () => {
		const result = await norce.run({
			operation: 'updateReference',
			orderId: DEMO.validOrderId,
			reference: '  ',
		});

		expect(result.error?.message).toBe('Reference is empty (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});
});

describe('get', () => {
	it('returns the order as one item', async () => {
		const result = await norce.run({ operation: 'get', orderId: DEMO.validOrderId });

		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders/${DEMO.validOrderId}`]);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({
			id: DEMO.validOrderId,
			reference: DEMO.validOrderReference,
			merchant: norce.sandbox.merchant,
		});
		expect(result.output[0].json).not.toHaveProperty('validation');
	});

	it('names the order on 404 and uses the channel option', async () => {
		const inOtherChannel = await norce.run({ operation: 'get', orderId: DEMO.otherChannelOrderId });
		expect(inOtherChannel.error).toMatchObject({
			message: `Not found: order "${DEMO.otherChannelOrderId}" [404 order-not-found]`,
			httpCode: '404',
		});
		expect(inOtherChannel.error?.description).toContain('"se"');

		const withOverride = await norce.run({
			operation: 'get',
			orderId: DEMO.otherChannelOrderId,
			options: { channel: 'no' },
		});
		expect(withOverride.error).toBeUndefined();
		expect(withOverride.output[0].json.channel).toBe('no');
		expect(norce.sandbox.requests.map((request) => request.headers['x-channel'])).toEqual([
			'se',
			'no',
		]);
	});
});

describe('getMany', () => {
	it('returns one item per order, never the wrapper, up to the limit', async () => {
		const result = await norce.run({ operation: 'getMany', limit: 4 });

		expect(result.output).toHaveLength(4);
		for (const item of result.output) {
			expect(item.json).toHaveProperty('id');
			expect(item.json).not.toHaveProperty('pagination');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(norce.sandbox.requests.map((request) => request.query)).toEqual([
			{ offset: '0', limit: '4' },
		]);
	});

	it('follows offset/limit pagination to the end with Return All', async () => {
		const sandbox = norce.sandbox;
		const expected = DEMO.counts.se.processing;
		const result = await norce.run({
			operation: 'getMany',
			returnAll: true,
			filters: { status: ['processing'] },
		});

		expect(result.output).toHaveLength(expected);
		expect(new Set(result.output.map((item) => item.json.id)).size).toBe(expected);
		expect(sandbox.requests.map((request) => request.query)).toEqual([
			{ status: 'processing', offset: '0', limit: '100' },
		]);
	});

	it('sends every filter under its Norce name, statuses as repeated keys', async () => {
		await norce.run({
			operation: 'getMany',
			limit: 10,
			filters: {
				status: ['processing', 'accepted'],
				reference: DEMO.validOrderReference,
				cartReference: DEMO.validOrderCartReference,
				search: 'astrid',
				dateFrom: '2026-01-01T00:00:00Z',
				dateTo: '2026-12-31T23:59:59Z',
			},
		});

		const [request] = norce.sandbox.requests;
		expect(request.rawQuery).toContain('status=processing&status=accepted');
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

	it('finds one order by its reference', async () => {
		const result = await norce.run({
			operation: 'getMany',
			returnAll: true,
			filters: { reference: DEMO.validOrderReference },
		});
		expect(result.output.map((item) => item.json.id)).toEqual([DEMO.validOrderId]);
	});
});

describe('getMany over many pages', () => {
	const big = useNorceSandbox({ generated: 250 });

	it('pages through every order once with Return All', async () => {
		const result = await big.run({ operation: 'getMany', returnAll: true });

		const ids = result.output.map((item) => item.json.id);
		const inChannel = [...big.sandbox.orders.values()].filter((order) => order.channel === 'se');
		expect(ids).toHaveLength(inChannel.length);
		expect(new Set(ids)).toEqual(new Set(inChannel.map((order) => order.id)));
		expect(big.sandbox.requests.map((request) => request.query.offset)).toEqual([
			'0',
			'100',
			'200',
		]);
	});

	it('stops at the limit across pages', async () => {
		const result = await big.run({ operation: 'getMany', limit: 150 });

		expect(result.output).toHaveLength(150);
		expect(big.sandbox.requests.map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '50' },
		]);
	});
});

import type { IExecuteFunctions } from 'n8n-workflow';

import { ParameterPrefetch } from '../../../nodes/NorceCheckoutOrder/actions/prefetch';
import { DEMO } from '../../sandbox';
import { API, useNorceSandbox, wire } from '../../helpers/norceFixture';

const norce = useNorceSandbox({ generated: 40 });

/** Ids of the generated orders o_gen_000001…; item `bad` has no id, so its expression fails. */
const items = (n: number, bad?: number) =>
	Array.from({ length: n }, (_, index) =>
		index === bad ? { other: 1 } : { id: `o_gen_${String(index + 1).padStart(6, '0')}` },
	);
const validatePath = (index: number) =>
	`POST ${API}/orders/o_gen_${String(index + 1).padStart(6, '0')}/validate`;

describe('parameters read ahead of the requests', () => {
	// Items start in input order; the failure of item 7 is seen once its start has settled, so
	// with 20 in flight the first 20 items have started by then (as before reading ahead).
	it.each([
		[1, [0, 1, 2, 3, 4, 5, 6]],
		[3, [0, 1, 2, 3, 4, 5, 6]],
		[20, Array.from({ length: 20 }, (_, index) => index).filter((index) => index !== 7)],
	])(
		'a parameter error of item 7 stops the run there (concurrency %i): no later item starts',
		async (concurrency, sent) => {
			const result = await norce.run(
				{
					operation: 'validate',
					orderId: '={{ $json.id || $("No Such Node").item.json.id }}',
					output: 'summary',
					options: { concurrency },
				},
				{ items: items(30, 7) },
			);

			expect(result.error?.message).toBe("Referenced node doesn't exist");
			expect(wire(norce.sandbox).sort()).toEqual(sent.map(validatePath).sort());
		},
	);

	it('with continue on fail, the failing item becomes its error item in place, the rest run', async () => {
		const result = await norce.run(
			{
				operation: 'validate',
				orderId: '={{ $json.id }}',
				output: 'summary',
				options: { concurrency: 4 },
			},
			{ items: items(12, 5), onError: 'continueRegularOutput' },
		);

		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 12 }, (_, index) => ({ item: index })),
		);
		expect(result.output[5].json).toEqual({
			error: 'Order ID is empty (item 5)',
			message: expect.stringContaining('Set the "Order ID" parameter'),
		});
		expect(result.output.filter((item) => item.json.error === undefined)).toHaveLength(11);
		expect(wire(norce.sandbox)).toHaveLength(11);
	});

	it('a parameter read after the request (Simplify) still fails after that request', async () => {
		const result = await norce.run(
			{
				operation: 'get',
				orderId: '={{ $json.id }}',
				simplify: '={{ $json.flag || $("No Such Node").item.json.flag }}',
				options: { concurrency: 1 },
			},
			{ items: [{ id: DEMO.validOrderId, flag: true }, { id: DEMO.validOrderId }] },
		);

		expect(result.error?.message).toBe("Referenced node doesn't exist");
		// Both GETs were sent: item 1 fails on Simplify, which it reads after its answer.
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}`,
			`GET ${API}/orders/${DEMO.validOrderId}`,
		]);
	});

	it('options with an expression are read per item', async () => {
		const result = await norce.run(
			{
				operation: 'validate',
				orderId: '={{ $json.id }}',
				output: 'summary',
				options: { channel: '={{ $json.channel }}', concurrency: 2 },
			},
			{
				items: [
					{ id: DEMO.validOrderId, channel: norce.sandbox.channels[0] },
					{ id: DEMO.validOrderId, channel: 'dk' },
					{ id: DEMO.validOrderId, channel: norce.sandbox.channels[0] },
				],
				onError: 'continueRegularOutput',
			},
		);

		expect(norce.sandbox.requests.map((request) => request.headers['x-channel'])).toEqual([
			norce.sandbox.channels[0],
			'dk',
			norce.sandbox.channels[0],
		]);
		expect(result.output[1].json.error).toContain('refused access');
		expect(result.output[0].json).toMatchObject({ valid: true });
	});

	it('fixed options that are invalid still give every item its own error', async () => {
		const result = await norce.run(
			{
				operation: 'validate',
				orderId: '={{ $json.id }}',
				options: { channel: 'se\r\nx-evil: 1' },
			},
			{ items: items(3), onError: 'continueRegularOutput' },
		);

		expect(result.output.map((item) => item.json.error)).toEqual(
			[0, 1, 2].map(
				(index) => `Channel contains a line break or control character (item ${index})`,
			),
		);
		expect(norce.sandbox.requests).toHaveLength(0);
	});
});

describe('ParameterPrefetch', () => {
	function fakeContext(values: (name: string, itemIndex: number) => unknown) {
		const reads: string[] = [];
		const context = {
			getNodeParameter(name: string, itemIndex: number, fallbackValue?: unknown) {
				reads.push(`${name}#${itemIndex}`);
				const value = values(name, itemIndex);
				return value === undefined ? fallbackValue : value;
			},
			getNode: () => ({ name: 'Norce' }),
		} as unknown as IExecuteFunctions;
		return { context, reads };
	}

	it('learns what the operation reads, reads it ahead, hands each value out once', () => {
		const { context, reads } = fakeContext((name, itemIndex) => ({ name, itemIndex }));
		const prefetch = new ParameterPrefetch(context, 10, 4);
		const read = (name: string, itemIndex: number) =>
			prefetch.context.getNodeParameter(name, itemIndex, '');

		expect(read('orderId', 0)).toEqual({ name: 'orderId', itemIndex: 0 });
		prefetch.fill(1);
		expect(reads).toEqual(['orderId#0', 'orderId#1', 'orderId#2', 'orderId#3', 'orderId#4']);
		const first = read('orderId', 1);
		expect(first).toEqual({ name: 'orderId', itemIndex: 1 });
		// read again: a fresh read from n8n, not the same object
		const second = read('orderId', 1);
		expect(second).toEqual(first);
		expect(second).not.toBe(first);
		expect(reads).toHaveLength(6);
		// a different fallback is a different read
		prefetch.context.getNodeParameter('orderId', 2, 'x');
		expect(reads).toHaveLength(7);
	});

	it('throws a failed read where the operation makes it, and never on filling', () => {
		const failure = new Error('expression failed for item 2');
		const { context } = fakeContext((_name, itemIndex) => {
			if (itemIndex === 2) throw failure;
			return `value ${itemIndex}`;
		});
		const prefetch = new ParameterPrefetch(context, 5, 5);
		expect(prefetch.context.getNodeParameter('orderId', 0, '')).toBe('value 0');
		expect(() => prefetch.fill(1)).not.toThrow();
		expect(prefetch.context.getNodeParameter('orderId', 1, '')).toBe('value 1');
		expect(() => prefetch.context.getNodeParameter('orderId', 2, '')).toThrow(failure);
	});

	it('reads nothing more once closed, and drops what an item did not use', () => {
		const { context, reads } = fakeContext(() => 'v');
		const prefetch = new ParameterPrefetch(context, 100, 10);
		prefetch.context.getNodeParameter('orderId', 0, '');
		prefetch.fill(1);
		prefetch.done(1);
		prefetch.context.getNodeParameter('orderId', 1, '');
		expect(reads.filter((read) => read === 'orderId#1')).toHaveLength(2);
		prefetch.close();
		const before = reads.length;
		prefetch.fill(20);
		expect(reads).toHaveLength(before);
	});
});

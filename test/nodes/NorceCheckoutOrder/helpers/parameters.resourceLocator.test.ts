/**
 * The ID parameters as resource locators, through n8n-core's engine against the sandbox: every
 * mode reaches the same request, a plain string saved by an older workflow (node version 1)
 * still works unchanged, By Reference is one lookup before the real request and an error
 * naming the reference when none or several orders have it, and every check of the ID holds
 * in every mode, before any request.
 */
import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { API, useNorceSandbox, wire } from '../../../helpers/norceFixture';
import { account } from '../../../helpers/outcome';
import { startWebhookServer } from '../../../helpers/webhookServer';
import { DEMO } from '../../../sandbox';

const norce = useNorceSandbox();

const locator = (mode: string, value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode,
	value,
});

const getPayment = (orderId: unknown, paymentId: unknown): INodeParameters => ({
	resource: 'payment',
	operation: 'get',
	orderId: orderId as INodeParameters[string],
	paymentId: paymentId as INodeParameters[string],
});

const PAYMENT_PATH = `GET ${API}/orders/${DEMO.validOrderId}/payments/${DEMO.paymentId}`;
const LOOKUP = `GET ${API}/orders?reference=${DEMO.validOrderReference}&offset=0&limit=100`;

describe('every mode reaches the same request', () => {
	it.each([
		['plain strings, as node version 1 saved them', DEMO.validOrderId, DEMO.paymentId, 1],
		['From List', locator('list', DEMO.validOrderId), locator('list', DEMO.paymentId), 2],
		['By ID', locator('id', DEMO.validOrderId), locator('id', DEMO.paymentId), 2],
		['By ID in version 1', locator('id', DEMO.validOrderId), locator('id', DEMO.paymentId), 1],
		[
			'expressions, as an AI agent or a mapping fills them',
			'={{ $json.order }}',
			locator('id', '={{ $json.payment }}'),
			2,
		],
	])('%s', async (_how, orderId, paymentId, typeVersion) => {
		const result = await norce.run(getPayment(orderId, paymentId), {
			typeVersion,
			items: [{ order: DEMO.validOrderId, payment: DEMO.paymentId }],
		});

		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(1);
		expect(result.output[0]).toMatchObject({
			json: { id: DEMO.paymentId },
			pairedItem: { item: 0 },
		});
		expect(wire(norce.sandbox)).toEqual([PAYMENT_PATH]);
	});
});

describe('an order By Reference', () => {
	it('is looked up with one request, then the real request uses its ID', async () => {
		const result = await norce.run(
			getPayment(
				locator('reference', ` ${DEMO.validOrderReference} `),
				locator('list', DEMO.paymentId),
			),
			{ typeVersion: 2 },
		);

		expect(result.error).toBeUndefined();
		expect(result.output[0].json.id).toBe(DEMO.paymentId);
		expect(wire(norce.sandbox)).toEqual([LOOKUP, PAYMENT_PATH]);
	});

	it('looks up each item its own reference, output in input order', async () => {
		const other = norce.sandbox.orders.get(DEMO.failingOrderId);
		if (!other) throw new Error('no failing order');
		const result = await norce.run(
			{ operation: 'get', orderId: locator('reference', '={{ $json.reference }}'), simplify: true },
			{
				typeVersion: 2,
				items: [{ reference: other.reference }, { reference: DEMO.validOrderReference }],
			},
		);

		expect(result.output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[DEMO.failingOrderId, { item: 0 }],
			[DEMO.validOrderId, { item: 1 }],
		]);
	});

	it('fails naming the reference when no order has it, after the lookup only', async () => {
		const result = await norce.run(
			{ operation: 'get', orderId: locator('reference', 'NC-999999') },
			{ typeVersion: 2, onError: 'continueErrorOutput' },
		);

		expect(result.output).toEqual([]);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].json.error).toBe(
			'No order has the reference "NC-999999" (item 0)',
		);
		expect(result.errorOutput[0].json.message).toContain('From List or By ID');
		expect(result.errorOutput[0].pairedItem).toEqual({ item: 0 });
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders?reference=NC-999999&offset=0&limit=100`,
		]);
	});

	it('fails naming the reference and the orders when several have it', async () => {
		const twin = norce.sandbox.orders.get(DEMO.warningOrderId);
		if (!twin) throw new Error('no warning order');
		twin.reference = DEMO.validOrderReference;

		const result = await norce.run(
			{ operation: 'delete', orderId: locator('reference', DEMO.validOrderReference) },
			{ typeVersion: 2 },
		);

		expect(result.error?.message).toBe(
			`2 orders have the reference "${DEMO.validOrderReference}" (item 0)`,
		);
		const description = String((result.error as { description?: string }).description);
		expect(description).toContain(DEMO.validOrderId);
		expect(description).toContain(DEMO.warningOrderId);
		// Nothing was deleted: only the lookup was sent.
		expect(wire(norce.sandbox)).toEqual([LOOKUP]);
		expect(norce.sandbox.orders.has(DEMO.validOrderId)).toBe(true);
	});

	it('only counts exact matches of the reference', async () => {
		// The sandbox's filter is exact; a Norce whose filter also matched a part would answer
		// this list (a stand-in on 127.0.0.1 does).
		const paths: string[] = [];
		const server = await startWebhookServer((_body, response, url) => {
			paths.push(url);
			response.status(200).json(
				url.includes('?reference=')
					? {
							data: [
								{ id: 'o_partial', reference: `${DEMO.validOrderReference}-2` },
								{ id: DEMO.validOrderId, reference: DEMO.validOrderReference },
							],
							pagination: { offset: 0, limit: 100, size: 2, totalSize: 2 },
						}
					: { id: DEMO.validOrderId, reference: DEMO.validOrderReference },
			);
		});
		try {
			const result = await norce.run(
				{ operation: 'get', orderId: locator('reference', DEMO.validOrderReference) },
				{
					typeVersion: 2,
					credentials: {
						...norce.credentials,
						baseUrl: `${server.url}/checkout/order/`,
					},
				},
			);

			expect(result.error).toBeUndefined();
			expect(paths).toEqual([
				`/checkout/order/api/v0/checkout/orders?reference=${DEMO.validOrderReference}&offset=0&limit=100`,
				`/checkout/order/api/v0/checkout/orders/${DEMO.validOrderId}`,
			]);
		} finally {
			await server.close();
		}
	});

	it('is refused for any other ID, before any request', async () => {
		const result = await norce.run(
			getPayment(locator('id', DEMO.validOrderId), locator('reference', 'P-1')),
			{ typeVersion: 2 },
		);

		expect(result.error?.message).toBe('Payment ID cannot be given By Reference here (item 0)');
		expect(wire(norce.sandbox)).toEqual([]);
	});
});

describe('every check of an ID holds in every mode, before any request', () => {
	const BAD: Array<[string, string, string]> = [
		['blank', '   ', 'Order ID is empty (item 0)'],
		['a line break', 'o_1\nx', 'Order ID contains a line break or control character (item 0)'],
		['a lone surrogate', 'o_\ud800', 'Order ID holds half of a character pair (item 0)'],
		['a dot segment', '..', 'Order ID ".." is not a valid ID (item 0)'],
		['too long', 'o'.repeat(513), 'Order ID is 513 characters long (item 0)'],
	];
	const MODES: Array<[string, (value: string) => unknown]> = [
		['a plain string', (value) => value],
		['From List', (value) => locator('list', value)],
		['By ID', (value) => locator('id', value)],
		['By Reference', (value) => locator('reference', value)],
	];

	it.each(
		MODES.flatMap(([mode, wrap]) =>
			BAD.map(([what, value, message]) => [mode, what, wrap(value), message]),
		),
	)('%s: %s', async (_mode, _what, orderId, message) => {
		const result = await norce.run(
			{ operation: 'get', orderId: orderId as INodeParameters[string] },
			{ typeVersion: 2, items: [{}, {}], onError: 'continueErrorOutput' },
		);

		const accounting = account(result, 2);
		expect(accounting.lost).toEqual([]);
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			message,
			String(message).replace('item 0', 'item 1'),
		]);
		expect(wire(norce.sandbox)).toEqual([]);
	});
});

import { DEMO } from '../sandbox';
import { API, useNorceSandbox, wire } from '../helpers/norceFixture';

const norce = useNorceSandbox();

describe('input handling', () => {
	it.each([
		['a/b?c#d', 'a%2Fb%3Fc%23d'],
		['100%', '100%25'],
		['with space', 'with%20space'],
		['åäö-✓', '%C3%A5%C3%A4%C3%B6-%E2%9C%93'],
		['...', '...'],
		['  o_trimmed  ', 'o_trimmed'],
	])('sends the order id %j as one encoded path segment', async (orderId, encoded) => {
		await norce.run({ operation: 'get', orderId });
		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders/${encoded}`]);
	});

	it('reaches an order whose id needs encoding end to end', async () => {
		const result = await norce.run({
			operation: 'validate',
			orderId: DEMO.specialCharsOrderId,
			output: 'summary',
		});
		expect(result.output[0].json).toEqual({
			orderId: DEMO.specialCharsOrderId,
			valid: true,
			validations: [],
		});
	});

	it.each([
		['empty', '', 'Order ID is empty (item 0)'],
		['blank', '   ', 'Order ID is empty (item 0)'],
		['dot', '.', 'Order ID "." is not a valid ID (item 0)'],
		['dot dot', '..', 'Order ID ".." is not a valid ID (item 0)'],
		['line break', 'o_1\r\nx', 'Order ID contains a line break or control character (item 0)'],
		['too long', 'o'.repeat(10_000), 'Order ID is 10000 characters long (item 0)'],
	])('refuses an %s order id before any request', async (_name, orderId, message) => {
		// Through an expression: n8n itself refuses a run whose required parameter is empty.
		const result = await norce.run(
			{ operation: 'get', orderId: '={{ $json.id }}' },
			{ items: [{ id: orderId }] },
		);
		expect(result.error).toMatchObject({ message, name: 'NodeOperationError' });
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('names the validation id and the item', async () => {
		const result = await norce.run(
			{
				operation: 'removeValidation',
				orderId: DEMO.orderWithValidationId,
				validationId: '={{ $json.v }}',
			},
			{ items: [{ v: DEMO.validationId }, { v: '' }], onError: 'continueRegularOutput' },
		);
		expect(result.output[1].json.error).toBe('Validation ID is empty (item 1)');
	});

	it.each([
		['adapterId', { adapterId: 'x\r\nInjected: 1' }, 'Adapter ID contains a line break'],
		['channel', { channel: 'se\nInjected: 1' }, 'Channel contains a line break'],
	])('refuses a %s option with CR/LF before any request', async (_name, options, message) => {
		const result = await norce.run({
			operation: 'updateReference',
			orderId: DEMO.validOrderId,
			reference: 'REF-1',
			options,
		});
		expect(result.error?.message).toContain(message);
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('refuses a credential merchant with CR/LF before any request', async () => {
		const result = await norce.run(
			{ operation: 'get', orderId: DEMO.validOrderId },
			{ credentials: { ...norce.credentials, merchant: 'norce-demo\r\nx-evil: 1' } },
		);
		expect(result.error?.message).toContain('merchant contains a line break');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('keeps input order and never exceeds the concurrency option', async () => {
		const items = Array.from({ length: 12 }, (_, index) => ({
			id: index % 2 ? DEMO.validOrderId : DEMO.warningOrderId,
		}));
		norce.sandbox.setLatency(10);
		const result = await norce.run(
			{
				operation: 'validate',
				orderId: '={{ $json.id }}',
				output: 'summary',
				options: { concurrency: 3 },
			},
			{ items },
		);

		expect(result.output.map((item) => item.pairedItem)).toEqual(
			items.map((_, item) => ({ item })),
		);
		expect(norce.sandbox.stats.maxInFlight).toBeLessThanOrEqual(3);
		expect(norce.sandbox.stats.maxInFlight).toBeGreaterThan(1);
	});

	it('processes strictly one at a time with concurrency 1', async () => {
		norce.sandbox.setLatency(5);
		await norce.run(
			{ operation: 'get', orderId: '={{ $json.id }}', options: { concurrency: 1 } },
			{
				items: [
					{ id: DEMO.validOrderId },
					{ id: DEMO.warningOrderId },
					{ id: DEMO.failingOrderId },
				],
			},
		);
		expect(norce.sandbox.stats.maxInFlight).toBe(1);
		expect(wire(norce.sandbox)).toEqual(
			[DEMO.validOrderId, DEMO.warningOrderId, DEMO.failingOrderId].map(
				(id) => `GET ${API}/orders/${id}`,
			),
		);
	});
});

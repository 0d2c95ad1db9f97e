/**
 * Update Reference: PUT …/orders/{id}/reference with the reference as a bare JSON string
 * literal ("REF-1", quotes included) and Content-Type application/json; Norce answers 200
 * with an empty body.
 */
import { API, DEMO, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const update = (reference: string, orderId: string = DEMO.validOrderId, options = {}) => ({
	operation: 'updateReference',
	orderId,
	reference,
	options,
});

describe('wire', () => {
	it.each([
		['plain', 'REF-1', '"REF-1"'],
		['quotes and backslash', 'ERP "A"\\1', '"ERP \\"A\\"\\\\1"'],
		['CR/LF (no header injection)', 'ERP-1\r\nX-Injected: 1', '"ERP-1\\r\\nX-Injected: 1"'],
		['unicode', 'Åsa-örder-✓ 😀', '"Åsa-örder-✓ 😀"'],
		['markup and JSON', '</script>{"x":1}', '"</script>{\\"x\\":1}"'],
		['looks like a number', '123', '"123"'],
		['outer spaces (kept)', ' R 1 ', '" R 1 "'],
	])('sends the %s reference as a JSON string literal', async (_name, reference, body) => {
		const result = await norce.run(update(reference));

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([`PUT ${API}/orders/${DEMO.validOrderId}/reference`]);
		const [request] = norce.sandbox.requests;
		expect(request.body).toBe(body);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.headers['x-injected']).toBeUndefined();
		expect(norce.sandbox.orders.get(DEMO.validOrderId)?.reference).toBe(reference);
	});

	it('sends x-adapterid when set', async () => {
		await norce.run(update('REF-1', DEMO.validOrderId, { adapterId: 'qliro_checkout_adapter' }));
		expect(norce.sandbox.requests[0].headers['x-adapterid']).toBe('qliro_checkout_adapter');
	});

	it('sends a number from an expression as text', async () => {
		await norce.run(update('={{ $json.erp }}'), { items: [{ erp: 100234 }] });
		expect(norce.sandbox.requests[0].body).toBe('"100234"');
	});
});

describe('output', () => {
	it('answers {orderId, reference, success} per input, paired, and the orders change', async () => {
		const items = [
			{ id: DEMO.validOrderId, reference: 'ERP-1' },
			{ id: 'o_missing', reference: 'ERP-2' },
			{ id: DEMO.specialCharsOrderId, reference: 'R?#/3' },
		];
		const result = await norce.run(update('={{ $json.reference }}', '={{ $json.id }}'), {
			items,
			onError: 'continueErrorOutput',
		});

		expect(result.output).toEqual([
			{
				json: { orderId: DEMO.validOrderId, reference: 'ERP-1', success: true },
				pairedItem: { item: 0 },
			},
			{
				json: { orderId: DEMO.specialCharsOrderId, reference: 'R?#/3', success: true },
				pairedItem: { item: 2 },
			},
		]);
		expect(result.errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Not found: order "o_missing" [404 order-not-found]', { item: 1 }],
		]);
		expect(norce.sandbox.orders.get(DEMO.validOrderId)?.reference).toBe('ERP-1');
		expect(norce.sandbox.orders.get(DEMO.specialCharsOrderId)?.reference).toBe('R?#/3');
	});
});

describe('errors', () => {
	it.each([
		['blank', '  '],
		['null from an expression', null],
	])('refuses a %s reference before sending anything', async (_name, reference) => {
		const result = await norce.run(update('={{ $json.reference }}'), {
			items: [{ reference }],
		});

		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Reference is empty (item 0)',
		});
		expect(result.error?.description).toContain('Set the "Reference" parameter');
		expect(norce.sandbox.requests).toEqual([]);
	});
});

import { DEMO } from '../sandbox';
import { API, useNorceSandbox, wire } from '../helpers/norceFixture';

const norce = useNorceSandbox();

describe('validate', () => {
	it('gives one item per validation for a 200 with warnings, marked orderValid', async () => {
		const result = await norce.run({ operation: 'validate', orderId: DEMO.warningOrderId });

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([`POST ${API}/orders/${DEMO.warningOrderId}/validate`]);
		expect(result.output.map((item) => item.json)).toEqual([
			{
				orderId: DEMO.warningOrderId,
				code: 'item-low-stock',
				adapterId: 'onhand_verify',
				sku: expect.any(String),
				orderValid: true,
			},
		]);
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('treats a 400 with a validation array as a result, not an error', async () => {
		const result = await norce.run({ operation: 'validate', orderId: DEMO.failingOrderId });

		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => item.json)).toEqual(
			[
				{
					orderId: DEMO.failingOrderId,
					code: 'item-out-of-stock',
					adapterId: 'onhand_verify',
					orderValid: false,
				},
				{
					orderId: DEMO.failingOrderId,
					code: 'payment-amount-mismatch',
					adapterId: 'walley_checkout_adapter',
					orderValid: false,
				},
			].map((expected) => expect.objectContaining(expected)),
		);
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([400]);
	});

	it('treats a 400 with {errors: [...]} as a result too', async () => {
		const result = await norce.run({
			operation: 'validate',
			orderId: DEMO.failingErrorsObjectOrderId,
		});

		expect(result.output.map((item) => item.json)).toEqual([
			{
				orderId: DEMO.failingErrorsObjectOrderId,
				code: 'shipping-not-selected',
				adapterId: 'ingrid-shipping-adapter',
				orderValid: false,
			},
		]);
	});

	it('gives no items for a valid order without messages', async () => {
		const result = await norce.run({ operation: 'validate', orderId: DEMO.validOrderId });

		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([]);
		expect(norce.sandbox.requests).toHaveLength(1);
	});

	it('summarises one item per order with output = summary', async () => {
		const result = await norce.run(
			{ operation: 'validate', orderId: '={{ $json.id }}', output: 'summary' },
			{
				items: [
					{ id: DEMO.validOrderId },
					{ id: DEMO.threeFailuresOrderId },
					{ id: DEMO.warningOrderId },
				],
			},
		);

		expect(result.output.map((item) => item.json)).toEqual([
			{ orderId: DEMO.validOrderId, valid: true, validations: [] },
			{
				orderId: DEMO.threeFailuresOrderId,
				valid: false,
				validations: [
					expect.objectContaining({ code: 'item-out-of-stock' }),
					expect.objectContaining({ code: 'shipping-not-selected' }),
					expect.objectContaining({ code: 'customer-email-missing' }),
				],
			},
			{
				orderId: DEMO.warningOrderId,
				valid: true,
				validations: [expect.objectContaining({ code: 'item-low-stock' })],
			},
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('keeps several validations per order paired to their input item, in input order', async () => {
		const ids = [
			DEMO.threeFailuresOrderId,
			DEMO.validOrderId,
			DEMO.failingOrderId,
			DEMO.threeFailuresOrderId,
		];
		// The first order answers last, so output order has to come from the router.
		norce.sandbox.addFault({
			kind: 'delay',
			ms: 50,
			times: 1,
			match: { orderId: DEMO.threeFailuresOrderId },
		});
		const result = await norce.run(
			{ operation: 'validate', orderId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })) },
		);

		expect(result.output.map((item) => [item.json.orderId, item.pairedItem])).toEqual([
			[DEMO.threeFailuresOrderId, { item: 0 }],
			[DEMO.threeFailuresOrderId, { item: 0 }],
			[DEMO.threeFailuresOrderId, { item: 0 }],
			[DEMO.failingOrderId, { item: 2 }],
			[DEMO.failingOrderId, { item: 2 }],
			[DEMO.threeFailuresOrderId, { item: 3 }],
			[DEMO.threeFailuresOrderId, { item: 3 }],
			[DEMO.threeFailuresOrderId, { item: 3 }],
		]);
	});

	it('fails with a clear error when the answer is not a validation list', async () => {
		norce.sandbox.addFault({ kind: 'invalidJson', match: { operation: 'validate' } });
		const result = await norce.run({ operation: 'validate', orderId: DEMO.validOrderId });

		expect(result.error?.message).toBe(
			`Norce Checkout answered the validation of order "${DEMO.validOrderId}" with something that is not a validation list [HTTP 200]`,
		);
	});

	it('keeps a 400 without validations an error carrying Norce code and message', async () => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 400,
			code: 'order-bad-request',
			message: 'Order is locked',
			match: { operation: 'validate' },
		});
		const result = await norce.run({ operation: 'validate', orderId: DEMO.validOrderId });

		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for order "${DEMO.validOrderId}" [400 order-bad-request]`,
			httpCode: '400',
		});
		expect(result.error?.description).toContain('Norce said: Order is locked');
	});

	it('sends no body and no x-adapterid (validate changes nothing a hook could see)', async () => {
		await norce.run({
			operation: 'validate',
			orderId: DEMO.validOrderId,
			options: { adapterId: 'qliro_checkout_adapter' },
		});

		const [request] = norce.sandbox.requests;
		expect(request.body).toBe('');
		expect(request.headers['x-adapterid']).toBeUndefined();
	});
});

/**
 * Validate: POST …/orders/{id}/validate without a body. Norce answers 200 with warnings (or
 * nothing) for a valid order and 400 with the failed validations for an invalid one; both are
 * results. Output: one item per validation message, or one summary per order.
 */
import { API, DEMO, useNorceSandbox, wire } from '../operationTests';
import type { ValidationBehaviour } from '../../../../sandbox';

const norce = useNorceSandbox();

const validate = (orderId: string, output?: string) => ({
	operation: 'validate',
	orderId,
	...(output ? { output } : {}),
});

/** Scripts the sandbox's answer to validating `orderId`. */
function answerValidate(orderId: string, behaviour: ValidationBehaviour) {
	norce.sandbox.orders.get(orderId)!.validation = behaviour;
}

describe('wire', () => {
	it('posts to the validate path of the order, with no body', async () => {
		const result = await norce.run(validate(DEMO.warningOrderId));

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([`POST ${API}/orders/${DEMO.warningOrderId}/validate`]);
		const [request] = norce.sandbox.requests;
		expect(request.body).toBe('');
		expect(request.headers['content-type']).toBeUndefined();
	});
});

describe('one item per validation (the default)', () => {
	it('gives the warnings of a 200, marked orderValid, with the fields Norce added', async () => {
		const result = await norce.run(validate(DEMO.warningOrderId));

		expect(result.output).toEqual([
			{
				json: {
					orderId: DEMO.warningOrderId,
					code: 'item-low-stock',
					adapterId: 'onhand_verify',
					sku: 'NC-HOODIE-GRY-L',
					orderValid: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('takes a 400 with a validation array as the result, not an error', async () => {
		const result = await norce.run(validate(DEMO.failingOrderId));

		expect(result.error).toBeUndefined();
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([400]);
		expect(result.output.map((item) => item.json)).toEqual([
			{
				orderId: DEMO.failingOrderId,
				code: 'item-out-of-stock',
				adapterId: 'onhand_verify',
				sku: expect.any(String),
				orderValid: false,
			},
			{
				orderId: DEMO.failingOrderId,
				code: 'payment-amount-mismatch',
				adapterId: 'walley_checkout_adapter',
				orderValid: false,
			},
		]);
	});

	it('takes a 400 with {errors: [...]} as the result too', async () => {
		const result = await norce.run(validate(DEMO.failingErrorsObjectOrderId));

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
		const result = await norce.run(validate(DEMO.validOrderId));

		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([]);
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([200]);
	});

	it('leads with orderId, code and adapterId; its own fields win over clashing ones', async () => {
		answerValidate(DEMO.validOrderId, {
			status: 400,
			results: [
				{
					extra: 1,
					adapterId: 'a',
					code: 'c',
					orderId: 'o_other',
					orderValid: 'maybe',
				} as unknown as ValidationBehaviour['results'][number],
			],
		});
		const result = await norce.run(validate(DEMO.validOrderId));

		const [json] = result.output.map((item) => item.json);
		expect(json).toEqual({
			orderId: DEMO.validOrderId,
			code: 'c',
			adapterId: 'a',
			extra: 1,
			orderValid: false,
		});
		expect(Object.keys(json).slice(0, 3)).toEqual(['orderId', 'code', 'adapterId']);
	});

	it('keeps a "__proto__" field of a validation as data, never as the item\'s prototype', async () => {
		answerValidate(DEMO.validOrderId, {
			status: 400,
			results: [JSON.parse('{"code":"c","__proto__":{"orderValid":"forged","polluted":true}}')],
		});
		const result = await norce.run(validate(DEMO.validOrderId));

		const [json] = result.output.map((item) => item.json);
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect((json as { polluted?: unknown }).polluted).toBeUndefined();
		expect(json.orderValid).toBe(false);
	});

	it('turns a validation that is not an object into an item with that code', async () => {
		answerValidate(DEMO.validOrderId, {
			status: 200,
			results: ['plain-text-warning'] as unknown as ValidationBehaviour['results'],
		});
		const result = await norce.run(validate(DEMO.validOrderId));

		expect(result.output.map((item) => item.json)).toEqual([
			{ orderId: DEMO.validOrderId, code: 'plain-text-warning', orderValid: true },
		]);
	});

	it('pairs every validation to its input item, in input order, with several inputs', async () => {
		const ids = [
			DEMO.threeFailuresOrderId,
			DEMO.validOrderId,
			DEMO.failingOrderId,
			DEMO.warningOrderId,
		];
		const result = await norce.run(validate('={{ $json.id }}'), {
			items: ids.map((id) => ({ id })),
		});

		expect(
			result.output.map((item) => [item.json.orderId, item.json.code, item.pairedItem]),
		).toEqual([
			[ids[0], 'item-out-of-stock', { item: 0 }],
			[ids[0], 'shipping-not-selected', { item: 0 }],
			[ids[0], 'customer-email-missing', { item: 0 }],
			[ids[2], 'item-out-of-stock', { item: 2 }],
			[ids[2], 'payment-amount-mismatch', { item: 2 }],
			[ids[3], 'item-low-stock', { item: 3 }],
		]);
	});
});

describe('one summary per order', () => {
	it('gives exactly one item per input, valid or not', async () => {
		const ids = [DEMO.validOrderId, DEMO.threeFailuresOrderId, DEMO.warningOrderId];
		const result = await norce.run(validate('={{ $json.id }}', 'summary'), {
			items: ids.map((id) => ({ id })),
		});

		expect(result.output).toEqual([
			{ json: { orderId: ids[0], valid: true, validations: [] }, pairedItem: { item: 0 } },
			{
				json: {
					orderId: ids[1],
					valid: false,
					validations: [
						{ code: 'item-out-of-stock', adapterId: 'onhand_verify', sku: 'NC-JACKET-RAIN-M' },
						{ code: 'shipping-not-selected', adapterId: 'ingrid-shipping-adapter' },
						{ code: 'customer-email-missing', adapterId: 'norce_adapter' },
					],
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					orderId: ids[2],
					valid: true,
					validations: [
						{ code: 'item-low-stock', adapterId: 'onhand_verify', sku: 'NC-HOODIE-GRY-L' },
					],
				},
				pairedItem: { item: 2 },
			},
		]);
	});
});

describe('errors', () => {
	it('keeps a 400 without validations an error, with Norce code and message', async () => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 400,
			code: 'order-bad-request',
			message: 'Order is locked',
			match: { operation: 'validate' },
		});
		const result = await norce.run(validate(DEMO.validOrderId));

		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for order "${DEMO.validOrderId}" [400 order-bad-request]`,
			httpCode: '400',
		});
		expect(result.error?.description).toContain('Norce said: Order is locked');
	});

	it('keeps a 400 with an empty validation list an error', async () => {
		answerValidate(DEMO.validOrderId, { status: 400, results: [] });
		const result = await norce.run(validate(DEMO.validOrderId));

		expect(result.error?.message).toBe(
			`Norce Checkout rejected the request for order "${DEMO.validOrderId}" [HTTP 400]`,
		);
	});

	it('fails clearly when the answer is not a validation list', async () => {
		norce.sandbox.addFault({ kind: 'invalidJson', match: { operation: 'validate' } });
		const result = await norce.run(validate(DEMO.validOrderId));

		expect(result.error?.message).toBe(
			`Norce Checkout answered the validation of order "${DEMO.validOrderId}" with something that is not a validation list [HTTP 200]`,
		);
		expect(result.error?.description).toContain('Expected a JSON array of {code, adapterId}');
	});
});

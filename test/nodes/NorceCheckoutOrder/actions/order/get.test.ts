/**
 * Get: GET …/orders/{id}; one item per input, the order as Norce sends it, or with Simplify
 * only {id, reference, status, created, total, currency, customerEmail}.
 */
import { API, DEMO, SIMPLE_VALID_ORDER, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const get = (orderId: string, extra = {}) => ({ operation: 'get', orderId, ...extra });

describe('wire', () => {
	it('gets the order path, with no body', async () => {
		await norce.run(get(DEMO.validOrderId));

		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders/${DEMO.validOrderId}`]);
		expect(norce.sandbox.requests[0].body).toBe('');
	});
});

describe('output', () => {
	it('returns the whole order as one item, without sandbox internals', async () => {
		const result = await norce.run(get(DEMO.validOrderId));

		expect(result.output).toHaveLength(1);
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
		const order = result.output[0].json;
		expect(order).toMatchObject({
			id: DEMO.validOrderId,
			reference: DEMO.validOrderReference,
			merchant: norce.sandbox.merchant,
			channel: 'se',
			state: { currentStatus: 'processing' },
			cart: { reference: DEMO.validOrderCartReference },
		});
		expect(order).toHaveProperty('customer.billing.email', DEMO.validOrderBillingEmail);
		expect(order).toHaveProperty('validations');
		expect(order).not.toHaveProperty('validation');
	});

	it('with Simplify returns only the fields most workflows branch on', async () => {
		const result = await norce.run(get(DEMO.validOrderId, { simplify: true }));

		expect(result.output).toEqual([{ json: SIMPLE_VALID_ORDER, pairedItem: { item: 0 } }]);
	});

	it('simplifies what is there: a plain total, the shipping email, nothing invented', async () => {
		const order = norce.sandbox.orders.get(DEMO.threeFailuresOrderId)!;
		Object.assign(order, { total: 120.5 });
		order.customer.shipping.email = 'ship@example.com';
		const withShippingEmail = await norce.run(get(DEMO.threeFailuresOrderId, { simplify: true }));
		expect(withShippingEmail.output[0].json).toMatchObject({
			total: 120.5,
			customerEmail: 'ship@example.com',
		});

		Object.assign(order, { total: undefined, customer: undefined, state: undefined });
		const bare = await norce.run(get(DEMO.threeFailuresOrderId, { simplify: true }));
		expect(bare.output[0].json).toEqual({
			id: DEMO.threeFailuresOrderId,
			reference: 'NC-100484',
			created: '2026-04-15T09:02:41.000Z',
			currency: 'SEK',
		});
	});

	it('gives one item per input, paired to it', async () => {
		const ids = [DEMO.warningOrderId, DEMO.validOrderId];
		const result = await norce.run(get('={{ $json.id }}', { simplify: true }), {
			items: ids.map((id) => ({ id })),
		});

		expect(result.output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[DEMO.warningOrderId, { item: 0 }],
			[DEMO.validOrderId, { item: 1 }],
		]);
	});
});

describe('errors', () => {
	it('names the order on 404 and the channel it looked in; the Channel option finds it', async () => {
		const inOtherChannel = await norce.run(get(DEMO.otherChannelOrderId));
		expect(inOtherChannel.error).toMatchObject({
			message: `Not found: order "${DEMO.otherChannelOrderId}" [404 order-not-found]`,
			httpCode: '404',
		});
		expect(inOtherChannel.error?.description).toContain('merchant and channel "se"');

		const withOverride = await norce.run(
			get(DEMO.otherChannelOrderId, { options: { channel: 'no' } }),
		);
		expect(withOverride.error).toBeUndefined();
		expect(withOverride.output[0].json.channel).toBe('no');
		expect(norce.sandbox.requests.map((request) => request.headers['x-channel'])).toEqual([
			'se',
			'no',
		]);
	});

	it('fails clearly when a 200 is not an order', async () => {
		norce.sandbox.addFault({ kind: 'invalidJson' });
		const result = await norce.run(get(DEMO.validOrderId));

		expect(result.error?.message).toBe(
			`Norce Checkout answered with something that is not an order for order "${DEMO.validOrderId}" [HTTP 200]`,
		);
		expect(result.error?.description).toContain('Expected a JSON object');
	});
});

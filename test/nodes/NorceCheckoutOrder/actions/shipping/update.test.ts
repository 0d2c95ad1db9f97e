import { API, DEMO, placedOrders, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const PRICE = { includingVat: 99, excludingVat: 79.2 };
const BODY = JSON.stringify({
	state: 'confirmed',
	tmsReference: 'TMS-1',
	total: PRICE,
	vatRate: 0.25,
});

const update = (jsonBody = BODY, shippingId: string = DEMO.shippingId) =>
	norce.run({
		resource: 'shipping',
		operation: 'update',
		orderId: DEMO.validOrderId,
		shippingId,
		jsonBody,
	});
const storedShippings = () => norce.sandbox.orders.get(DEMO.validOrderId)!.shippings;

describe('shipping update', () => {
	it('puts the whole shipping and outputs the shipping Norce answers with', async () => {
		const result = await update(JSON.stringify(JSON.parse(BODY), null, 2));

		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox)).toEqual([
			`PUT ${API}/orders/${DEMO.validOrderId}/shippings/${DEMO.shippingId}`,
		]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe(BODY);
		const [stored] = storedShippings();
		expect(stored).toMatchObject({ id: DEMO.shippingId, tmsReference: 'TMS-1', total: PRICE });
		expect(result.output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
	});

	it('updates the shipping of each item, outputs in input order', async () => {
		const orders = placedOrders(norce.sandbox, 3);
		const result = await norce.run(
			{
				resource: 'shipping',
				operation: 'update',
				orderId: '={{ $json.order }}',
				shippingId: '={{ $json.shipping }}',
				jsonBody: `={{ JSON.stringify({ ...${BODY}, tmsReference: $json.tms }) }}`,
			},
			{
				items: orders.map((order, index) => ({
					order: order.id,
					shipping: order.shippings[0].id,
					tms: `TMS-${index}`,
				})),
			},
		);

		expect(
			result.output.map((item) => [item.json.orderId, item.json.tmsReference, item.pairedItem]),
		).toEqual(orders.map((order, index) => [order.id, `TMS-${index}`, { item: index }]));
	});

	it('refuses a body that is not JSON before any request', async () => {
		const result = await update('{state: confirmed}');

		expect(result.error?.message).toBe('JSON Body is not valid JSON (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports a shipping without vatRate, a reference taken by another shipping, an unknown id', async () => {
		const subject = `shipping "${DEMO.shippingId}" on order "${DEMO.validOrderId}"`;
		const withoutVat = await update(JSON.stringify({ total: PRICE }));
		expect(withoutVat.error?.message).toBe(
			`Norce Checkout rejected the request for ${subject} [400 bad-request]`,
		);
		expect(withoutVat.error?.description).toContain("Shipping field 'vatRate' is required");

		const order = norce.sandbox.orders.get(DEMO.validOrderId)!;
		order.shippings = [
			...order.shippings,
			{ ...order.shippings[0], id: 's_other', reference: 'SHP-2' },
		];
		const taken = await update(JSON.stringify({ reference: 'SHP-2', total: PRICE, vatRate: 0.25 }));
		expect(taken.error?.message).toBe(
			`Norce Checkout rejected the request for ${subject} [409 shipping-conflict]`,
		);

		const unknown = await update(BODY, 's_missing');
		expect(unknown.error?.message).toBe(
			`Not found: shipping "s_missing" on order "${DEMO.validOrderId}" [404 shipping-not-found]`,
		);
	});

	it('repeats the PUT after a dropped connection', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'shipping.update' } });
		const result = await update();

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0, 200]);
		expect(result.output[0].json).toMatchObject({ id: DEMO.shippingId, tmsReference: 'TMS-1' });
	});
});

import { API, DEMO, SPECIAL_ORDER_SEGMENT, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const PRICE = { includingVat: 49, excludingVat: 39.2 };
const BODY = JSON.stringify({ name: 'Home delivery', total: PRICE, vatRate: 0.25 });

const create = (jsonBody: string, orderId: string = DEMO.validOrderId) =>
	norce.run({ resource: 'shipping', operation: 'create', orderId, jsonBody });
const shippingsOf = (orderId: string) => norce.sandbox.orders.get(orderId)!.shippings;

describe('shipping create', () => {
	it('posts the shipping and answers with the new shipping id', async () => {
		const result = await create(JSON.stringify(JSON.parse(BODY), null, 2));

		const [request] = norce.sandbox.requests;
		expect(wire(norce.sandbox)).toEqual([`POST ${API}/orders/${DEMO.validOrderId}/shippings`]);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toBe(BODY);
		expect(request.status).toBe(201);
		const [, created] = shippingsOf(DEMO.validOrderId);
		expect(created).toMatchObject({ id: expect.stringMatching(/^s_/), name: 'Home delivery' });
		expect(result.output).toEqual([
			{
				json: { orderId: DEMO.validOrderId, shippingId: created.id, success: true },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('creates one shipping per item on the order of that item, in input order', async () => {
		const orderIds = [DEMO.validOrderId, DEMO.specialCharsOrderId];
		const result = await norce.run(
			{
				resource: 'shipping',
				operation: 'create',
				orderId: '={{ $json.orderId }}',
				jsonBody: BODY,
			},
			{ items: orderIds.map((orderId) => ({ orderId })) },
		);

		expect(wire(norce.sandbox).sort()).toEqual([
			`POST ${API}/orders/${DEMO.validOrderId}/shippings`,
			`POST ${API}/orders/${SPECIAL_ORDER_SEGMENT}/shippings`,
		]);
		expect(result.output).toEqual(
			orderIds.map((orderId, index) => ({
				json: { orderId, shippingId: shippingsOf(orderId)[1].id, success: true },
				pairedItem: { item: index },
			})),
		);
	});

	it('refuses a JSON Body that is an array, before any request', async () => {
		const result = await create(`[${BODY}]`);

		expect(result.error?.message).toBe('JSON Body must be a JSON object, not array (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it.each([
		['total', { vatRate: 0.25 }],
		['vatRate', { total: PRICE }],
	])('reports the 400 for a shipping without %s', async (field, shipping) => {
		const result = await create(JSON.stringify(shipping));

		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for a new shipping on order "${DEMO.validOrderId}" [400 bad-request]`,
			httpCode: '400',
		});
		expect(result.error?.description).toContain(`Shipping field '${field}' is required`);
	});

	it('reports the 409 for a reference the order already has, and an unknown order', async () => {
		const duplicate = await create(
			JSON.stringify({ reference: DEMO.shippingReference, total: PRICE, vatRate: 0.25 }),
		);
		expect(duplicate.error).toMatchObject({
			message: `Norce Checkout rejected the request for a new shipping on order "${DEMO.validOrderId}" [409 shipping-conflict]`,
			httpCode: '409',
		});
		expect(duplicate.error?.description).toContain(`'${DEMO.shippingReference}' already exists`);
		expect(shippingsOf(DEMO.validOrderId)).toHaveLength(1);

		const unknown = await create(BODY, 'o_missing');
		expect(unknown.error?.message).toBe(
			'Not found: a new shipping on order "o_missing" [404 order-not-found]',
		);
	});

	it('does not repeat the POST after a dropped connection', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'shipping.create' } });
		const result = await create(BODY);

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0]);
		expect(result.error?.description).toContain('not retried after a connection failure');
		expect(shippingsOf(DEMO.validOrderId)).toHaveLength(1);
	});
});

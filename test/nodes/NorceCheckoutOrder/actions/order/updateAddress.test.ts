import type { IDataObject } from 'n8n-workflow';

import { API, DEMO, paired, sent, SPECIAL_ORDER_SEGMENT, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const ANNA = { givenName: 'Anna', familyName: 'Svensson', city: 'Stockholm', country: 'SE' };

describe('order.updateAddress', () => {
	it.each([
		['billing', 'shipping'],
		['shipping', 'billing'],
	] as const)(
		'replaces the %s address from the fields, leaving out empty ones',
		async (addressType, other) => {
			const orderId = DEMO.specialCharsOrderId;
			const untouched = norce.sandbox.orders.get(orderId)?.customer[other];
			const result = await norce.run({
				operation: 'updateAddress',
				orderId,
				addressType,
				otherFields: 'replace',
				address: { ...ANNA, careOf: '' },
			});

			expect(sent(norce.sandbox)).toEqual([
				{
					request: `PUT ${API}/orders/${SPECIAL_ORDER_SEGMENT}/customer/${addressType}`,
					contentType: 'application/json',
					// n8n hands over a collection in the order of its fields' definitions.
					body: '{"city":"Stockholm","country":"SE","familyName":"Svensson","givenName":"Anna"}',
				},
			]);
			expect(result.output).toEqual(paired({ orderId, addressType, success: true }));
			const customer = norce.sandbox.orders.get(orderId)?.customer;
			expect(customer?.[addressType]).toEqual(ANNA);
			expect(customer?.[other]).toEqual(untouched);
		},
	);

	it("keeps the address's other fields by default: reads the order, merges, PUTs", async () => {
		const orderId = DEMO.checkoutOrderId;
		norce.sandbox.orders.get(orderId)!.customer.billing.attributes = { vatId: 'SE1', door: 2 };
		const before = structuredClone(norce.sandbox.orders.get(orderId)!.customer.billing);
		const result = await norce.run({
			operation: 'updateAddress',
			orderId,
			address: { streetAddress: 'Storgatan 2', attributes: '{"door": 4}' },
		});

		expect(result.error).toBeUndefined();
		expect(sent(norce.sandbox).map(({ request }) => request)).toEqual([
			`GET ${API}/orders/${orderId}`,
			`PUT ${API}/orders/${orderId}/customer/billing`,
		]);
		const expected = {
			...before,
			streetAddress: 'Storgatan 2',
			attributes: { vatId: 'SE1', door: 4 },
		};
		expect(JSON.parse(norce.sandbox.requests[1].body)).toEqual(expected);
		expect(norce.sandbox.orders.get(orderId)!.customer.billing).toEqual(expected);
		expect(result.output).toEqual(paired({ orderId, addressType: 'billing', success: true }));
	});

	it("sends type and attributes as Norce's own client does, replacing the whole address", async () => {
		// norce-checkout-training-collection [Order] Customer Billing.bru: type "Person", attributes.
		const orderId = DEMO.checkoutOrderId;
		const result = await norce.run({
			operation: 'updateAddress',
			orderId,
			otherFields: 'replace',
			address: {
				...ANNA,
				type: 'Person',
				attributes: '{"nationalIdentificationNumber": null, "vatId": null}',
			},
		});

		expect(result.error).toBeUndefined();
		expect(norce.sandbox.requests.map((request) => [request.method, request.body])).toEqual([
			[
				'PUT',
				'{"city":"Stockholm","country":"SE","familyName":"Svensson","givenName":"Anna","type":"Person","attributes":{"nationalIdentificationNumber":null,"vatId":null}}',
			],
		]);
	});

	it('refuses attributes that are not a JSON object, before any request', async () => {
		for (const attributes of ['{"door": ', '[1]']) {
			const result = await norce.run({
				operation: 'updateAddress',
				orderId: DEMO.checkoutOrderId,
				address: { attributes },
			});
			expect(result.error?.message).toMatch(
				/^Attributes (is not valid JSON|must be a JSON object) \(item 0\)$/,
			);
		}
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('keeps nothing and sends nothing when the order cannot be read', async () => {
		const result = await norce.run({
			operation: 'updateAddress',
			orderId: 'o_missing',
			address: ANNA,
		});

		expect(result.error?.message).toBe('Not found: order "o_missing" [404 order-not-found]');
		expect(norce.sandbox.requests.map((request) => request.method)).toEqual(['GET']);
	});

	it('sends the JSON Body as the address, per item, in input order', async () => {
		const items: Array<{ id: string; type: 'billing' | 'shipping'; address: IDataObject }> = [
			{ id: DEMO.checkoutOrderId, type: 'shipping', address: { ...ANNA, attributes: { door: 4 } } },
			{ id: DEMO.requiredConsentOrderId, type: 'billing', address: { givenName: 'Nils' } },
		];
		const result = await norce.run(
			{
				operation: 'updateAddress',
				orderId: '={{ $json.id }}',
				addressType: '={{ $json.type }}',
				bodyInput: 'json',
				jsonBody: '={{ $json.address }}',
			},
			{ items },
		);

		expect(norce.sandbox.requests.map((request) => request.body).sort()).toEqual(
			items.map(({ address }) => JSON.stringify(address)).sort(),
		);
		expect(result.output).toEqual(
			paired(...items.map(({ id, type }) => ({ orderId: id, addressType: type, success: true }))),
		);
		for (const { id, type, address } of items) {
			expect(norce.sandbox.orders.get(id)?.customer[type]).toEqual(address);
		}
	});

	it('refuses an address type from an expression other than billing or shipping', async () => {
		const result = await norce.run({
			operation: 'updateAddress',
			orderId: DEMO.checkoutOrderId,
			addressType: '={{ "home" }}',
		});

		expect(result.error?.message).toBe(
			'Address Type "home" is not one of billing, shipping (item 0)',
		);
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports the 400 of an order that is past checkout, naming the address', async () => {
		const orderId = DEMO.validOrderId;
		const result = await norce.run({
			operation: 'updateAddress',
			orderId,
			otherFields: 'replace',
			address: ANNA,
		});

		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for the billing address of order "${orderId}" [400 invalid-order-state]`,
			httpCode: '400',
		});
	});
});

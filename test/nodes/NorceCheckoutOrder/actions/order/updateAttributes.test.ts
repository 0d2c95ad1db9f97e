import { API, DEMO, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const orderId = DEMO.validOrderId;
const attributesOf = (id: string) => norce.sandbox.orders.get(id)?.attributes;

describe('order.updateAttributes', () => {
	it('patches the named attributes, trimmed, skipping blank names; others keep their values', async () => {
		const result = await norce.run({
			operation: 'updateAttributes',
			orderId,
			attributes: {
				attribute: [
					{ name: 'erpExported', value: 'true' },
					{ name: ' erpId ', value: ' A-1 ' },
					{ name: '  ', value: 'ignored' },
				],
			},
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `PATCH ${API}/orders/${orderId}/attributes`,
				contentType: 'application/json',
				body: '{"erpExported":"true","erpId":" A-1 "}',
			},
		]);
		expect(result.output).toEqual(paired({ orderId, success: true }));
		expect(attributesOf(orderId)).toEqual({
			source: 'sandbox-demo',
			erpExported: 'true',
			erpId: ' A-1 ',
		});
	});

	it('sends a JSON Body as it is: nested values, null to remove', async () => {
		const jsonBody = '{ "source": null, "erp": { "id": 7, "tags": ["a"] } }';
		const result = await norce.run({
			operation: 'updateAttributes',
			orderId,
			bodyInput: 'json',
			jsonBody,
		});

		expect(norce.sandbox.requests[0].body).toBe('{"source":null,"erp":{"id":7,"tags":["a"]}}');
		expect(result.error).toBeUndefined();
		expect(attributesOf(orderId)).toEqual({ erp: { id: 7, tags: ['a'] } });
	});

	it('sets each item’s attributes on its own order, in input order', async () => {
		const items = [
			{ id: DEMO.warningOrderId, erp: 'E-1' },
			{ id: DEMO.failingOrderId, erp: 'E-2' },
		];
		const result = await norce.run(
			{
				operation: 'updateAttributes',
				orderId: '={{ $json.id }}',
				attributes: { attribute: [{ name: 'erpId', value: '={{ $json.erp }}' }] },
			},
			{ items },
		);

		expect(result.output).toEqual(
			paired(...items.map(({ id }) => ({ orderId: id, success: true }))),
		);
		expect(items.map(({ id }) => attributesOf(id)?.erpId)).toEqual(['E-1', 'E-2']);
	});

	it('refuses a JSON Body that is not an object, before any request', async () => {
		const result = await norce.run({
			operation: 'updateAttributes',
			orderId,
			bodyInput: 'json',
			jsonBody: '"erpExported"',
		});

		expect(result.error?.message).toBe('JSON Body must be a JSON object, not string (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('names the attributes of an order Norce does not know', async () => {
		const result = await norce.run({ operation: 'updateAttributes', orderId: 'o_missing' });

		expect(result.error?.message).toBe(
			'Not found: the attributes of order "o_missing" [404 order-not-found]',
		);
	});
});

import { API, DEMO, expectNotRepeated, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const orderId = DEMO.validOrderId;
const CALLBACK_URL = 'https://erp.example.com/validate/{order_id}';
const validationsOf = (id: string) => norce.sandbox.orders.get(id)?.validations ?? [];
const FIELDS = { operation: 'addValidation', orderId, adapterId: 'erp', url: CALLBACK_URL };

describe('order.addValidation', () => {
	it('registers the validation from the fields and answers {orderId, success}', async () => {
		const before = validationsOf(orderId).length;
		const result = await norce.run(FIELDS);

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `POST ${API}/orders/${orderId}/validations`,
				contentType: 'application/json',
				body: `{"adapterId":"erp","url":"${CALLBACK_URL}"}`,
			},
		]);
		expect(result.output).toEqual(paired({ orderId, success: true }));
		expect(validationsOf(orderId)).toHaveLength(before + 1);
		expect(validationsOf(orderId).at(-1)).toEqual({
			id: expect.stringMatching(/^oc_/),
			adapterId: 'erp',
			url: CALLBACK_URL,
		});
	});

	it('sends a JSON Body as it is, e.g. the v1 shape', async () => {
		const jsonBody = JSON.stringify({
			adapterId: 'erp',
			invoke: CALLBACK_URL,
			description: 'Stock',
		});
		const result = await norce.run({ ...FIELDS, bodyInput: 'json', jsonBody });

		expect(norce.sandbox.requests[0].body).toBe(jsonBody);
		expect(result.error).toBeUndefined();
		expect(validationsOf(orderId).at(-1)).toMatchObject({
			adapterId: 'erp',
			invoke: CALLBACK_URL,
			url: CALLBACK_URL,
		});
	});

	it('registers one validation per item on its order, in input order', async () => {
		const ids = [DEMO.warningOrderId, DEMO.checkoutOrderId];
		const result = await norce.run(
			{ ...FIELDS, orderId: '={{ $json.id }}', adapterId: '={{ $json.adapter }}' },
			{ items: ids.map((id, index) => ({ id, adapter: `erp-${index}` })) },
		);

		expect(result.output).toEqual(paired(...ids.map((id) => ({ orderId: id, success: true }))));
		expect(ids.map((id) => validationsOf(id).at(-1)?.adapterId)).toEqual(['erp-0', 'erp-1']);
	});

	it('is not sent again after a dropped connection', async () => {
		const before = validationsOf(orderId).length;
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'order.addValidation' } });
		const result = await norce.run(FIELDS);

		expectNotRepeated(norce, result);
		expect(validationsOf(orderId)).toHaveLength(before);
	});

	it('reports the 400 of a URL Norce refuses', async () => {
		const result = await norce.run({ ...FIELDS, url: 'erp/validate' });

		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for order "${orderId}" [400 bad-request]`,
			httpCode: '400',
		});
		expect(result.error?.description).toContain("'url' must be a full http(s) URL");
	});
});

import type { OrderHook } from '../../../../sandbox';
import { API, DEMO, expectNotRepeated, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const orderId = DEMO.checkoutOrderId;
const INVOKE = 'https://erp.example.com/hooks/{order_id}';
const hooksOf = (id: string) => (norce.sandbox.orders.get(id)?.hooks ?? []) as OrderHook[];
const FIELDS = { resource: 'hook', operation: 'create', orderId, adapterId: 'erp', invoke: INVOKE };

describe('hook.create', () => {
	it('registers the hook from the fields, leaving out empty ones', async () => {
		const result = await norce.run({
			...FIELDS,
			subscribeTo: '/reference',
			target: '',
			version: 'v1',
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `POST ${API}/orders/${orderId}/hooks`,
				contentType: 'application/json',
				body: `{"adapterId":"erp","subscribeTo":"/reference","invoke":"${INVOKE}","version":"v1"}`,
			},
		]);
		expect(result.output).toEqual(paired({ orderId, success: true }));
		expect(hooksOf(orderId)).toEqual([
			{
				id: expect.stringMatching(/^oh_/),
				adapterId: 'erp',
				subscribeTo: '/reference',
				invoke: INVOKE,
				version: 'v1',
			},
		]);
	});

	it('sends a JSON Body as it is, per item, in input order', async () => {
		const ids = [DEMO.validOrderId, orderId];
		const jsonBody = JSON.stringify({ adapterId: 'crm', invoke: INVOKE, target: 'cart' });
		const result = await norce.run(
			{ ...FIELDS, orderId: '={{ $json.id }}', bodyInput: 'json', jsonBody },
			{ items: ids.map((id) => ({ id })) },
		);

		expect(norce.sandbox.requests.map((request) => request.body)).toEqual([jsonBody, jsonBody]);
		expect(result.output).toEqual(paired(...ids.map((id) => ({ orderId: id, success: true }))));
		for (const id of ids) {
			expect(hooksOf(id).at(-1)).toMatchObject({ adapterId: 'crm', target: 'cart' });
		}
	});

	it("runs with the body Norce's own client sends, without an adapter ID", async () => {
		// NorceTech/checkout-collection Order/Callbacks/Create hook.bru: subscribeTo, invoke.
		const jsonBody = JSON.stringify({ subscribeTo: '/reference', invoke: INVOKE });
		const json = await norce.run({
			resource: 'hook',
			operation: 'create',
			orderId,
			bodyInput: 'json',
			jsonBody,
		});
		const fields = await norce.run({ ...FIELDS, adapterId: '', subscribeTo: '/reference' });

		expect([json.error, fields.error]).toEqual([undefined, undefined]);
		expect(norce.sandbox.requests.map((request) => [request.body, request.status])).toEqual([
			[jsonBody, 200],
			[`{"subscribeTo":"/reference","invoke":"${INVOKE}","version":"v0"}`, 200],
		]);
		expect(hooksOf(orderId).map((hook) => hook.adapterId)).toEqual([undefined, undefined]);
	});

	it('is not sent again after a dropped connection', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'hook.create' } });
		const result = await norce.run(FIELDS);

		expectNotRepeated(norce, result);
		expect(hooksOf(orderId)).toEqual([]);
	});

	it('reports the 400 of a hook Norce refuses', async () => {
		const result = await norce.run({ ...FIELDS, invoke: '={{ $json.url }}' }, { items: [{}] });

		expect(norce.sandbox.requests[0].body).toBe('{"adapterId":"erp","version":"v0"}');
		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for order "${orderId}" [400 bad-request]`,
			httpCode: '400',
		});
		expect(result.error?.description).toContain("Hook field 'invoke' is required.");
	});
});

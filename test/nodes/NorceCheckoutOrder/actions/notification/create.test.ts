import type { OrderNotification } from '../../../../sandbox';
import { API, DEMO, expectNotRepeated, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const orderId = DEMO.checkoutOrderId;
const INVOKE = 'https://n8n.example.com/webhook/norce/{order_id}';
const notificationsOf = (id: string) =>
	(norce.sandbox.orders.get(id)?.notifications ?? []) as OrderNotification[];
const FIELDS = {
	resource: 'notification',
	operation: 'create',
	orderId,
	adapterId: 'n8n',
	invoke: INVOKE,
};

describe('notification.create', () => {
	it('registers the notification from the fields, the schema as JSON', async () => {
		const result = await norce.run({
			...FIELDS,
			schema: '{ "enum": ["completed", "declined"] }',
			reference: 'n8n-done',
			notificationDescription: 'Order finished',
			version: 'v1',
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `POST ${API}/orders/${orderId}/notifications`,
				contentType: 'application/json',
				body: `{"adapterId":"n8n","invoke":"${INVOKE}","scope":"/state/currentStatus","schema":{"enum":["completed","declined"]},"reference":"n8n-done","description":"Order finished","version":"v1"}`,
			},
		]);
		expect(result.output).toEqual(paired({ orderId, success: true }));
		expect(notificationsOf(orderId)).toEqual([
			{
				id: expect.stringMatching(/^on_/),
				adapterId: 'n8n',
				scope: '/state/currentStatus',
				invoke: INVOKE,
				schema: { enum: ['completed', 'declined'] },
				reference: 'n8n-done',
				description: 'Order finished',
				version: 'v1',
			},
		]);
	});

	it('leaves the schema out when it is empty, so every change notifies', async () => {
		await norce.run({ ...FIELDS, scope: '/cart', schema: '' });

		expect(norce.sandbox.requests[0].body).toBe(
			`{"adapterId":"n8n","invoke":"${INVOKE}","scope":"/cart","version":"v0"}`,
		);
		expect(notificationsOf(orderId)[0]).not.toHaveProperty('schema');
	});

	it('sends a JSON Body as it is, per item, in input order', async () => {
		const ids = [DEMO.validOrderId, orderId];
		const jsonBody = JSON.stringify({ adapterId: 'crm', scope: '/reference', invoke: INVOKE });
		const result = await norce.run(
			{ ...FIELDS, orderId: '={{ $json.id }}', bodyInput: 'json', jsonBody },
			{ items: ids.map((id) => ({ id })) },
		);

		expect(norce.sandbox.requests.map((request) => request.body)).toEqual([jsonBody, jsonBody]);
		expect(result.output).toEqual(paired(...ids.map((id) => ({ orderId: id, success: true }))));
		expect(ids.map((id) => notificationsOf(id).at(-1)?.adapterId)).toEqual(['crm', 'crm']);
	});

	it("runs with the body Norce's own client sends, without an adapter ID", async () => {
		// NorceTech/checkout-collection Order/Callbacks/Create notification.bru.
		const jsonBody = JSON.stringify({
			reference: 'ref-1',
			description: 'Some notification',
			scope: '/reference',
			invoke: INVOKE,
		});
		const json = await norce.run({ ...FIELDS, bodyInput: 'json', jsonBody });
		const fields = await norce.run({ ...FIELDS, adapterId: '', schema: '', reference: 'ref-2' });

		expect([json.error, fields.error]).toEqual([undefined, undefined]);
		expect(norce.sandbox.requests.map((request) => [request.body, request.status])).toEqual([
			[jsonBody, 200],
			[
				`{"invoke":"${INVOKE}","scope":"/state/currentStatus","reference":"ref-2","version":"v0"}`,
				200,
			],
		]);
		expect(notificationsOf(orderId).map((n) => [n.reference, n.adapterId])).toEqual([
			['ref-1', undefined],
			['ref-2', undefined],
		]);
	});

	it('refuses a schema that is not valid JSON, before any request', async () => {
		const result = await norce.run({ ...FIELDS, schema: '{ "const": completed }' });

		expect(result.error?.message).toBe('Schema is not valid JSON (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('is not sent again after a dropped connection', async () => {
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'notification.create' } });
		const result = await norce.run(FIELDS);

		expectNotRepeated(norce, result);
		expect(notificationsOf(orderId)).toEqual([]);
	});
});

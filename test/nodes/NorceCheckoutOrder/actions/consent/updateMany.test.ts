import { API, DEMO, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const orderId = DEMO.requiredConsentOrderId;
const UPDATE = { resource: 'consent', operation: 'updateMany', orderId };
const consentsOf = (id: string) =>
	norce.sandbox.orders.get(id)?.consents.map(({ id: consentId, checked }) => [consentId, checked]);

describe('consent.updateMany', () => {
	it('sends the consents of the fields as one array', async () => {
		const result = await norce.run(
			{
				...UPDATE,
				consents: {
					consent: [
						{ id: DEMO.consentId, checked: '={{ $json.newsletter }}' },
						{ id: DEMO.requiredConsentId, checked: true },
					],
				},
			},
			{ items: [{ newsletter: 'false' }] },
		);

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `PATCH ${API}/orders/${orderId}/consents`,
				contentType: 'application/json',
				body: `[{"id":"${DEMO.consentId}","checked":false},{"id":"${DEMO.requiredConsentId}","checked":true}]`,
			},
		]);
		expect(result.output).toEqual(paired({ orderId, success: true }));
		expect(consentsOf(orderId)).toEqual([
			[DEMO.consentId, false],
			[DEMO.requiredConsentId, true],
		]);
	});

	it('sends a JSON Body array as it is, per item, in input order', async () => {
		const ids = [DEMO.validOrderId, DEMO.checkoutOrderId];
		const result = await norce.run(
			{
				...UPDATE,
				orderId: '={{ $json.id }}',
				bodyInput: 'json',
				jsonBody: `[{ "id": "${DEMO.consentId}", "checked": false }]`,
			},
			{ items: ids.map((id) => ({ id })) },
		);

		expect(norce.sandbox.requests.map((request) => request.body)).toEqual([
			`[{"id":"${DEMO.consentId}","checked":false}]`,
			`[{"id":"${DEMO.consentId}","checked":false}]`,
		]);
		expect(result.output).toEqual(paired(...ids.map((id) => ({ orderId: id, success: true }))));
		expect(ids.map(consentsOf)).toEqual([[[DEMO.consentId, false]], [[DEMO.consentId, false]]]);
	});

	it('refuses a JSON Body that is a single object, before any request', async () => {
		const result = await norce.run({
			...UPDATE,
			bodyInput: 'json',
			jsonBody: `{ "id": "${DEMO.consentId}", "checked": false }`,
		});

		expect(result.error?.message).toBe('JSON Body must be a JSON array, not object (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('changes nothing when one of the consents is unknown, and says which', async () => {
		const result = await norce.run({
			...UPDATE,
			bodyInput: 'json',
			jsonBody: `[{ "id": "${DEMO.requiredConsentId}", "checked": true }, { "id": "ci_sms", "checked": true }]`,
		});

		expect(result.error).toMatchObject({
			message: `Not found: the consents of order "${orderId}" [404 consent-not-found]`,
			httpCode: '404',
		});
		expect(result.error?.description).toContain('Consent with id:ci_sms not found');
		expect(consentsOf(orderId)).toEqual([
			[DEMO.consentId, true],
			[DEMO.requiredConsentId, false],
		]);
	});
});

import { API, DEMO, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const orderId = DEMO.requiredConsentOrderId;
const UPDATE = {
	resource: 'consent',
	operation: 'update',
	orderId,
	consentId: DEMO.requiredConsentId,
};
const checkedOf = (id: string, consentId: string) =>
	norce.sandbox.orders.get(id)?.consents.find((consent) => consent.id === consentId)?.checked;

describe('consent.update', () => {
	it('checks the consent (the default) and changes nothing else', async () => {
		const result = await norce.run(UPDATE);

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `PATCH ${API}/orders/${orderId}/consents/${DEMO.requiredConsentId}`,
				contentType: 'application/json',
				body: `{"id":"${DEMO.requiredConsentId}","checked":true}`,
			},
		]);
		expect(result.output).toEqual(
			paired({ orderId, consentId: DEMO.requiredConsentId, checked: true, success: true }),
		);
		expect(norce.sandbox.orders.get(orderId)?.consents).toEqual([
			expect.objectContaining({ id: DEMO.consentId, checked: true }),
			{ id: DEMO.requiredConsentId, checked: true, text: 'I accept the terms', required: true },
		]);
	});

	it('takes Checked from each item, an expression’s "true"/"false" as a boolean', async () => {
		const items = [
			{ order: DEMO.validOrderId, consent: DEMO.consentId, checked: 'false' },
			{ order: orderId, consent: DEMO.requiredConsentId, checked: 'true' },
		];
		const result = await norce.run(
			{
				...UPDATE,
				orderId: '={{ $json.order }}',
				consentId: '={{ $json.consent }}',
				checked: '={{ $json.checked }}',
			},
			{ items },
		);

		expect(norce.sandbox.requests.map((request) => request.body).sort()).toEqual([
			`{"id":"${DEMO.consentId}","checked":false}`,
			`{"id":"${DEMO.requiredConsentId}","checked":true}`,
		]);
		expect(result.output).toEqual(
			paired(
				...items.map(({ order, consent, checked }) => ({
					orderId: order,
					consentId: consent,
					checked: checked === 'true',
					success: true,
				})),
			),
		);
		expect(items.map(({ order, consent }) => checkedOf(order, consent))).toEqual([false, true]);
	});

	it('refuses a Checked that is neither true nor false, before any request', async () => {
		const result = await norce.run({ ...UPDATE, checked: '={{ "yes please" }}' });

		expect(result.error?.message).toBe("Invalid input for 'Checked' [item 0]");
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('names an unknown consent, its ID percent-encoded in the path', async () => {
		const result = await norce.run({ ...UPDATE, consentId: 'ci_a/b c' });

		expect(norce.sandbox.requests[0].rawPath).toBe(
			`${API}/orders/${orderId}/consents/ci_a%2Fb%20c`,
		);
		expect(result.error).toMatchObject({
			message: `Not found: consent "ci_a/b c" on order "${orderId}" [404 consent-not-found]`,
			httpCode: '404',
		});
	});
});

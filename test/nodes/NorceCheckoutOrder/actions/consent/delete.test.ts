import { API, DEMO, paired, sent, SPECIAL_ORDER_SEGMENT, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const REMOVE = { resource: 'consent', operation: 'delete' };

const consentIdsOf = (id: string) =>
	norce.sandbox.orders.get(id)?.consents.map((consent) => consent.id);

describe('consent.delete', () => {
	it('removes the consent under the percent-encoded order ID, without a body', async () => {
		const orderId = DEMO.specialCharsOrderId;
		const result = await norce.run({
			...REMOVE,
			orderId,
			consentId: DEMO.consentId,
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `DELETE ${API}/orders/${SPECIAL_ORDER_SEGMENT}/consents/${DEMO.consentId}`,
				contentType: undefined,
				body: '',
			},
		]);
		expect(result.output).toEqual(paired({ orderId, consentId: DEMO.consentId, success: true }));
		expect(consentIdsOf(orderId)).toEqual([]);
	});

	it('removes the consent named by each item, in input order', async () => {
		const orderId = DEMO.requiredConsentOrderId;
		const consentIds = [DEMO.requiredConsentId, DEMO.consentId];
		const result = await norce.run(
			{ resource: 'consent', operation: 'delete', orderId, consentId: '={{ $json.consent }}' },
			{ items: consentIds.map((consent) => ({ consent })) },
		);

		expect(result.output).toEqual(
			paired(...consentIds.map((consentId) => ({ orderId, consentId, success: true }))),
		);
		expect(consentIdsOf(orderId)).toEqual([]);
	});

	it('names a consent the order does not have, its ID percent-encoded', async () => {
		const orderId = DEMO.validOrderId;
		const result = await norce.run({
			...REMOVE,
			orderId,
			consentId: 'ci_#1?',
		});

		expect(norce.sandbox.requests[0].rawPath).toBe(`${API}/orders/${orderId}/consents/ci_%231%3F`);
		expect(result.error).toMatchObject({
			message: `Not found: consent "ci_#1?" on order "${orderId}" [404 consent-not-found]`,
			httpCode: '404',
		});
	});
});

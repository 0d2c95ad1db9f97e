import {
	API,
	DEMO,
	paired,
	runAfterLostAnswer,
	sent,
	statuses,
	useNorceSandbox,
} from '../operationTests';

const norce = useNorceSandbox();

const orderId = DEMO.validOrderId;
const consentsOf = (id: string) => norce.sandbox.orders.get(id)?.consents ?? [];
const CREATE = { resource: 'consent', operation: 'create', orderId };

describe('consent.create', () => {
	it('adds the consent from the fields', async () => {
		const result = await norce.run({
			...CREATE,
			consentId: 'ci_sms',
			text: 'Text me offers',
			checked: true,
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `POST ${API}/orders/${orderId}/consents`,
				contentType: 'application/json',
				body: '{"id":"ci_sms","text":"Text me offers","checked":true,"required":false}',
			},
		]);
		expect(result.output).toEqual(paired({ orderId, consentId: 'ci_sms', success: true }));
		expect(consentsOf(orderId)).toContainEqual({
			id: 'ci_sms',
			text: 'Text me offers',
			checked: true,
			required: false,
		});
	});

	it('adds a consent given as JSON Body, per item, in input order', async () => {
		const ids = [DEMO.warningOrderId, DEMO.checkoutOrderId];
		const result = await norce.run(
			{
				...CREATE,
				orderId: '={{ $json.id }}',
				bodyInput: 'json',
				jsonBody: '={{ JSON.stringify({ id: "ci_terms", checked: false, required: true }) }}',
			},
			{ items: ids.map((id) => ({ id })) },
		);

		expect(norce.sandbox.requests.map((request) => request.body)).toEqual([
			'{"id":"ci_terms","checked":false,"required":true}',
			'{"id":"ci_terms","checked":false,"required":true}',
		]);
		expect(result.output).toEqual(
			paired(...ids.map((id) => ({ orderId: id, consentId: 'ci_terms', success: true }))),
		);
		for (const id of ids) {
			expect(consentsOf(id)).toContainEqual({ id: 'ci_terms', checked: false, required: true });
		}
	});

	it('refuses a JSON Body without the consent ID, before any request', async () => {
		const result = await norce.run({ ...CREATE, bodyInput: 'json', jsonBody: '{"checked": true}' });

		expect(result.error?.message).toBe('JSON Body has no consent "id" (item 0)');
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('reports a consent ID the order already has as a 409 conflict', async () => {
		const result = await norce.run({ ...CREATE, consentId: DEMO.consentId });

		expect(statuses(norce.sandbox)).toEqual([409]);
		expect(result.error).toMatchObject({
			message: `Norce Checkout rejected the request for consent "${DEMO.consentId}" on order "${orderId}" [409 consent-conflict]`,
			httpCode: '409',
		});
	});

	it('counts a 409 after a dropped first attempt as already added', async () => {
		// The order has the consent, as if the dropped first attempt had added it.
		const result = await runAfterLostAnswer(norce, 'consent.create', {
			...CREATE,
			consentId: DEMO.consentId,
		});

		expect(statuses(norce.sandbox)).toEqual([0, 409]);
		expect(result.output).toEqual(
			paired({ orderId, consentId: DEMO.consentId, success: true, alreadyExists: true }),
		);
	});
});

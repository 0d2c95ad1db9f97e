import { DEMO } from '../../sandbox';
import { API, useNorceSandbox, wire } from '../../helpers/norceFixture';

const norce = useNorceSandbox();

describe('redirects', () => {
	it('does not follow a redirect of a write: the 3xx is an error naming where it pointed', async () => {
		const elsewhere = `${norce.sandbox.baseUrl}/api/v0/checkout/orders/${DEMO.validOrderId}/validate`;
		norce.sandbox.addFault({
			kind: 'status',
			status: 307,
			times: 1,
			headers: { location: elsewhere },
			match: { operation: 'validate' },
		});

		const result = await norce.run({ operation: 'validate', orderId: DEMO.failingOrderId });

		// One request: the redirect was not followed (a 307 would repeat the POST).
		expect(wire(norce.sandbox)).toEqual([`POST ${API}/orders/${DEMO.failingOrderId}/validate`]);
		expect(result.error?.message).toContain(
			`Norce Checkout answered the request for order "${DEMO.failingOrderId}" with a redirect [307`,
		);
		expect(result.error?.message).toContain(`to ${elsewhere}`);
		expect(result.error).toMatchObject({ httpCode: '307' });
		expect(result.error?.description).toContain('does not follow redirects');
	});

	it('a redirected write is an error item with continue on fail, and the next item runs', async () => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 302,
			times: 1,
			headers: { location: '/elsewhere' },
			match: { operation: 'validate' },
		});

		const result = await norce.run(
			{ operation: 'validate', orderId: '={{ $json.id }}', output: 'summary' },
			{
				items: [{ id: DEMO.validOrderId }, { id: DEMO.validOrderId }],
				onError: 'continueRegularOutput',
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(2);
		expect(result.output[0].json.error).toEqual(expect.stringContaining('with a redirect'));
		expect(result.output[0].json.error).toEqual(expect.stringContaining('to /elsewhere'));
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
		expect(result.output[1].json).toMatchObject({ orderId: DEMO.validOrderId, valid: true });
		expect(wire(norce.sandbox)).toHaveLength(2);
	});

	it('still follows a redirect of a read', async () => {
		const target = `${norce.sandbox.baseUrl}/api/v0/checkout/orders/${DEMO.validOrderId}`;
		norce.sandbox.addFault({
			kind: 'status',
			status: 302,
			times: 1,
			headers: { location: target },
			match: { operation: 'get' },
		});

		const result = await norce.run({ operation: 'get', orderId: DEMO.validOrderId });

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}`,
			`GET ${API}/orders/${DEMO.validOrderId}`,
		]);
		expect(result.output[0].json).toMatchObject({ id: DEMO.validOrderId });
	});
});

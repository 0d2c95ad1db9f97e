import { DEMO } from '../sandbox';
import { useNorceSandbox } from '../helpers/norceFixture';
import { sent } from '../helpers/operationTests';

const norce = useNorceSandbox();

const LIST = { resource: 'notificationEvent', operation: 'getMany' };
const EVENTS = '/checkout/notification/api/v1/events';

describe('notificationEvent.getMany', () => {
	it('asks the Notification Service beside the order base, with the channel as a query', async () => {
		const result = await norce.run({ ...LIST, returnAll: true });

		const [request] = norce.sandbox.requests;
		expect(sent(norce.sandbox)).toEqual([
			{ request: `GET ${EVENTS}?channel=se&offset=0&limit=100`, contentType: undefined, body: '' },
		]);
		expect(request.headers['x-merchant']).toBe(DEMO.merchant);
		expect(result.output.map(({ json }) => json.channel)).toEqual(
			Array(DEMO.notificationEventCounts.se).fill('se'),
		);
	});

	it('sends the filters under their documented names; the Channel option overrides the credential', async () => {
		await norce.run({
			...LIST,
			limit: 5,
			filters: { orderId: 'o_1', adapterId: 'n8n', reference: 'ref-1' },
			options: { channel: 'no' },
		});

		expect(norce.sandbox.requests[0].rawPath).toBe(
			`${EVENTS}?channel=no&adapter_id=n8n&order_id=o_1&reference=ref-1&offset=0&limit=5`,
		);
	});

	it("finds an order's failed deliveries", async () => {
		const result = await norce.run({
			...LIST,
			limit: 5,
			filters: { orderId: DEMO.declinedOrderId },
		});

		expect(result.output.map(({ json }) => [json.id, json.status])).toEqual([
			[DEMO.failedNotificationEventId, 'failed'],
		]);
	});

	it('pages until the limit, one item per event, every item paired to its input', async () => {
		for (let index = 0; index < 150; index++)
			norce.sandbox.addNotificationEvent({ reference: 'bulk' });
		const result = await norce.run(
			{ ...LIST, limit: 120, filters: { reference: 'bulk' }, options: { concurrency: 1 } },
			{ items: [{}, {}] },
		);

		expect(norce.sandbox.requests.map((request) => request.query.limit)).toEqual([
			'100',
			'20',
			'100',
			'20',
		]);
		expect(result.output).toHaveLength(240);
		expect(result.output.slice(118, 122).map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	it('stops with an error naming what came back when the answer is not a page', async () => {
		norce.sandbox.addFault({ kind: 'status', status: 200, body: 'text', times: 1 });
		const result = await norce.run({ ...LIST, limit: 5 });

		expect(result.error?.message).toBe(
			'Norce Checkout answered the notification event list with something that is not a page of notification events [HTTP 200]',
		);
		expect(result.output).toEqual([]);
	});
});

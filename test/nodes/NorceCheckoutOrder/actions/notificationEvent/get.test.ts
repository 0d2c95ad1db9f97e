import { DEMO, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const GET = { resource: 'notificationEvent', operation: 'get' };
const EVENTS = '/checkout/notification/api/v1/events';

describe('notificationEvent.get', () => {
	it('gets the event as Norce documents it: its order and notification', async () => {
		const result = await norce.run({ ...GET, eventId: DEMO.failedNotificationEventId });

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `GET ${EVENTS}/${DEMO.failedNotificationEventId}`,
				contentType: undefined,
				body: '',
			},
		]);
		expect(result.output).toEqual(
			paired({
				id: DEMO.failedNotificationEventId,
				createdAt: expect.any(String),
				merchant: DEMO.merchant,
				channel: 'se',
				orderId: DEMO.declinedOrderId,
				notification: expect.objectContaining({ scope: '/state/currentStatus' }),
			}),
		);
	});

	it('reports an unknown event as not found, naming it', async () => {
		const result = await norce.run({ ...GET, eventId: 'no-such-event' });

		expect(result.error?.message).toBe(
			'Not found: notification event "no-such-event" [404 event-not-found]',
		);
	});
});

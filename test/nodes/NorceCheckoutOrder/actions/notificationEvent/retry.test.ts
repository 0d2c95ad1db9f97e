import { DEMO, expectNotRepeated, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const RETRY = { resource: 'notificationEvent', operation: 'retry' };
const EVENTS = '/checkout/notification/api/v1/events';

const deliveriesOf = (eventId: string) =>
	norce.sandbox.notificationEvents.find((event) => event.id === eventId)?.deliveries ?? [];

describe('notificationEvent.retry', () => {
	it('asks Norce to deliver the event again, once per input item, in input order', async () => {
		const ids = [DEMO.failedNotificationEventId, DEMO.failingRetryNotificationEventId];
		const result = await norce.run(
			{ ...RETRY, eventId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })) },
		);

		expect(sent(norce.sandbox)).toEqual(
			ids.map((id) => ({
				request: `POST ${EVENTS}/${id}/retry`,
				contentType: undefined,
				body: '',
			})),
		);
		expect(result.output).toEqual(paired(...ids.map((eventId) => ({ eventId, success: true }))));
		expect(deliveriesOf(DEMO.failedNotificationEventId).at(-1)?.status).toBe('succeeded');
	});

	it('is not sent again after a dropped connection: a second delivery is a second notification', async () => {
		norce.sandbox.addFault({
			kind: 'drop',
			times: 1,
			match: { operation: 'notificationEvent.retry' },
		});
		const before = deliveriesOf(DEMO.failedNotificationEventId).length;
		const result = await norce.run({
			...RETRY,
			eventId: DEMO.failedNotificationEventId,
			options: { maxRetries: 3 },
		});

		expectNotRepeated(norce, result);
		expect(deliveriesOf(DEMO.failedNotificationEventId)).toHaveLength(before);
	});
});

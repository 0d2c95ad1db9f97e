import { DEMO, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const LIST = { resource: 'notificationEvent', operation: 'getMany' };
const EVENTS = '/checkout/notification/api/v1/events';

describe('notificationEvent.getMany', () => {
	it("asks the Notification Service beside the order base, with the channel as a query and the headers of Norce's client", async () => {
		const result = await norce.run({ ...LIST, returnAll: true });

		const [request] = norce.sandbox.requests;
		expect(sent(norce.sandbox)).toEqual([
			{ request: `GET ${EVENTS}?channel=se&offset=0&limit=100`, contentType: undefined, body: '' },
		]);
		expect(request.headers['x-merchant']).toBe(DEMO.merchant);
		expect(request.headers['x-channel']).toBe('se');
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
			`${EVENTS}?channel=no&adapter_id=n8n&reference=ref-1&order_id=o_1&orderId=o_1&offset=0&limit=5`,
		);
	});

	// Norce's docs name the order filter order_id, Norce's own client sends orderId; a service
	// that knows neither answers every order's events.
	it.each(['both', 'order_id', 'orderId', 'none'] as const)(
		"gives only the order's events when the service honours %s of the two names",
		async (names) => {
			norce.sandbox.setEventOrderQuery(names);
			const result = await norce.run({
				...LIST,
				limit: 5,
				filters: { orderId: DEMO.declinedOrderId },
			});

			expect(result.output.map(({ json }) => [json.id, json.orderId])).toEqual([
				[DEMO.failedNotificationEventId, DEMO.declinedOrderId],
			]);
			const hints = Object.values(result.run.data.resultData.runData).flatMap(
				(runs) => runs[0].hints ?? [],
			);
			// On se, the order has 1 of the channel's events: the other 3 come back when the filter is ignored.
			expect(hints.map((hint) => hint.message)).toEqual(
				names === 'none'
					? [
							expect.stringMatching(
								/^Norce answered 3 notification event\(s\) of other orders for order "o_eoaiqpBZBEVWWDMehyWHbjNOLP" \(item 0\); they were left out\./,
							),
						]
					: [],
			);
		},
	);

	it('pages on past the other orders when the order filter is ignored, up to the limit', async () => {
		norce.sandbox.setEventOrderQuery('none');
		for (let index = 0; index < 120; index++) norce.sandbox.addNotificationEvent({});
		const wanted = [0, 1, 2].map(
			(index) =>
				norce.sandbox.addNotificationEvent({
					orderId: DEMO.declinedOrderId,
					createdAt: `2020-01-0${index + 1}T00:00:00.000Z`,
				}).id,
		);
		const result = await norce.run({
			...LIST,
			limit: 2,
			filters: { orderId: DEMO.declinedOrderId },
		});

		expect(result.output.map(({ json }) => json.id)).toEqual([
			DEMO.failedNotificationEventId,
			wanted[2],
		]);
		// 127 events on se, newest first: the first page is the limit; once it held other
		// orders' events, full pages, until the second of the order's events.
		expect(norce.sandbox.requests.map((request) => request.query.limit)).toEqual([
			'2',
			'100',
			'100',
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

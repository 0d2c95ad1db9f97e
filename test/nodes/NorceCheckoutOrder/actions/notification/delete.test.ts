import type { OrderNotification } from '../../../../sandbox';
import { API, DEMO, paired, sent, SPECIAL_ORDER_SEGMENT, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const REMOVE = { resource: 'notification', operation: 'delete' };

const orderId = DEMO.validOrderId;
const notificationId = DEMO.notificationId;

describe('notification.delete', () => {
	it('removes the notification, without a body', async () => {
		const result = await norce.run({
			...REMOVE,
			orderId,
			notificationId,
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `DELETE ${API}/orders/${orderId}/notifications/${notificationId}`,
				contentType: undefined,
				body: '',
			},
		]);
		expect(result.output).toEqual(paired({ orderId, notificationId, success: true }));
		expect(norce.sandbox.orders.get(orderId)?.notifications).toEqual([]);
	});

	it('removes the notification of each item, in input order', async () => {
		const ids = [DEMO.failingOrderId, orderId, DEMO.declinedOrderId];
		const notificationIds = ids.map(
			(id) => (norce.sandbox.orders.get(id)?.notifications[0] as OrderNotification).id,
		);
		const result = await norce.run(
			{
				...REMOVE,
				orderId: '={{ $json.order }}',
				notificationId: '={{ $json.notification }}',
			},
			{ items: ids.map((order, index) => ({ order, notification: notificationIds[index] })) },
		);

		expect(result.output).toEqual(
			paired(
				...ids.map((id, index) => ({
					orderId: id,
					notificationId: notificationIds[index],
					success: true,
				})),
			),
		);
		expect(ids.map((id) => norce.sandbox.orders.get(id)?.notifications)).toEqual([[], [], []]);
	});

	it('names a notification the order does not have', async () => {
		const result = await norce.run({
			...REMOVE,
			orderId: DEMO.specialCharsOrderId,
			notificationId,
		});

		expect(norce.sandbox.requests[0].rawPath).toBe(
			`${API}/orders/${SPECIAL_ORDER_SEGMENT}/notifications/${notificationId}`,
		);
		expect(result.error?.message).toBe(
			`Not found: notification "${notificationId}" on order "${DEMO.specialCharsOrderId}" [404 notification-not-found]`,
		);
	});
});

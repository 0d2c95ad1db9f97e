// @ts-check
'use strict';
/** Self-checks of the Notification Service, notification firing and the trigger controls (run by selftest.js). */

const assert = require('node:assert/strict');
const { startSandbox, DEMO } = require('./index');
const { api, control, events, seg } = require('./selftest-http');

/** @typedef {(name: string, fn: () => Promise<void>) => void} Check */

/** @param {Check} check */
function register(check) {
	check('notification service: auth, list filters and paging, get, retry', async () => {
		const sb = await startSandbox();
		try {
			let r = await events(sb, 'GET', '', { authorization: undefined });
			assert.equal(r.status, 401);
			r = await events(sb, 'GET', '', { 'x-merchant': undefined });
			assert.deepEqual([r.status, r.json.code], [400, 'bad-request']);
			r = await events(sb, 'GET', '', { 'x-merchant': 'other' });
			assert.equal(r.status, 403);
			r = await events(sb, 'GET', '', { 'x-channel': undefined });
			assert.equal(r.status, 200, 'no x-channel needed');
			r = await events(sb, 'GET', '', { 'x-channel': 'anything' });
			assert.equal(r.status, 200, "an x-channel (Norce's own client sends one) is ignored");
			const counts = DEMO.notificationEventCounts;
			assert.deepEqual(r.json.pagination, {
				offset: 0,
				limit: 10,
				size: counts.total,
				totalSize: counts.total,
			});
			const created = r.json.data.map((/** @type {any} */ e) => e.createdAt);
			assert.deepEqual(created, [...created].sort().reverse(), 'newest first');
			for (const event of r.json.data)
				assert.deepEqual(
					Object.keys(event).sort(),
					['channel', 'createdAt', 'id', 'merchant', 'notification', 'orderId'],
					'the documented fields only',
				);
			const first = r.json.data.find((/** @type {any} */ e) => e.id === DEMO.notificationEventId);
			assert.deepEqual(
				[first.orderId, first.notification.id, first.merchant, first.channel],
				[DEMO.validOrderId, DEMO.notificationId, 'norce-demo', 'se'],
			);
			assert.equal(first.notification.reference, DEMO.notificationReference);
			for (const key of Object.keys(first.notification))
				assert.ok(
					['id', 'adapterId', 'reference', 'description', 'scope', 'schema', 'invoke'].includes(
						key,
					),
					key,
				);
			assert.match(
				first.id,
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			);

			const total = async (/** @type {string} */ q) =>
				(await events(sb, 'GET', `?${q}`)).json.pagination.totalSize;
			assert.equal(await total('channel=no'), counts.no);
			assert.equal(await total(`order_id=${DEMO.validOrderId}`), 1);
			assert.equal(await total(`orderId=${DEMO.validOrderId}`), 1);
			assert.equal(await total(`order_id=${DEMO.validOrderId}&orderId=${DEMO.validOrderId}`), 1);
			sb.setEventOrderQuery('order_id');
			assert.equal(
				await total(`orderId=${DEMO.validOrderId}`),
				counts.total,
				'unknown name ignored',
			);
			assert.equal(await total(`order_id=${DEMO.validOrderId}`), 1);
			sb.setEventOrderQuery('orderId');
			assert.equal(
				await total(`order_id=${DEMO.validOrderId}`),
				counts.total,
				'unknown name ignored',
			);
			assert.equal(await total(`order_id=a&orderId=${DEMO.validOrderId}`), 1);
			sb.setEventOrderQuery('both');
			assert.equal(await total('adapter_id=erp_export'), 2);
			assert.equal(await total(`reference=${DEMO.notificationReference}`), 2);
			assert.equal(await total('adapter_id=n8n&channel=se'), 1);
			r = await events(sb, 'GET', '?limit=2&offset=1');
			assert.deepEqual(
				[r.json.data.length, r.json.data[0].createdAt, r.json.pagination.size],
				[2, created[1], 2],
			);
			for (const bad of [
				'limit=0',
				'limit=101',
				'offset=-1',
				'channel=se&channel=no',
				`order_id=a&orderId=b`,
			]) {
				r = await events(sb, 'GET', `?${bad}`);
				assert.deepEqual([r.status, r.json.code], [400, 'bad-request'], bad);
			}

			r = await events(sb, 'GET', `/${DEMO.failedNotificationEventId}`);
			assert.deepEqual(
				[r.status, r.json.orderId, 'deliveries' in r.json],
				[200, DEMO.declinedOrderId, false],
			);
			const internal = (/** @type {string} */ id) => sb.notificationEvents.find((e) => e.id === id);
			assert.equal(internal(DEMO.failedNotificationEventId)?.deliveries.length, 2);
			r = await events(sb, 'GET', '/00000000-0000-4000-8000-000000000000');
			assert.deepEqual([r.status, r.json.code], [404, 'event-not-found']);
			r = await events(sb, 'POST', `/${DEMO.failedNotificationEventId}/retry`);
			assert.deepEqual([r.status, r.text], [200, '']);
			const retried = internal(DEMO.failedNotificationEventId)?.deliveries.at(-1);
			assert.deepEqual([retried?.attempt, retried?.status], [3, 'succeeded']);
			await events(sb, 'POST', `/${DEMO.failingRetryNotificationEventId}/retry`);
			const refused = internal(DEMO.failingRetryNotificationEventId)?.deliveries.at(-1);
			assert.deepEqual([refused?.status, refused?.statusCode], ['failed', 410]);
			assert.equal((await events(sb, 'POST', '/nope/retry')).status, 404);
			r = await events(sb, 'POST', `/${DEMO.notificationEventId}`);
			assert.deepEqual([r.status, r.headers.get('allow')], [405, 'GET']);
			assert.equal((await events(sb, 'GET', '/a/b/c')).status, 404);
			sb.addFault({
				kind: 'status',
				status: 500,
				times: 1,
				match: { operation: 'notificationEvent.retry' },
			});
			assert.equal((await events(sb, 'POST', `/${DEMO.notificationEventId}/retry`)).status, 500);
			assert.equal(
				sb.requests.at(-1)?.path,
				`/checkout/notification/api/v1/events/${DEMO.notificationEventId}/retry`,
			);
		} finally {
			await sb.close();
		}
	});

	check('notifications fire on matching changes (scope + schema)', async () => {
		const sb = await startSandbox();
		try {
			const before = sb.notificationEvents.length;
			await api(sb, 'PUT', `${seg(DEMO.validOrderId)}/state`, { currentStatus: 'completed' });
			assert.equal(sb.notificationEvents.length, before + 1);
			let r = await events(sb, 'GET', `?order_id=${DEMO.validOrderId}`);
			const fired = r.json.data[0];
			assert.deepEqual(
				[fired.notification.id, fired.orderId, fired.createdAt],
				[DEMO.notificationId, DEMO.validOrderId, sb.orders.get(DEMO.validOrderId)?.lastModified],
			);
			await api(sb, 'PATCH', `${seg(DEMO.validOrderId)}/attributes`, { x: 1 });
			assert.equal(sb.notificationEvents.length, before + 1, 'other scopes do not fire');

			const checkout = seg(DEMO.checkoutOrderId);
			await api(sb, 'POST', `${checkout}/notifications`, {
				reference: 'done',
				scope: '/state/currentStatus',
				schema: '{"const":"completed"}',
				invoke: 'https://n8n.example.com/{order_id}',
			});
			await api(sb, 'PUT', `${checkout}/state`, { currentStatus: 'accepted' });
			assert.equal(sb.notificationEvents.length, before + 1, 'schema rejects accepted');
			await api(sb, 'PUT', `${checkout}/state`, { currentStatus: 'completed' });
			r = await events(sb, 'GET', '?reference=done');
			assert.equal(r.json.pagination.totalSize, 1);
			assert.deepEqual(r.json.data[0].notification, {
				id: r.json.data[0].notification.id,
				reference: 'done',
				scope: '/state/currentStatus',
				schema: { const: 'completed' },
				invoke: 'https://n8n.example.com/{order_id}',
			});
			sb.reset();
			assert.equal(
				sb.notificationEvents.length,
				DEMO.notificationEventCounts.total,
				'reset restores events',
			);
		} finally {
			await sb.close();
		}
	});
}

module.exports = { register };

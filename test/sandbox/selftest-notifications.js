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
			const counts = DEMO.notificationEventCounts;
			assert.deepEqual(r.json.pagination, {
				offset: 0,
				limit: 10,
				size: counts.total,
				totalSize: counts.total,
			});
			const created = r.json.data.map((/** @type {any} */ e) => e.createdAt);
			assert.deepEqual(created, [...created].sort().reverse(), 'newest first');
			assert.equal(
				r.json.data.filter((/** @type {any} */ e) => e.status === 'failed').length,
				counts.failed,
			);
			const first = r.json.data.find((/** @type {any} */ e) => e.id === DEMO.notificationEventId);
			assert.deepEqual(
				[first.orderId, first.notificationId, first.merchant, first.channel, first.reference],
				[DEMO.validOrderId, DEMO.notificationId, 'norce-demo', 'se', DEMO.notificationReference],
			);
			assert.match(
				first.id,
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			);
			assert.equal(first.payload.order.id, DEMO.validOrderId);
			assert.ok(
				!(
					'retryOutcome' in
					r.json.data.find((/** @type {any} */ e) => e.id === DEMO.failingRetryNotificationEventId)
				),
			);

			const total = async (/** @type {string} */ q) =>
				(await events(sb, 'GET', `?${q}`)).json.pagination.totalSize;
			assert.equal(await total('channel=no'), counts.no);
			assert.equal(await total(`order_id=${DEMO.validOrderId}`), 1);
			assert.equal(await total(`orderId=${DEMO.validOrderId}`), 1);
			assert.equal(await total(`order_id=${DEMO.validOrderId}&orderId=${DEMO.validOrderId}`), 1);
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
			assert.deepEqual([r.status, r.json.status, r.json.deliveries.length], [200, 'failed', 2]);
			r = await events(sb, 'GET', '/00000000-0000-4000-8000-000000000000');
			assert.deepEqual([r.status, r.json.code], [404, 'event-not-found']);
			r = await events(sb, 'POST', `/${DEMO.failedNotificationEventId}/retry`);
			assert.deepEqual([r.status, r.text], [200, '']);
			r = await events(sb, 'GET', `/${DEMO.failedNotificationEventId}`);
			assert.deepEqual(
				[r.json.status, r.json.deliveries.at(-1).attempt, r.json.deliveries.at(-1).status],
				['succeeded', 3, 'succeeded'],
			);
			await events(sb, 'POST', `/${DEMO.failingRetryNotificationEventId}/retry`);
			r = await events(sb, 'GET', `/${DEMO.failingRetryNotificationEventId}`);
			assert.deepEqual([r.json.status, r.json.deliveries.at(-1).statusCode], ['failed', 410]);
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
				[
					fired.notificationId,
					fired.status,
					fired.payload.order.state.currentStatus,
					fired.createdAt,
				],
				[
					DEMO.notificationId,
					'succeeded',
					'completed',
					sb.orders.get(DEMO.validOrderId)?.lastModified,
				],
			);
			await api(sb, 'PATCH', `${seg(DEMO.validOrderId)}/attributes`, { x: 1 });
			assert.equal(sb.notificationEvents.length, before + 1, 'other scopes do not fire');

			const checkout = seg(DEMO.checkoutOrderId);
			await api(sb, 'POST', `${checkout}/notifications`, {
				adapterId: 'n8n',
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
			assert.equal(
				r.json.data[0].invoke,
				`https://n8n.example.com/${encodeURIComponent(DEMO.checkoutOrderId)}`,
			);
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

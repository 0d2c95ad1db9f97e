// @ts-check
'use strict';
/** Self-checks of the trigger controls, in-process and over /__sandbox (run by selftest.js). */

const assert = require('node:assert/strict');
const { startSandbox, DEMO } = require('./index');
const { api, control, events, seg } = require('./selftest-http');

/** @typedef {(name: string, fn: () => Promise<void>) => void} Check */

/** @param {Check} check */
function register(check) {
	check(
		'trigger controls: createOrder, setOrderStatus, addNotificationEvent, switches (in-process and /__sandbox)',
		async () => {
			const sb = await startSandbox();
			try {
				const at = '2026-05-01T10:00:00Z';
				const order = sb.createOrder({
					created: at,
					cart: { reference: 'cart-ctl-1' },
					customer: { billing: { email: 'ctl@example.com' } },
				});
				assert.deepEqual(
					[order.created, order.lastModified, order.state.currentStatus, order.channel],
					[at, at, 'checkout', 'se'],
				);
				let r = await api(
					sb,
					'GET',
					'?date_from=2026-05-01T10:00:00Z&date_to=2026-05-01T10:00:00Z',
				);
				assert.deepEqual(
					r.json.data.map((/** @type {any} */ o) => o.id),
					[order.id],
					'exactly at the boundary',
				);
				assert.throws(
					() => sb.createOrder({ cart: { reference: 'cart-ctl-1' } }),
					/cart reference/,
				);
				assert.throws(() => sb.createOrder({ created: 'yesterday' }), TypeError);
				const placed = sb.createOrder({
					id: 'o_ctl_placed',
					channel: 'no',
					status: 'processing',
					created: at,
				});
				assert.deepEqual(
					placed.state.transitions.map((t) => t.status),
					['checkout', 'processing'],
				);

				sb.setOrderStatus(order.id, 'processing', '2026-05-01T11:00:00.000Z');
				const moved = /** @type {any} */ (sb.orders.get(order.id));
				assert.deepEqual(moved.state.transitions.at(-1), {
					status: 'processing',
					timeStamp: '2026-05-01T11:00:00.000Z',
				});
				assert.equal(moved.lastModified, '2026-05-01T11:00:00.000Z');
				assert.throws(() => sb.setOrderStatus('o_missing', 'processing'), /not found/);
				assert.throws(() => sb.setOrderStatus(order.id, /** @type {any} */ ('shipped')), TypeError);
				const fired = sb.setOrderStatus(DEMO.validOrderId, 'accepted', '2026-05-02T00:00:00.000Z');
				assert.equal(fired.state.currentStatus, 'accepted');
				assert.equal(
					sb.notificationEvents.at(-1)?.createdAt,
					'2026-05-02T00:00:00.000Z',
					'fires at timeStamp',
				);

				const boundary = '2026-05-03T00:00:00.000Z';
				const a = sb.addNotificationEvent({ orderId: DEMO.validOrderId, createdAt: boundary });
				const b = sb.addNotificationEvent({
					createdAt: boundary,
					deliveries: [500, 503],
					adapterId: 'x',
				});
				assert.deepEqual(
					[a.notification.id, a.channel, a.deliveries.at(-1)?.status],
					[DEMO.notificationId, 'se', 'succeeded'],
				);
				assert.deepEqual(
					[b.deliveries.at(-1)?.status, b.deliveries.length, b.notification.adapterId],
					['failed', 2, 'x'],
				);
				assert.ok(
					b.orderId.startsWith('o_') && !sb.orders.has(b.orderId),
					'an order id no order has',
				);
				r = await events(sb, 'GET', '?limit=2');
				assert.deepEqual(
					r.json.data.map((/** @type {any} */ e) => e.id),
					[a.id, b.id].sort(),
					'same createdAt: by id',
				);
				assert.throws(() => sb.addNotificationEvent({ id: a.id }), /already exists/);

				// The same over the control API.
				r = await control(sb, 'POST', '/orders', {
					created: '2026-06-01T00:00:00.000Z',
					status: 'accepted',
					reference: 'CTL-2',
				});
				assert.deepEqual(
					[r.status, r.json.created, r.json.state.currentStatus],
					[200, '2026-06-01T00:00:00.000Z', 'accepted'],
				);
				const id = r.json.id;
				r = await control(sb, 'POST', `/orders/${encodeURIComponent(id)}/state`, {
					status: 'completed',
					timeStamp: '2026-06-02T00:00:00.000Z',
				});
				assert.deepEqual(
					[r.status, r.json.state.transitions.at(-1).timeStamp],
					[200, '2026-06-02T00:00:00.000Z'],
				);
				assert.equal(
					(await control(sb, 'POST', '/orders/o_missing/state', { status: 'completed' })).status,
					404,
				);
				assert.equal((await control(sb, 'POST', '/orders', { id })).status, 409);
				assert.equal((await control(sb, 'POST', '/orders', { status: 'nope' })).status, 400);
				r = await control(sb, 'POST', '/events', {
					orderId: id,
					createdAt: '2026-06-03T00:00:00.000Z',
					deliveries: [{ status: 'failed', statusCode: 502 }],
				});
				assert.deepEqual(
					[r.status, r.json.deliveries[0].status, r.json.channel],
					[200, 'failed', 'se'],
				);
				assert.equal(
					(await control(sb, 'GET', '/events')).json.length,
					sb.notificationEvents.length,
				);
				r = await control(sb, 'POST', '/config', {
					createOrderResponse: 'string',
					stateUpdateStatus: 202,
					eventOrderQuery: 'orderId',
				});
				assert.deepEqual(
					[r.json.createOrderResponse, r.json.stateUpdateStatus, r.json.eventOrderQuery],
					['string', 202, 'orderId'],
				);
				assert.equal(typeof (await api(sb, 'POST', '', {})).json, 'string');
				assert.equal(
					(await api(sb, 'PUT', `${seg(id)}/state`, { currentStatus: 'removed' })).status,
					202,
				);
				assert.equal(
					(await control(sb, 'POST', '/config', { stateUpdateStatus: 201 })).status,
					400,
				);

				await control(sb, 'POST', '/reset');
				assert.deepEqual((await control(sb, 'GET', '/config')).json.createOrderResponse, 'object');
				assert.ok(!sb.orders.has(id) && !sb.orders.has(order.id));
				assert.equal(sb.notificationEvents.length, DEMO.notificationEventCounts.total);
				const again = sb.createOrder({ created: at });
				assert.equal(again.id, order.id, 'reset restarts the id sequence');
			} finally {
				await sb.close();
			}
			const custom = await startSandbox({
				createOrderResponse: 'string',
				stateUpdateStatus: 202,
				notificationEvents: [],
			});
			try {
				assert.equal(custom.notificationEvents.length, 0);
				assert.deepEqual((await control(custom, 'GET', '/config')).json.stateUpdateStatus, 202);
			} finally {
				await custom.close();
			}
			await assert.rejects(
				startSandbox({ createOrderResponse: /** @type {any} */ ('xml') }),
				TypeError,
			);
		},
	);
}

module.exports = { register };

// @ts-check
'use strict';
/** Self-checks of the payment and shipping routes (run by selftest.js). */

const assert = require('node:assert/strict');
const { startSandbox, DEMO } = require('./index');
const { api, seg } = require('./selftest-http');

/** @typedef {(name: string, fn: () => Promise<void>) => void} Check */

/** @param {Check} check */
function register(check) {
	check('payments: list, get, create, update, actions, execute, transactions', async () => {
		const sb = await startSandbox();
		try {
			const url = `${seg(DEMO.validOrderId)}/payments`;
			const pay = `${url}/${DEMO.paymentId}`;
			let r = await api(sb, 'GET', url);
			assert.equal(r.status, 200);
			assert.deepEqual(
				r.json.map((/** @type {any} */ p) => p.id),
				[DEMO.paymentId],
			);
			r = await api(sb, 'GET', pay);
			assert.equal(r.json.id, DEMO.paymentId);
			assert.ok(
				r.json.actions.some(
					(/** @type {any} */ a) => a.id === DEMO.paymentActionId && a.type === 'capture',
				),
			);
			r = await api(sb, 'GET', `${url}/p_missing`);
			assert.deepEqual([r.status, r.json.code], [404, 'payment-not-found']);

			r = await api(sb, 'GET', `${pay}/transactions`);
			assert.equal(r.json.length, DEMO.paymentTransactionCount);
			assert.deepEqual(
				r.json.map((/** @type {any} */ t) => t.event),
				['open', 'process', 'confirm'],
			);
			r = await api(sb, 'GET', seg(DEMO.validOrderId));
			assert.ok(!('paymentTransactions' in r.json), 'transactions are not part of the order');

			r = await api(sb, 'POST', url, {
				adapterId: 'voucher_adapter',
				type: 'voucher',
				amount: 100,
			});
			assert.equal(r.status, 201);
			assert.match(r.json.id, /^p_/);
			const created = `${url}/${r.json.id}`;
			r = await api(sb, 'GET', created);
			assert.deepEqual(
				[r.json.state, r.json.currency, r.json.orderId, r.json.channel, r.json.actions],
				['intent', 'SEK', DEMO.validOrderId, 'se', []],
			);
			assert.equal(sb.orders.get(DEMO.validOrderId)?.payments.length, 2);
			r = await api(sb, 'POST', url, { reference: 'r', name: 'n', type: 'default', amount: 1 });
			assert.equal(r.status, 201, "Norce's own client sends no adapterId");
			assert.equal(
				(await api(sb, 'POST', url, { adapterId: 1 })).status,
				400,
				'adapterId a string',
			);
			assert.equal((await api(sb, 'POST', url, { adapterId: 'a', state: 'nope' })).status, 400);

			r = await api(sb, 'PUT', created, {
				adapterId: 'voucher_adapter',
				state: 'reserved',
				amount: 90,
			});
			assert.equal(r.status, 200);
			assert.deepEqual(
				[r.json.state, r.json.amount, r.json.id],
				['reserved', 90, created.split('/').at(-1)],
			);
			assert.equal((await api(sb, 'PUT', created, { state: 'shipped' })).status, 400);
			assert.equal((await api(sb, 'PUT', `${url}/p_missing`, { adapterId: 'a' })).status, 404);

			const action = {
				adapterId: 'voucher_adapter',
				type: 'capture',
				url: 'https://v.example.com/capture',
			};
			r = await api(sb, 'POST', `${created}/actions`, [action]);
			assert.deepEqual([r.status, r.text], [200, '']);
			r = await api(sb, 'GET', created);
			assert.match(r.json.actions[0].id, /^pa_/);
			assert.deepEqual({ ...r.json.actions[0], id: undefined }, { ...action, id: undefined });
			for (const bad of [[{ adapterId: 'a', type: 'capture' }], { adapterId: 'a' }]) {
				r = await api(sb, 'POST', `${created}/actions`, bad);
				assert.deepEqual([r.status, r.json.code], [400, 'bad-request'], JSON.stringify(bad));
			}

			r = await api(sb, 'POST', `${pay}/actions/${DEMO.paymentActionId}/execute`);
			assert.deepEqual([r.status, r.text], [200, '']);
			r = await api(sb, 'GET', `${pay}/transactions`);
			assert.equal(r.json.length, DEMO.paymentTransactionCount + 1);
			assert.deepEqual(
				[r.json.at(-1).event, r.json.at(-1).paymentAction.id],
				['paymentAction', DEMO.paymentActionId],
			);
			r = await api(sb, 'POST', `${pay}/actions/pa_missing/execute`);
			assert.deepEqual([r.status, r.json.code], [404, 'payment-action-not-found']);

			r = await api(sb, 'POST', `${pay}/transactions`, {
				event: 'capture',
				amount: 796,
				isSuccess: true,
				created: 'ignored',
			});
			assert.equal(r.status, 200);
			assert.equal(r.json.event, 'capture');
			assert.ok(!Number.isNaN(Date.parse(r.json.created)), 'created set by the sandbox');
			assert.equal(
				(await api(sb, 'GET', `${pay}/transactions`)).json.length,
				DEMO.paymentTransactionCount + 2,
			);
			r = await api(sb, 'POST', `${pay}/transactions`, { event: 'explode' });
			assert.deepEqual([r.status, r.json.code], [400, 'bad-request']);
			assert.equal((await api(sb, 'GET', `/o_missing/payments`)).status, 404);
			sb.reset();
			assert.equal(sb.orders.get(DEMO.validOrderId)?.payments.length, 1, 'reset restores');
		} finally {
			await sb.close();
		}
	});

	check('shippings: list, get, create (201/400/409), update', async () => {
		const sb = await startSandbox();
		try {
			const url = `${seg(DEMO.validOrderId)}/shippings`;
			let r = await api(sb, 'GET', url);
			assert.deepEqual(
				r.json.map((/** @type {any} */ s) => [s.id, s.reference]),
				[[DEMO.shippingId, DEMO.shippingReference]],
			);
			r = await api(sb, 'GET', `${url}/${DEMO.shippingId}`);
			assert.equal(r.json.id, DEMO.shippingId);
			r = await api(sb, 'GET', `${url}/s_missing`);
			assert.deepEqual([r.status, r.json.code], [404, 'shipping-not-found']);

			const totalBefore = /** @type {any} */ (sb.orders.get(DEMO.validOrderId)).total.includingVat;
			const shipping = {
				reference: 'SHP-EXTRA',
				adapterId: 'ingrid-shipping-adapter',
				name: 'Express',
				total: { includingVat: 100, excludingVat: 80 },
				vatRate: 0.25,
			};
			r = await api(sb, 'POST', url, shipping);
			assert.equal(r.status, 201);
			assert.match(r.json.id, /^s_/);
			const id = r.json.id;
			assert.equal(
				/** @type {any} */ (sb.orders.get(DEMO.validOrderId)).total.includingVat,
				totalBefore + 100,
			);
			for (const bad of [
				{ total: shipping.total },
				{ vatRate: 0.25 },
				{ total: { includingVat: 1 }, vatRate: 0.25 },
			]) {
				r = await api(sb, 'POST', url, bad);
				assert.deepEqual([r.status, r.json.code], [400, 'bad-request'], JSON.stringify(bad));
			}
			r = await api(sb, 'POST', url, { ...shipping, reference: DEMO.shippingReference });
			assert.deepEqual([r.status, r.json.code], [409, 'shipping-conflict']);

			r = await api(sb, 'PUT', `${url}/${id}`, {
				...shipping,
				state: 'confirmed',
				total: { includingVat: 50, excludingVat: 40 },
			});
			assert.equal(r.status, 200);
			assert.deepEqual(
				[r.json.id, r.json.state, r.json.total.includingVat, r.json.orderId],
				[id, 'confirmed', 50, DEMO.validOrderId],
			);
			assert.equal(
				/** @type {any} */ (sb.orders.get(DEMO.validOrderId)).total.includingVat,
				totalBefore + 50,
			);
			r = await api(sb, 'PUT', `${url}/${id}`, { reference: 'x', vatRate: 0.25 });
			assert.equal(r.status, 400, 'PUT takes a whole Shipping');
			r = await api(sb, 'PUT', `${url}/${id}`, { ...shipping, reference: DEMO.shippingReference });
			assert.equal(r.status, 409);
			r = await api(sb, 'PUT', `${url}/s_missing`, shipping);
			assert.equal(r.status, 404);
			r = await api(sb, 'GET', seg(DEMO.validOrderId));
			assert.equal(r.json.shippings.length, 2);
		} finally {
			await sb.close();
		}
	});
}

module.exports = { register };

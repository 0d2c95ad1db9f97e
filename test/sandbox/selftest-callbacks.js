// @ts-check
'use strict';
/** Self-checks of the consent, validation, hook and notification routes (run by selftest.js). */

const assert = require('node:assert/strict');
const { startSandbox, DEMO } = require('./index');
const { api, seg } = require('./selftest-http');

/** @typedef {(name: string, fn: () => Promise<void>) => void} Check */

/** @param {Check} check */
function register(check) {
	check('consents, validations (v0 and v1), hooks, notifications', async () => {
		const sb = await startSandbox();
		try {
			const url = seg(DEMO.validOrderId);
			const order = () => /** @type {any} */ (sb.orders.get(DEMO.validOrderId));
			const consent = { id: 'ci_sms', checked: false, text: 'SMS updates', required: false };
			let r = await api(sb, 'POST', `${url}/consents`, consent);
			assert.deepEqual([r.status, r.text], [200, '']);
			assert.deepEqual(order().consents.at(-1), consent);
			r = await api(sb, 'POST', `${url}/consents`, consent);
			assert.deepEqual([r.status, r.json.code], [409, 'consent-conflict']);
			r = await api(sb, 'POST', `${url}/consents`, { id: 'ci_x' });
			assert.equal(r.status, 400);
			r = await api(sb, 'PATCH', `${url}/consents`, [
				{ id: 'ci_sms', checked: true, text: 'ignored' },
				{ id: DEMO.consentId, checked: false },
			]);
			assert.equal(r.status, 200);
			assert.deepEqual(
				order().consents.map((/** @type {any} */ c) => [c.id, c.checked, c.text]),
				[
					[DEMO.consentId, false, 'Send me news and offers'],
					['ci_sms', true, 'SMS updates'],
				],
			);
			r = await api(sb, 'PATCH', `${url}/consents`, [{ id: 'ci_nope', checked: true }]);
			assert.deepEqual([r.status, r.json.code], [404, 'consent-not-found']);
			r = await api(sb, 'PATCH', `${url}/consents/ci_sms`, { checked: false });
			assert.equal(r.status, 200);
			assert.equal(order().consents.at(-1).checked, false);
			r = await api(sb, 'PATCH', `${url}/consents/ci_nope`, { checked: false });
			assert.deepEqual([r.status, r.json.code], [404, 'consent-not-found']);
			r = await api(sb, 'DELETE', `${url}/consents/ci_sms`);
			assert.deepEqual([r.status, r.text], [200, '']);
			r = await api(sb, 'DELETE', `${url}/consents/ci_sms`);
			assert.equal(r.status, 404);

			const count = order().validations.length;
			r = await api(sb, 'POST', `${url}/validations`, {
				adapterId: 'stock',
				url: 'https://stock.example.com/{order_id}',
			});
			assert.deepEqual([r.status, r.text], [200, '']);
			r = await api(sb, 'POST', `${url}/validations`, {
				adapterId: 'v1',
				invoke: '{config.adapter.publicUrl}/v',
				reference: 'r1',
			});
			assert.equal(r.status, 200);
			const [v0, v1] = order().validations.slice(count);
			assert.match(v0.id, /^oc_/);
			assert.deepEqual(
				[v0.url, v1.url, v1.invoke, v1.reference],
				[
					'https://stock.example.com/{order_id}',
					'{config.adapter.publicUrl}/v',
					'{config.adapter.publicUrl}/v',
					'r1',
				],
			);
			r = await api(sb, 'POST', `${url}/validations`, { adapterId: 'x' });
			assert.equal(r.status, 400);
			assert.equal((await api(sb, 'DELETE', `${url}/validations/${v1.id}`)).status, 200);

			r = await api(sb, 'POST', `${url}/hooks`, {
				adapterId: 'h',
				scope: '/state',
				invoke: 'https://h.example.com',
				version: 'v1',
			});
			assert.deepEqual([r.status, r.text], [200, '']);
			const hook = order().hooks.at(-1);
			assert.match(hook.id, /^oh_/);
			assert.equal(
				(await api(sb, 'POST', `${url}/hooks`, { adapterId: 'h', invoke: 'x', version: 'v9' }))
					.status,
				400,
			);
			assert.equal((await api(sb, 'DELETE', `${url}/hooks/${DEMO.hookId}`)).status, 200);
			r = await api(sb, 'DELETE', `${url}/hooks/${DEMO.hookId}`);
			assert.deepEqual([r.status, r.json.code], [404, 'hook-not-found']);

			const notification = {
				adapterId: 'n8n',
				reference: 'ref-x',
				description: 'd',
				scope: '/cart',
				schema: { type: 'object' },
				invoke: 'https://n8n.example.com/{order_id}',
				version: 'v0',
			};
			r = await api(sb, 'POST', `${url}/notifications`, notification);
			assert.deepEqual([r.status, r.text], [200, ''], 'no id in the answer');
			const added = order().notifications.find((/** @type {any} */ n) => n.reference === 'ref-x');
			assert.match(added.id, /^on_/);
			assert.equal(
				(await api(sb, 'POST', `${url}/notifications`, { ...notification, scope: 'cart' })).status,
				400,
			);
			assert.equal((await api(sb, 'DELETE', `${url}/notifications/${added.id}`)).status, 200);
			r = await api(sb, 'DELETE', `${url}/notifications/${added.id}`);
			assert.deepEqual([r.status, r.json.code], [404, 'notification-not-found']);
			assert.equal(
				(await api(sb, 'POST', '/o_missing/hooks', { adapterId: 'h', invoke: 'x' })).status,
				404,
			);
		} finally {
			await sb.close();
		}
	});
}

module.exports = { register };

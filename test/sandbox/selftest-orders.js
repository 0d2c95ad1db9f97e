// @ts-check
'use strict';
/**
 * Self-checks of the order routes added for the full Order API v0 (run by selftest.js):
 * create, delete, state, cart, addresses, attributes, consents, validations, hooks,
 * notifications and list sorting.
 */

const assert = require('node:assert/strict');
const { startSandbox, DEMO } = require('./index');
const { api, seg } = require('./selftest-http');

/** @typedef {(name: string, fn: () => Promise<void>) => void} Check */

/** @param {Check} check */
function register(check) {
	check('order create (both answer shapes), 409, 400/415, delete 204/404', async () => {
		const sb = await startSandbox();
		try {
			const body = {
				reference: 'NEW-1',
				cart: {
					reference: 'cart-new-1',
					items: [{ sku: 'X', quantity: 1, total: { includingVat: 125, excludingVat: 100 } }],
				},
				customer: { billing: { givenName: 'Ny', familyName: 'Kund', email: 'ny@example.com' } },
			};
			let r = await api(sb, 'POST', '', body);
			assert.equal(r.status, 201);
			assert.match(r.json.id, /^o_[A-Za-z]{26}$/);
			const id = r.json.id;
			r = await api(sb, 'GET', seg(id));
			assert.deepEqual(
				[r.json.state.currentStatus, r.json.merchant, r.json.channel],
				['checkout', 'norce-demo', 'se'],
			);
			assert.deepEqual(r.json.state.transitions, [
				{ status: 'checkout', timeStamp: r.json.created },
			]);
			assert.equal(r.json.lastModified, r.json.created);
			assert.match(r.json.cart.items[0].id, /^ci_/);
			assert.deepEqual(r.json.total, { includingVat: 125, excludingVat: 100 });
			assert.deepEqual([r.json.culture, r.json.currency, r.json.payments], ['sv-SE', 'SEK', []]);
			r = await api(sb, 'GET', `?search=ny%40example.com`);
			assert.deepEqual(
				r.json.data.map((/** @type {any} */ o) => o.id),
				[id],
			);

			r = await api(sb, 'POST', '', { cart: { reference: DEMO.validOrderCartReference } });
			assert.deepEqual([r.status, r.json.code], [409, 'order-conflict']);
			r = await api(sb, 'POST', '', body, { 'x-channel': 'no' });
			assert.equal(r.status, 409, 'cart references are unique over all channels');
			for (const bad of ['[]', '"x"', 'nope', '']) {
				r = await api(sb, 'POST', '', bad, { 'content-type': 'application/json' });
				assert.deepEqual([r.status, r.json.code], [400, 'bad-request'], bad);
			}
			r = await api(sb, 'POST', '', '{}', { 'content-type': 'text/plain' });
			assert.equal(r.status, 415);
			r = await api(sb, 'POST', '', { culture: 'not a culture' });
			assert.equal(r.status, 400);

			sb.setCreateOrderResponse('string');
			r = await api(sb, 'POST', '', {});
			assert.equal(r.status, 201);
			assert.equal(typeof r.json, 'string');
			assert.ok(r.text.startsWith('"o_'));
			assert.ok(sb.orders.has(r.json));

			r = await api(sb, 'DELETE', seg(id));
			assert.deepEqual([r.status, r.text], [204, '']);
			assert.equal((await api(sb, 'GET', seg(id))).status, 404);
			r = await api(sb, 'DELETE', seg(id));
			assert.deepEqual([r.status, r.json.code], [404, 'order-not-found']);
			assert.deepEqual(
				sb.requests.slice(-3).map((q) => q.method),
				['DELETE', 'GET', 'DELETE'],
			);
			sb.addFault({ kind: 'status', status: 503, times: 1, match: { operation: 'order.create' } });
			assert.equal((await api(sb, 'POST', '', {})).status, 503, 'operation names match faults');
		} finally {
			await sb.close();
		}
	});

	check(
		'order state (200, 202 switch, 202 fault, consent rule), cart, addresses, attributes',
		async () => {
			const sb = await startSandbox();
			try {
				const url = seg(DEMO.validOrderId);
				const before = /** @type {any} */ (sb.orders.get(DEMO.validOrderId));
				const transitions = before.state.transitions.length;
				let r = await api(sb, 'PUT', `${url}/state`, { currentStatus: 'accepted' });
				assert.deepEqual([r.status, r.text], [200, '']);
				let order = /** @type {any} */ (sb.orders.get(DEMO.validOrderId));
				assert.equal(order.state.currentStatus, 'accepted');
				assert.equal(order.state.transitions.length, transitions + 1);
				assert.equal(order.state.transitions.at(-1).timeStamp, order.lastModified);
				r = await api(sb, 'PUT', `${url}/state`, { currentStatus: 'shipped' });
				assert.deepEqual([r.status, r.json.code], [400, 'bad-request']);
				sb.setStateUpdateStatus(202);
				r = await api(sb, 'PUT', `${url}/state`, { currentStatus: 'completed' });
				assert.deepEqual([r.status, r.text], [202, '']);
				assert.equal(
					sb.orders.get(DEMO.validOrderId)?.state.currentStatus,
					'completed',
					'202 still applies',
				);
				sb.setStateUpdateStatus(200);
				sb.addFault({
					kind: 'status',
					status: 202,
					body: 'empty',
					times: 1,
					match: { operation: 'order.updateState' },
				});
				r = await api(sb, 'PUT', `${url}/state`, { currentStatus: 'declined' });
				assert.deepEqual([r.status, r.text], [202, '']);
				assert.equal(
					sb.orders.get(DEMO.validOrderId)?.state.currentStatus,
					'completed',
					'a 202 fault does not',
				);
				assert.equal(
					(await api(sb, 'PUT', `/o_missing/state`, { currentStatus: 'accepted' })).status,
					404,
				);

				const consentOrder = seg(DEMO.requiredConsentOrderId);
				r = await api(sb, 'PUT', `${consentOrder}/state`, { currentStatus: 'processing' });
				assert.deepEqual([r.status, r.json.code], [400, 'consent-required']);
				r = await api(sb, 'PATCH', `${consentOrder}/consents/${DEMO.requiredConsentId}`, {
					checked: true,
				});
				assert.equal(r.status, 200);
				r = await api(sb, 'PUT', `${consentOrder}/state`, { currentStatus: 'processing' });
				assert.equal(r.status, 200);

				const checkout = seg(DEMO.checkoutOrderId);
				const cart = {
					reference: 'cart-replaced',
					items: [{ sku: 'A', quantity: 2, total: { includingVat: 50, excludingVat: 40 } }],
				};
				r = await api(sb, 'PUT', `${checkout}/cart`, cart);
				assert.deepEqual([r.status, r.text], [200, '']);
				order = sb.orders.get(DEMO.checkoutOrderId);
				assert.equal(order.cart.reference, 'cart-replaced');
				const shippingFee = order.shippings[0].total.includingVat;
				assert.equal(order.total.includingVat, 50 + shippingFee, 'total = cart + shippings');
				r = await api(sb, 'PUT', `${checkout}/cart`, { reference: DEMO.validOrderCartReference });
				assert.deepEqual([r.status, r.json.code], [409, 'order-conflict']);
				r = await api(sb, 'PUT', `${checkout}/cart`, '[1]', { 'content-type': 'application/json' });
				assert.equal(r.status, 400);

				const address = {
					givenName: 'Flyttad',
					familyName: 'Kund',
					email: 'moved@example.com',
					country: 'SE',
				};
				for (const kind of ['billing', 'shipping']) {
					r = await api(sb, 'PUT', `${checkout}/customer/${kind}`, address);
					assert.deepEqual([r.status, r.text], [200, ''], kind);
					assert.deepEqual(
						sb.orders.get(DEMO.checkoutOrderId)?.customer[/** @type {'billing'} */ (kind)],
						address,
					);
					r = await api(sb, 'PUT', `${url}/customer/${kind}`, address);
					assert.deepEqual(
						[r.status, r.json.code],
						[400, 'invalid-order-state'],
						'only in checkout',
					);
				}
				r = await api(sb, 'GET', '?search=moved%40example.com');
				assert.deepEqual(
					r.json.data.map((/** @type {any} */ o) => o.id),
					[DEMO.checkoutOrderId],
				);
				r = await api(sb, 'PUT', `${checkout}/customer/billing`, '"x"', {
					'content-type': 'application/json',
				});
				assert.equal(r.status, 400);

				r = await api(sb, 'PATCH', `${checkout}/attributes`, { a: 1, source: null });
				assert.deepEqual([r.status, r.text], [200, '']);
				assert.deepEqual(sb.orders.get(DEMO.checkoutOrderId)?.attributes, { a: 1 });
				r = await api(sb, 'PATCH', `${checkout}/attributes`, { b: { c: true } });
				assert.deepEqual(sb.orders.get(DEMO.checkoutOrderId)?.attributes, { a: 1, b: { c: true } });
				r = await api(sb, 'PATCH', `${checkout}/attributes`, '[]', {
					'content-type': 'application/json',
				});
				assert.equal(r.status, 400);
			} finally {
				await sb.close();
			}
		},
	);

	check('list orders: order_by and order_by_direction', async () => {
		const sb = await startSandbox();
		try {
			/** @param {string} q */
			const list = async (q) => (await api(sb, 'GET', `?limit=100&${q}`)).json.data;
			const names = (/** @type {any[]} */ data) =>
				data.map((o) =>
					`${o.customer.billing.givenName} ${o.customer.billing.familyName}`.toLowerCase(),
				);
			const byName = names(await list('order_by=billingName'));
			assert.deepEqual(byName, [...byName].sort());
			assert.deepEqual(
				names(await list('order_by=billingName&order_by_direction=desc')),
				[...byName].reverse(),
			);
			const totals = (await list('order_by=cartTotal')).map(
				(/** @type {any} */ o) => o.cart.total.includingVat,
			);
			assert.deepEqual(
				totals,
				[...totals].sort((a, b) => a - b),
			);
			const emails = (await list('order_by=billingEmail&order_by_direction=desc')).map(
				(/** @type {any} */ o) => o.customer.billing.email,
			);
			assert.equal(emails.at(-1), undefined, 'missing values last');
			const created = (await list('order_by_direction=asc')).map(
				(/** @type {any} */ o) => o.created,
			);
			assert.deepEqual(created, [...created].sort());
			assert.deepEqual(await list('order_by=created&order_by_direction=desc'), await list(''));
			const all = (await list('order_by=cartTotal&status=processing')).map(
				(/** @type {any} */ o) => o.id,
			);
			const page = (await api(sb, 'GET', '?order_by=cartTotal&limit=3&offset=3&status=processing'))
				.json.data;
			assert.deepEqual(
				page.map((/** @type {any} */ o) => o.id),
				all.slice(3, 6),
				'sorted, then paged',
			);
			for (const bad of ['order_by=lastModified', 'order_by_direction=up']) {
				const r = await api(sb, 'GET', `?${bad}`);
				assert.deepEqual([r.status, r.json.code], [400, 'bad-request'], bad);
			}
		} finally {
			await sb.close();
		}
	});
}

module.exports = { register };

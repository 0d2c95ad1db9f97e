// @ts-check
'use strict';
/**
 * Quick self-check of the sandbox (not the project's jest suite):
 *   node test/sandbox/selftest.js
 * Exercises every endpoint, check, fault kind, the control API and the CLI
 * (the Order API additions and the Notification Service: selftest-*.js).
 * Exits non-zero on the first failure.
 */

const assert = require('node:assert/strict');
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
const {
	startSandbox,
	DEMO,
	DEFAULTS,
	demoOrders,
	generatedOrderId,
	generatedOrderValidation,
} = require('./index');

/** @typedef {import('./index').Sandbox} Sandbox */

const { AUTH, ORDERS, request } = require('./selftest-http');
const { ORDER_STATUSES } = require('./orders');

/** @type {Array<[string, () => Promise<void>]>} */
const checks = [];
/** @param {string} name @param {() => Promise<void>} fn */
const check = (name, fn) => checks.push([name, fn]);

/**
 * fetch against the sandbox API, with the demo credential's headers.
 * @param {Sandbox} sb @param {string} apiPath path after /checkout/order
 * @param {{method?: string, headers?: Record<string, string | undefined>, body?: string, signal?: AbortSignal}} [init]
 */
const call = (sb, apiPath, init = {}) => request(`${sb.baseUrl}${apiPath}`, init);

/** Raw node:http request (no pooling), to observe socket-level errors. @param {string} url @returns {Promise<{status: number, body: string}>} */
function rawRequest(url, headers = AUTH) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { headers, agent: false }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode || 0, body }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @template T @param {Promise<T>} promise @param {number} ms @param {string} what */
async function within(promise, ms, what) {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

// ---------------------------------------------------------------------------

check('demo data matches DEMO constants', async () => {
	const orders = demoOrders();
	assert.equal(orders.length, DEMO.counts.total);
	for (const channel of /** @type {const} */ (['se', 'no'])) {
		const inChannel = orders.filter((o) => o.channel === channel);
		assert.equal(inChannel.length, DEMO.counts[channel].total, `${channel} total`);
		for (const status of ORDER_STATUSES) {
			assert.equal(
				inChannel.filter((o) => o.state.currentStatus === status).length,
				DEMO.counts[channel][status],
				`${channel}/${status}`,
			);
		}
	}
	const byId = new Map(orders.map((o) => [o.id, o]));
	assert.equal(byId.size, orders.length, 'ids are unique');
	const get = (/** @type {string} */ id) => {
		const order = byId.get(id);
		assert.ok(order, id);
		return order;
	};
	assert.deepEqual(get(DEMO.validOrderId).validation, { status: 200, results: [] });
	assert.equal(get(DEMO.validOrderId).reference, DEMO.validOrderReference);
	assert.equal(get(DEMO.validOrderId).cart.reference, DEMO.validOrderCartReference);
	assert.equal(get(DEMO.warningOrderId).validation?.status, 200);
	assert.ok((get(DEMO.warningOrderId).validation?.results.length ?? 0) > 0);
	assert.equal(get(DEMO.failingOrderId).validation?.status, 400);
	assert.ok((get(DEMO.failingOrderId).validation?.results.length ?? 0) >= 2);
	assert.equal(get(DEMO.failingErrorsObjectOrderId).validation?.shape, 'errors-object');
	assert.equal(get(DEMO.threeFailuresOrderId).validation?.results.length, 3);
	assert.ok(get(DEMO.orderWithValidationId).validations.some((v) => v.id === DEMO.validationId));
	assert.equal(get(DEMO.otherChannelOrderId).channel, 'no');
	assert.equal(get(DEMO.specialCharsOrderId).channel, 'se');
	for (const order of orders) {
		assert.match(order.created, /^2026-/);
		assert.ok(order.id.startsWith('o_'));
		for (const v of order.validations) assert.ok(v.id.startsWith('oc_'));
	}
	assert.deepEqual(demoOrders(), demoOrders(), 'deterministic');
	assert.equal(demoOrders('acme')[0].merchant, 'acme');
});

check('auth, merchant and channel checks', async () => {
	const sb = await startSandbox();
	try {
		let r = await call(sb, ORDERS, { headers: { authorization: undefined } });
		assert.equal(r.status, 401);
		assert.deepEqual(r.json, { code: 'unauthorized', message: 'Missing or invalid bearer token.' });
		r = await call(sb, ORDERS, { headers: { authorization: 'Bearer wrong-token-123' } });
		assert.equal(r.status, 401);
		assert.ok(!r.text.includes('wrong-token-123'), 'token not echoed');
		r = await call(sb, ORDERS, { headers: { authorization: DEFAULTS.apiKey } });
		assert.equal(r.status, 401, 'Bearer prefix required');
		r = await call(sb, ORDERS, { headers: { 'x-merchant': undefined } });
		assert.deepEqual(
			[r.status, r.json],
			[400, { code: 'bad-request', message: 'Header x-merchant is required.' }],
		);
		r = await call(sb, ORDERS, { headers: { 'x-merchant': 'other' } });
		assert.deepEqual(
			[r.status, r.json],
			[403, { code: 'forbidden', message: "Token is not valid for merchant 'other'." }],
		);
		r = await call(sb, ORDERS, { headers: { 'x-channel': undefined } });
		assert.deepEqual(
			[r.status, r.json],
			[400, { code: 'bad-request', message: 'Header x-channel is required.' }],
		);
		r = await call(sb, ORDERS, { headers: { 'x-channel': 'dk' } });
		assert.deepEqual(
			[r.status, r.json],
			[403, { code: 'forbidden', message: "Unknown channel 'dk' for merchant 'norce-demo'." }],
		);
		// Header names are case-insensitive on the wire.
		r = await call(sb, ORDERS, {
			headers: {
				...Object.fromEntries(Object.keys(AUTH).map((k) => [k, undefined])),
				Authorization: AUTH.authorization,
				'X-Merchant': 'norce-demo',
				'X-Channel': 'se',
			},
		});
		assert.equal(r.status, 200);
		// Auth comes before routing for /api/v0.
		r = await call(sb, '/api/v0/nope', { headers: { authorization: undefined } });
		assert.equal(r.status, 401);
	} finally {
		await sb.close();
	}
});

check('get order, channel scoping, percent-encoded ids, 404/405', async () => {
	const sb = await startSandbox();
	try {
		let r = await call(sb, `${ORDERS}/${DEMO.validOrderId}`);
		assert.equal(r.status, 200);
		assert.equal(r.json.id, DEMO.validOrderId);
		assert.equal(r.json.merchant, 'norce-demo');
		assert.ok(!('validation' in r.json), 'internal field stripped');
		assert.ok(r.headers.get('content-type')?.startsWith('application/json'));

		r = await call(sb, `${ORDERS}/o_missing`);
		assert.deepEqual(
			[r.status, r.json],
			[404, { code: 'order-not-found', message: 'Order with id:o_missing not found.' }],
		);
		r = await call(sb, `${ORDERS}/${DEMO.otherChannelOrderId}`);
		assert.equal(r.status, 404, 'other channel is not found');
		r = await call(sb, `${ORDERS}/${DEMO.otherChannelOrderId}`, { headers: { 'x-channel': 'no' } });
		assert.equal(r.status, 200);

		const encoded = encodeURIComponent(DEMO.specialCharsOrderId);
		r = await call(sb, `${ORDERS}/${encoded}`);
		assert.equal(r.status, 200);
		assert.equal(r.json.id, DEMO.specialCharsOrderId);
		const last = sb.requests[sb.requests.length - 1];
		assert.equal(last.rawPath, `/checkout/order${ORDERS}/${encoded}`);
		assert.equal(last.path, last.rawPath);
		r = await call(sb, `${ORDERS}/o_edge/id`);
		assert.deepEqual(
			[r.status, r.json?.code],
			[404, 'not-found'],
			'unencoded slash is two segments',
		);
		r = await call(sb, `${ORDERS}/a%2Fb%3Fc%23d/validate?x=1`, { method: 'POST' });
		assert.equal(r.status, 404);
		assert.equal(
			sb.requests[sb.requests.length - 1].rawPath,
			`/checkout/order${ORDERS}/a%2Fb%3Fc%23d/validate?x=1`,
		);
		assert.equal(
			sb.requests[sb.requests.length - 1].path,
			`/checkout/order${ORDERS}/a%2Fb%3Fc%23d/validate`,
		);
		assert.equal(r.json.message, 'Order with id:a/b?c#d not found.');
		r = await call(sb, `${ORDERS}/%E0%A4%A`);
		assert.equal(r.status, 400, 'malformed percent-encoding');

		r = await call(sb, `${ORDERS}/${DEMO.validOrderId}`, { method: 'POST' });
		assert.equal(r.status, 405);
		assert.equal(r.headers.get('allow'), 'GET, DELETE');
		assert.equal(r.json.code, 'method-not-allowed');
		r = await call(sb, `${ORDERS}/${DEMO.validOrderId}/validate`);
		assert.equal(r.status, 405);
		assert.equal(r.headers.get('allow'), 'POST');
		r = await call(sb, `${ORDERS}/${DEMO.validOrderId}/unknown`);
		assert.deepEqual([r.status, r.json.code], [404, 'not-found']);
		r = await call(sb, '/somewhere-else');
		assert.deepEqual([r.status, r.json.code], [404, 'not-found']);
		const outside = await fetch(`${sb.url}/`);
		assert.equal(outside.status, 404);
	} finally {
		await sb.close();
	}
});

check('list orders: pagination, filters, sorting, valueSum', async () => {
	const sb = await startSandbox();
	try {
		let r = await call(sb, ORDERS);
		assert.equal(r.status, 200);
		assert.equal(r.json.data.length, DEMO.counts.se.total);
		assert.deepEqual(Object.keys(r.json.pagination).sort(), [
			'limit',
			'offset',
			'size',
			'totalSize',
			'valueSum',
		]);
		assert.equal(r.json.pagination.limit, 20);
		assert.equal(r.json.pagination.offset, 0);
		assert.equal(r.json.pagination.totalSize, DEMO.counts.se.total);
		const all = r.json.data;
		for (let i = 1; i < all.length; i++)
			assert.ok(all[i - 1].created >= all[i].created, 'created desc');
		assert.ok(all.every((/** @type {any} */ o) => o.channel === 'se' && !('validation' in o)));
		const sum =
			Math.round(
				all.reduce((/** @type {number} */ s, /** @type {any} */ o) => s + o.total.includingVat, 0) *
					100,
			) / 100;
		assert.equal(r.json.pagination.valueSum, sum);

		// Pages of 3 over the 7 processing orders on se.
		const seen = [];
		for (let offset = 0; offset < 9; offset += 3) {
			r = await call(sb, `${ORDERS}?status=processing&limit=3&offset=${offset}`);
			assert.equal(r.json.pagination.totalSize, DEMO.counts.se.processing);
			assert.equal(r.json.pagination.size, r.json.data.length);
			seen.push(...r.json.data.map((/** @type {any} */ o) => o.id));
		}
		assert.equal(seen.length, 7);
		assert.equal(new Set(seen).size, 7);
		r = await call(sb, `${ORDERS}?offset=100`);
		assert.deepEqual(
			[r.json.data, r.json.pagination.size, r.json.pagination.totalSize],
			[[], 0, DEMO.counts.se.total],
		);

		const repeated = await call(sb, `${ORDERS}?status=checkout&status=declined`);
		const comma = await call(sb, `${ORDERS}?status=checkout,declined`);
		const brackets = await call(sb, `${ORDERS}?status[]=checkout&status[]=declined`);
		assert.equal(
			repeated.json.pagination.totalSize,
			DEMO.counts.se.checkout + DEMO.counts.se.declined,
		);
		assert.deepEqual(comma.json, repeated.json);
		assert.deepEqual(brackets.json, repeated.json);
		assert.deepEqual(sb.requests[sb.requests.length - 3].query, {
			status: ['checkout', 'declined'],
		});
		assert.equal(sb.requests[sb.requests.length - 3].rawQuery, 'status=checkout&status=declined');

		r = await call(sb, `${ORDERS}?reference=${DEMO.validOrderReference}`);
		assert.deepEqual(
			r.json.data.map((/** @type {any} */ o) => o.id),
			[DEMO.validOrderId],
		);
		r = await call(sb, `${ORDERS}?cart_reference=${DEMO.validOrderCartReference}`);
		assert.deepEqual(
			r.json.data.map((/** @type {any} */ o) => o.id),
			[DEMO.validOrderId],
		);
		r = await call(sb, `${ORDERS}?cart_reference=${encodeURIComponent('cart-edge/1?x')}`);
		assert.deepEqual(
			r.json.data.map((/** @type {any} */ o) => o.id),
			[DEMO.specialCharsOrderId],
		);
		r = await call(sb, `${ORDERS}?search=${encodeURIComponent('ASTRID.lindqvist@EXAMPLE')}`);
		assert.deepEqual(
			r.json.data.map((/** @type {any} */ o) => o.id),
			[DEMO.validOrderId],
		);
		r = await call(sb, `${ORDERS}?search=${encodeURIComponent('ÅKESSON')}`);
		assert.deepEqual(
			r.json.data.map((/** @type {any} */ o) => o.id),
			[DEMO.threeFailuresOrderId],
			'name search, unicode case-insensitive',
		);
		r = await call(sb, `${ORDERS}?search=nc-1004`);
		assert.ok(r.json.pagination.totalSize >= 5, 'reference substring');

		r = await call(sb, `${ORDERS}?date_from=2026-04-12&date_to=2026-04-13`);
		assert.deepEqual(
			r.json.data.map((/** @type {any} */ o) => o.id),
			[DEMO.warningOrderId, DEMO.failingOrderId],
			'date-only bounds are whole days',
		);
		r = await call(sb, `${ORDERS}?date_from=2026-04-14T08:12:45Z&date_to=2026-04-14T08:12:45.000Z`);
		assert.deepEqual(
			r.json.data.map((/** @type {any} */ o) => o.id),
			[DEMO.validOrderId],
			'date-time bounds inclusive',
		);

		for (const bad of [
			'limit=0',
			'limit=101',
			'limit=abc',
			'offset=-1',
			'limit=5&limit=6',
			'status=shipped',
			'date_from=yesterday',
		]) {
			r = await call(sb, `${ORDERS}?${bad}`);
			assert.deepEqual([r.status, r.json.code], [400, 'bad-request'], bad);
		}
		r = await call(sb, `${ORDERS}?limit=100`);
		assert.equal(r.status, 200);
	} finally {
		await sb.close();
	}
});

check('validate: 200 [], warnings, 400 array, 400 {errors}, 3 failures', async () => {
	const sb = await startSandbox();
	try {
		const validate = (/** @type {string} */ id, body = '') =>
			call(sb, `${ORDERS}/${encodeURIComponent(id)}/validate`, {
				method: 'POST',
				body,
				headers: body ? { 'content-type': 'application/json' } : {},
			});
		let r = await validate(DEMO.validOrderId);
		assert.deepEqual([r.status, r.json], [200, []]);
		assert.equal(r.text, '[]');
		r = await validate(DEMO.validOrderId, '{}');
		assert.deepEqual([r.status, r.json], [200, []]);
		assert.equal(sb.requests[sb.requests.length - 1].body, '{}');
		r = await validate(DEMO.warningOrderId);
		assert.equal(r.status, 200);
		assert.equal(r.json[0].code, 'item-low-stock');
		r = await validate(DEMO.failingOrderId);
		assert.equal(r.status, 400);
		assert.ok(Array.isArray(r.json) && r.json.length === 2);
		assert.deepEqual(
			r.json.map((/** @type {any} */ x) => x.code),
			['item-out-of-stock', 'payment-amount-mismatch'],
		);
		r = await validate(DEMO.failingErrorsObjectOrderId);
		assert.deepEqual(
			[r.status, r.json],
			[400, { errors: [{ code: 'shipping-not-selected', adapterId: 'ingrid-shipping-adapter' }] }],
		);
		r = await validate(DEMO.threeFailuresOrderId);
		assert.equal(r.status, 400);
		assert.equal(r.json.length, 3);
		r = await validate(DEMO.specialCharsOrderId);
		assert.equal(r.status, 200);
		r = await validate('o_missing');
		assert.deepEqual([r.status, r.json.code], [404, 'order-not-found']);
	} finally {
		await sb.close();
	}
});

check('remove validation', async () => {
	const sb = await startSandbox();
	try {
		const url = `${ORDERS}/${DEMO.orderWithValidationId}/validations/${DEMO.validationId}`;
		const before = sb.orders.get(DEMO.orderWithValidationId)?.lastModified;
		let r = await call(sb, url, { method: 'DELETE' });
		assert.deepEqual([r.status, r.text], [200, '']);
		assert.ok(
			!sb.orders
				.get(DEMO.orderWithValidationId)
				?.validations.some((v) => v.id === DEMO.validationId),
		);
		assert.notEqual(sb.orders.get(DEMO.orderWithValidationId)?.lastModified, before);
		r = await call(sb, url, { method: 'DELETE' });
		assert.deepEqual(
			[r.status, r.json],
			[
				404,
				{
					code: 'validation-not-found',
					message: `Validation with id:${DEMO.validationId} not found on order ${DEMO.orderWithValidationId}.`,
				},
			],
		);
		r = await call(sb, `${ORDERS}/o_missing/validations/${DEMO.validationId}`, {
			method: 'DELETE',
		});
		assert.deepEqual([r.status, r.json.code], [404, 'order-not-found']);
		sb.reset();
		assert.ok(
			sb.orders
				.get(DEMO.orderWithValidationId)
				?.validations.some((v) => v.id === DEMO.validationId),
			'reset restores',
		);
	} finally {
		await sb.close();
	}
});

check('update reference', async () => {
	const sb = await startSandbox();
	try {
		const url = `${ORDERS}/${DEMO.validOrderId}/reference`;
		let r = await call(sb, url, {
			method: 'PUT',
			body: '"REF-1"',
			headers: { 'content-type': 'application/json' },
		});
		assert.deepEqual([r.status, r.text], [200, '']);
		assert.equal(sb.orders.get(DEMO.validOrderId)?.reference, 'REF-1');
		assert.equal(sb.requests[sb.requests.length - 1].body, '"REF-1"');
		r = await call(sb, url, {
			method: 'PUT',
			body: '"Å/ref 2"',
			headers: { 'content-type': 'application/json; charset=utf-8' },
		});
		assert.equal(r.status, 200);
		r = await call(sb, `${ORDERS}/${DEMO.validOrderId}`);
		assert.equal(r.json.reference, 'Å/ref 2');
		r = await call(sb, `${ORDERS}?reference=${encodeURIComponent('Å/ref 2')}`);
		assert.equal(r.json.data[0].id, DEMO.validOrderId);
		r = await call(sb, `${ORDERS}?search=${encodeURIComponent('å/REF')}`);
		assert.equal(r.json.data[0].id, DEMO.validOrderId, 'search sees the new reference');

		r = await call(sb, url, {
			method: 'PUT',
			body: '"x"',
			headers: { 'content-type': 'text/plain' },
		});
		assert.deepEqual([r.status, r.json.code], [415, 'unsupported-media-type']);
		r = await call(sb, url, { method: 'PUT', body: '"x"' });
		assert.equal(r.status, 415, 'fetch sends text/plain for string bodies');
		for (const body of ['REF-1', '{"reference":"x"}', '42', '', 'null']) {
			r = await call(sb, url, {
				method: 'PUT',
				body,
				headers: { 'content-type': 'application/json' },
			});
			assert.deepEqual(
				[r.status, r.json],
				[400, { code: 'bad-request', message: 'Body must be a JSON string.' }],
				body,
			);
		}
		assert.equal(sb.orders.get(DEMO.validOrderId)?.reference, 'Å/ref 2');
		r = await call(sb, `${ORDERS}/${DEMO.otherChannelOrderId}/reference`, {
			method: 'PUT',
			body: '"x"',
			headers: { 'content-type': 'application/json' },
		});
		assert.equal(r.status, 404);
	} finally {
		await sb.close();
	}
});

check('status faults: every body flavour, Retry-After, times, match', async () => {
	const sb = await startSandbox();
	try {
		const url = `${ORDERS}/${DEMO.validOrderId}/validate`;
		sb.addFault({
			kind: 'status',
			status: 429,
			retryAfter: 2,
			times: 1,
			match: { operation: 'validate' },
		});
		let r = await call(sb, url, { method: 'POST' });
		assert.deepEqual(
			[r.status, r.json],
			[429, { code: 'too-many-requests', message: 'Too many requests. Please retry later.' }],
		);
		assert.equal(r.headers.get('retry-after'), '2');
		r = await call(sb, url, { method: 'POST' });
		assert.equal(r.status, 200, 'rule expired after times');

		const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
		sb.addFault({ kind: 'status', status: 503, body: 'base', retryAfter: date, times: 1 });
		r = await call(sb, url, { method: 'POST' });
		assert.deepEqual(
			[r.status, r.json.code, r.headers.get('retry-after')],
			[503, 'service-unavailable', date],
		);

		sb.addFault({ kind: 'status', status: 500, body: 'rfc7807', times: 1 });
		r = await call(sb, url, { method: 'POST' });
		assert.equal(r.status, 500);
		assert.ok(r.headers.get('content-type')?.startsWith('application/problem+json'));
		assert.deepEqual(Object.keys(r.json).sort(), [
			'detail',
			'instance',
			'status',
			'title',
			'traceId',
			'type',
		]);
		assert.equal(r.json.status, 500);

		sb.addFault({ kind: 'status', status: 502, body: 'html', times: 1 });
		r = await call(sb, url, { method: 'POST' });
		assert.equal(r.status, 502);
		assert.ok(r.headers.get('content-type')?.startsWith('text/html'));
		assert.match(r.text, /<h1>502 Bad Gateway<\/h1>/);

		sb.addFault({ kind: 'status', status: 504, body: 'empty', times: 1 });
		r = await call(sb, url, { method: 'POST' });
		assert.deepEqual([r.status, r.text], [504, '']);

		sb.addFault({ kind: 'status', status: 500, body: 'truncated', times: 1 });
		r = await call(sb, url, { method: 'POST' });
		assert.equal(r.status, 500);
		assert.ok(r.headers.get('content-type')?.startsWith('application/json'));
		assert.ok(r.text.startsWith('{"code":"internal-ser'));
		assert.throws(() => JSON.parse(r.text));

		sb.addFault({ kind: 'status', status: 500, body: 'text', message: 'Boom', times: 1 });
		r = await call(sb, url, { method: 'POST' });
		assert.deepEqual(
			[r.status, r.text, r.headers.get('content-type')?.split(';')[0]],
			[500, 'Boom', 'text/plain'],
		);

		sb.addFault({
			kind: 'status',
			status: 409,
			code: 'order-conflict',
			message: 'Busy.',
			times: 1,
		});
		r = await call(sb, url, { method: 'POST' });
		assert.deepEqual([r.status, r.json], [409, { code: 'order-conflict', message: 'Busy.' }]);

		// Match by orderId / method; faults apply before auth.
		sb.addFault({
			kind: 'status',
			status: 503,
			match: { orderId: DEMO.failingOrderId, method: 'post' },
		});
		r = await call(sb, `${ORDERS}/${DEMO.failingOrderId}/validate`, {
			method: 'POST',
			headers: { authorization: undefined },
		});
		assert.equal(r.status, 503);
		r = await call(sb, `${ORDERS}/${DEMO.failingOrderId}`);
		assert.equal(r.status, 200, 'GET not matched');
		r = await call(sb, url, { method: 'POST' });
		assert.equal(r.status, 200, 'other order not matched');
		sb.clearFaults();
		r = await call(sb, `${ORDERS}/${DEMO.failingOrderId}/validate`, { method: 'POST' });
		assert.equal(r.status, 400);

		const id = sb.addFault({ kind: 'status', status: 500 });
		assert.equal(sb.removeFault(id), true);
		assert.equal(sb.removeFault(id), false);
		assert.throws(() => sb.addFault(/** @type {any} */ ({ kind: 'explode' })), TypeError);
		assert.throws(() => sb.addFault({ kind: 'status', status: 500, times: 0 }), TypeError);
		assert.deepEqual(sb.stats.byStatus[429], 1);
	} finally {
		await sb.close();
	}
});

check('invalidJson, delay, drop, hang, headersEcho faults', async () => {
	const sb = await startSandbox();
	try {
		const getUrl = `${ORDERS}/${DEMO.validOrderId}`;
		sb.addFault({ kind: 'invalidJson', times: 1 });
		let r = await call(sb, getUrl);
		assert.deepEqual([r.status, r.text], [200, '{not json']);
		assert.ok(r.headers.get('content-type')?.startsWith('application/json'));

		sb.addFault({ kind: 'delay', ms: 150, times: 1 });
		let started = Date.now();
		r = await call(sb, getUrl);
		assert.equal(r.status, 200);
		assert.ok(Date.now() - started >= 140, 'delayed');

		sb.addFault({ kind: 'drop', times: 1 });
		await assert.rejects(
			rawRequest(`${sb.baseUrl}${getUrl}`),
			(/** @type {any} */ error) => error.code === 'ECONNRESET',
		);
		sb.addFault({ kind: 'drop', mode: 'close', times: 1 });
		await assert.rejects(
			rawRequest(`${sb.baseUrl}${getUrl}`),
			(/** @type {any} */ error) =>
				['ECONNRESET', 'EPIPE'].includes(error.code) || /hang up/.test(error.message),
		);
		sb.addFault({ kind: 'drop', times: 1 });
		await assert.rejects(call(sb, getUrl), TypeError, 'fetch fails on reset');
		assert.equal(sb.stats.dropped, 3);
		assert.equal(sb.requests[sb.requests.length - 1].status, 0);

		sb.addFault({ kind: 'hang', times: 1 });
		started = Date.now();
		await assert.rejects(call(sb, getUrl, { signal: AbortSignal.timeout(200) }));
		assert.ok(Date.now() - started >= 190);
		await sleep(20);
		assert.equal(sb.stats.inFlight, 0, 'client abort ends in-flight');
		assert.equal(sb.requests[sb.requests.length - 1].status, null);

		sb.addFault({ kind: 'headersEcho', times: 1 });
		r = await call(sb, getUrl);
		assert.equal(r.status, 401);
		assert.ok(r.text.includes(DEFAULTS.apiKey), 'echoes the token');
		assert.equal(r.json.receivedHeaders.authorization, AUTH.authorization);
		assert.equal(r.json.receivedHeaders['x-merchant'], 'norce-demo');
		sb.addFault({ kind: 'headersEcho', status: 500, times: 1 });
		r = await call(sb, getUrl);
		assert.equal(r.status, 500);

		r = await call(sb, getUrl);
		assert.equal(r.status, 200, 'all one-shot rules used up');
	} finally {
		await sb.close();
	}
});

check('random faults are seeded and deterministic', async () => {
	/** @param {number} seed */
	const run = async (seed) => {
		const sb = await startSandbox({
			randomFaults: { rate: 0.3, seed, kinds: ['429', '503', 'reset', 'timeout'], timeoutMs: 30 },
		});
		const outcomes = [];
		try {
			for (let i = 0; i < 80; i++) {
				try {
					const r = await rawRequest(`${sb.baseUrl}${ORDERS}/${DEMO.validOrderId}`);
					outcomes.push(String(r.status));
				} catch (error) {
					outcomes.push(/** @type {any} */ (error).code || 'error');
				}
			}
			return {
				outcomes,
				stats: { ...sb.stats, byStatus: { ...sb.stats.byStatus } },
				retryAfter: sb.requests.filter((q) => q.status === 429).length,
			};
		} finally {
			await sb.close();
		}
	};
	const a = await run(7);
	const b = await run(7);
	const c = await run(8);
	assert.deepEqual(a.outcomes, b.outcomes);
	assert.notDeepEqual(a.outcomes, c.outcomes);
	assert.ok(
		a.outcomes.includes('429') && a.outcomes.includes('503') && a.outcomes.includes('ECONNRESET'),
		a.outcomes.join(','),
	);
	const failures = a.outcomes.filter((o) => o !== '200').length;
	assert.ok(
		failures > 5 && failures < 40,
		`about 30% faults (got ${failures}/80 non-200, timeouts answer 200)`,
	);

	const sb = await startSandbox();
	try {
		sb.setRandomFaults({ rate: 1, kinds: ['429'], match: { operation: 'validate' } });
		let r = await call(sb, `${ORDERS}/${DEMO.validOrderId}/validate`, { method: 'POST' });
		assert.equal(r.status, 429);
		assert.ok(['0', '1'].includes(r.headers.get('retry-after') || ''));
		r = await call(sb, `${ORDERS}/${DEMO.validOrderId}`);
		assert.equal(r.status, 200, 'match limits random faults');
		sb.setRandomFaults(undefined);
		r = await call(sb, `${ORDERS}/${DEMO.validOrderId}/validate`, { method: 'POST' });
		assert.equal(r.status, 200);
	} finally {
		await sb.close();
	}
});

check('rate limit, latency, stats, record:false', async () => {
	const sb = await startSandbox({ rateLimit: { perSecond: 5 } });
	try {
		const results = await Promise.all(
			Array.from({ length: 12 }, () => call(sb, `${ORDERS}/${DEMO.validOrderId}`)),
		);
		const limited = results.filter((r) => r.status === 429);
		assert.ok(limited.length >= 6 && limited.length <= 7, `rate limited ${limited.length}`);
		assert.equal(limited[0].headers.get('retry-after'), '1');
		assert.equal(limited[0].json.code, 'too-many-requests');
		await sleep(1100);
		assert.equal((await call(sb, `${ORDERS}/${DEMO.validOrderId}`)).status, 200, 'bucket refilled');
		sb.setRateLimit(undefined);

		sb.resetStats();
		sb.setLatency(120);
		const started = Date.now();
		await Promise.all(Array.from({ length: 10 }, () => call(sb, ORDERS)));
		assert.ok(Date.now() - started >= 110, 'latency applied');
		assert.equal(sb.stats.maxInFlight, 10);
		assert.equal(sb.stats.inFlight, 0);
		assert.equal(sb.stats.total, 10);
		assert.equal(sb.stats.byStatus[200], 10);
	} finally {
		await sb.close();
	}

	const quiet = await startSandbox({ record: false });
	try {
		await Promise.all(Array.from({ length: 5 }, () => call(quiet, ORDERS)));
		await call(quiet, ORDERS, { headers: { authorization: undefined } });
		assert.equal(quiet.requests.length, 0);
		assert.deepEqual(
			[quiet.stats.total, quiet.stats.byStatus[200], quiet.stats.byStatus[401]],
			[6, 5, 1],
		);
	} finally {
		await quiet.close();
	}
});

check('generated orders', async () => {
	const sb = await startSandbox({ generated: 2000, record: false });
	try {
		assert.equal(sb.orders.size, DEMO.counts.total + 2000);
		assert.equal(generatedOrderId(1), 'o_gen_000001');
		for (const index of [1, 2, 3, 4, 1999]) {
			const expected = generatedOrderValidation(index);
			assert.equal(expected.results.length, index % 4);
			const r = await call(sb, `${ORDERS}/${generatedOrderId(index)}/validate`, { method: 'POST' });
			assert.equal(r.status, expected.status, `index ${index}`);
			assert.deepEqual(r.json, expected.results);
		}
		assert.equal(generatedOrderValidation(1).status, 400);
		assert.equal(generatedOrderValidation(2).status, 200);
		assert.equal(generatedOrderValidation(3).status, 400);
		assert.equal(generatedOrderValidation(4).status, 200);
		let r = await call(sb, `${ORDERS}?status=processing&limit=100&offset=0`);
		assert.equal(r.json.pagination.totalSize, DEMO.counts.se.processing + 2000);
		r = await call(sb, `${ORDERS}?limit=1&offset=${DEMO.counts.se.total}`);
		assert.equal(
			r.json.data[0].id,
			generatedOrderId(2000),
			'newest generated right after the demo orders',
		);
		r = await call(sb, `${ORDERS}/${generatedOrderId(5)}/reference`, {
			method: 'PUT',
			body: '"G5"',
			headers: { 'content-type': 'application/json' },
		});
		assert.equal(r.status, 200);
		sb.reset();
		assert.equal(sb.orders.get(generatedOrderId(5))?.reference, 'GEN-000005');
	} finally {
		await sb.close();
	}
});

check('custom orders/merchant/channels options', async () => {
	const [template] = demoOrders('acme');
	const sb = await startSandbox({
		merchant: 'acme',
		channels: ['dk'],
		apiKey: 'k',
		orders: [{ ...template, id: 'o_custom', channel: 'dk' }],
	});
	try {
		const headers = { authorization: 'Bearer k', 'x-merchant': 'acme', 'x-channel': 'dk' };
		const r = await call(sb, `${ORDERS}/o_custom`, { headers });
		assert.deepEqual([r.status, r.json.id, r.json.merchant], [200, 'o_custom', 'acme']);
		sb.orders.delete('o_custom');
		const list = await call(sb, ORDERS, { headers });
		assert.equal(list.json.pagination.totalSize, 0, 'list sees direct map changes');
		sb.reset();
		assert.ok(sb.orders.has('o_custom'));
		assert.equal(template.id, DEMO.failingErrorsObjectOrderId, 'caller objects untouched');
	} finally {
		await sb.close();
	}
});

check('control API', async () => {
	const sb = await startSandbox();
	try {
		const control = async (
			/** @type {string} */ p,
			/** @type {string} */ method = 'GET',
			/** @type {unknown} */ body = undefined,
		) => {
			const r = await fetch(`${sb.url}/__sandbox${p}`, {
				method,
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: r.status, json: /** @type {any} */ (await r.json()) };
		};
		assert.deepEqual((await control('/health')).json.ok, true);
		await call(sb, ORDERS);
		let r = await control('/requests');
		assert.equal(r.json.length, 1);
		assert.equal(r.json[0].headers.authorization, AUTH.authorization);
		assert.equal((await control('/stats')).json.total, 1, 'control requests not counted');

		r = await control('/faults', 'POST', { kind: 'status', status: 503, times: 1 });
		assert.match(r.json.id, /^fault-/);
		assert.equal((await control('/faults')).json.length, 1);
		assert.equal((await call(sb, ORDERS)).status, 503);
		assert.equal((await control('/faults', 'POST', { kind: 'nope' })).status, 400);
		await control('/faults', 'POST', { kind: 'status', status: 500 });
		await control('/faults', 'DELETE');
		assert.equal((await call(sb, ORDERS)).status, 200);

		r = await control('/config', 'POST', {
			latencyMs: 50,
			rateLimit: { perSecond: 1000 },
			randomFaults: { rate: 0, seed: 1 },
		});
		assert.deepEqual(
			[r.json.latencyMs, r.json.rateLimit, r.json.randomFaults.rate],
			[50, { perSecond: 1000 }, 0],
		);
		r = await control('/config', 'POST', { latencyMs: 0, rateLimit: null, randomFaults: null });
		assert.deepEqual([r.json.latencyMs, r.json.rateLimit, r.json.randomFaults], [0, null, null]);
		assert.equal((await control('/config', 'POST', { latencyMs: -1 })).status, 400);

		await call(sb, `${ORDERS}/${DEMO.validOrderId}/reference`, {
			method: 'PUT',
			body: '"CTRL"',
			headers: { 'content-type': 'application/json' },
		});
		r = await control(`/orders/${encodeURIComponent(DEMO.validOrderId)}`);
		assert.equal(r.json.reference, 'CTRL');
		assert.deepEqual(r.json.validation, { status: 200, results: [] });
		r = await control('/reset', 'POST');
		assert.equal(r.json.ok, true);
		assert.equal(sb.orders.get(DEMO.validOrderId)?.reference, DEMO.validOrderReference);
		assert.equal((await control('/requests')).json.length, 0);
		assert.equal((await control('/stats')).json.total, 0);
		assert.equal((await control('/nope')).status, 404);
	} finally {
		await sb.close();
	}
});

check('close() is prompt with keep-alive, hung and delayed requests; idempotent', async () => {
	const sb = await startSandbox({ latencyMs: 5 });
	const agent = new http.Agent({ keepAlive: true });
	await new Promise((resolve, reject) => {
		http
			.get(`${sb.baseUrl}${ORDERS}`, { agent, headers: AUTH }, (res) =>
				res.resume().on('end', resolve),
			)
			.on('error', reject);
	});
	sb.addFault({ kind: 'hang', times: 2, match: { operation: 'get' } });
	sb.addFault({ kind: 'delay', ms: 60_000, match: { operation: 'validate' } });
	const pending = [
		call(sb, `${ORDERS}/${DEMO.validOrderId}`).catch(() => 'failed'),
		call(sb, `${ORDERS}/${DEMO.validOrderId}`).catch(() => 'failed'),
		call(sb, `${ORDERS}/${DEMO.validOrderId}/validate`, { method: 'POST' }).catch(() => 'failed'),
	];
	await sleep(50);
	assert.equal(sb.stats.inFlight, 3);
	const started = Date.now();
	await within(sb.close(), 1000, 'close()');
	assert.ok(Date.now() - started < 1000);
	assert.deepEqual(await within(Promise.all(pending), 1000, 'pending requests'), [
		'failed',
		'failed',
		'failed',
	]);
	await within(sb.close(), 100, 'second close()');
	agent.destroy();
});

check('cli: prints one JSON line, serves, stops on SIGTERM and on stdin close', async () => {
	const cli = path.join(__dirname, 'cli.js');
	/** @param {string[]} args */
	const start = (args) => {
		const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
		const line = new Promise((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (chunk) => {
				out += chunk;
				const newline = out.indexOf('\n');
				if (newline !== -1) resolve(JSON.parse(out.slice(0, newline)));
			});
			child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
		});
		const exited = new Promise((resolve) =>
			child.once('exit', (code, signal) => resolve({ code, signal })),
		);
		return { child, line: /** @type {Promise<any>} */ (within(line, 5000, 'cli start')), exited };
	};

	const a = start([
		'--port',
		'0',
		'--latency',
		'1',
		'--channels',
		'se,no,dk',
		'--generated',
		'10',
		'--no-record',
		'--api-key',
		'cli-key',
		'--create-order-response',
		'string',
		'--state-update-status',
		'202',
	]);
	const info = await a.line;
	assert.deepEqual(Object.keys(info), [
		'url',
		'baseUrl',
		'apiKey',
		'merchant',
		'channels',
		'notificationBaseUrl',
	]);
	assert.equal(info.notificationBaseUrl, `${info.url}/checkout/notification`);
	assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
	assert.equal(info.baseUrl, `${info.url}/checkout/order`);
	assert.deepEqual(
		[info.apiKey, info.merchant, info.channels],
		['cli-key', 'norce-demo', ['se', 'no', 'dk']],
	);
	const r = await fetch(`${info.baseUrl}${ORDERS}/o_gen_000010`, {
		headers: { ...AUTH, authorization: 'Bearer cli-key' },
	});
	assert.equal(r.status, 200);
	assert.deepEqual(await (await fetch(`${info.url}/__sandbox/requests`)).json(), []);
	const config = /** @type {any} */ (await (await fetch(`${info.url}/__sandbox/config`)).json());
	assert.deepEqual([config.createOrderResponse, config.stateUpdateStatus], ['string', 202]);
	a.child.kill('SIGTERM');
	assert.deepEqual(await within(a.exited, 3000, 'cli SIGTERM'), { code: 0, signal: null });

	const b = start(['--exit-on-stdin-close']);
	await b.line;
	b.child.stdin.end();
	assert.deepEqual(await within(b.exited, 3000, 'cli stdin close'), { code: 0, signal: null });

	const c = start(['--bogus']);
	await assert.rejects(c.line);
	assert.equal(/** @type {any} */ (await c.exited).code, 2);
});

check('throughput smoke: 2000 requests at concurrency 50, record off', async () => {
	const sb = await startSandbox({ record: false, generated: 1000 });
	try {
		let next = 0;
		const started = Date.now();
		const worker = async () => {
			while (next < 2000) {
				const i = next++;
				const r = await call(
					sb,
					i % 2
						? `${ORDERS}/${generatedOrderId((i % 1000) + 1)}/validate`
						: `${ORDERS}/${DEMO.validOrderId}`,
					{ method: i % 2 ? 'POST' : 'GET' },
				);
				assert.ok(r.status === 200 || r.status === 400);
			}
		};
		await Promise.all(Array.from({ length: 50 }, worker));
		const ms = Date.now() - started;
		assert.equal(sb.stats.total, 2000);
		assert.ok(sb.stats.maxInFlight <= 50);
		process.stdout.write(
			`    (${Math.round((2000 / ms) * 1000)} req/s, maxInFlight ${sb.stats.maxInFlight})\n`,
		);
	} finally {
		await sb.close();
	}
});

// The Order API additions and the Notification Service (files of their own).
require('./selftest-demo').register(check);
require('./selftest-orders').register(check);
require('./selftest-callbacks').register(check);
require('./selftest-payments').register(check);
require('./selftest-notifications').register(check);
require('./selftest-controls').register(check);

// ---------------------------------------------------------------------------

(async () => {
	let failed = 0;
	for (const [name, fn] of checks) {
		const started = Date.now();
		try {
			await fn();
			process.stdout.write(`ok   ${name} (${Date.now() - started} ms)\n`);
		} catch (error) {
			failed += 1;
			process.stdout.write(
				`FAIL ${name}\n${error instanceof Error ? error.stack : String(error)}\n`,
			);
		}
	}
	process.stdout.write(
		failed
			? `\n${failed} of ${checks.length} checks failed\n`
			: `\nall ${checks.length} checks passed\n`,
	);
	process.exitCode = failed ? 1 : 0;
})();

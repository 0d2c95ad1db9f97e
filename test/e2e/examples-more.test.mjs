// The examples beyond the nightly check, imported and run inside a real n8n against the sandbox:
// the nightly ERP export and the retry of failed notification deliveries. (The "order completed"
// example needs a running server and is run by trigger.test.mjs.)
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { scheduleToManual } from './lib/examples.mjs';
import { startHttpReceiver } from './lib/receivers.mjs';
import { errorItems, successItems } from './lib/rundata.mjs';
import { e2eMatrix, startSuite, versionLabel } from './lib/suite.mjs';
import { makeId, norceCredential, prepareExample, readExample } from './lib/workflows.mjs';

/** A stand-in ERP: answers every order with the next ERP order number. */
async function startErp() {
	const received = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push(JSON.parse(body));
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ orderNumber: `ERP-${100000 + received.length}` }));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/api/orders`,
		received,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

for (const entry of e2eMatrix()) {
	describe(`examples (ERP export, notification retry) on ${versionLabel(entry)}`, () => {
		let ctx;
		let erp;
		let slack;
		let results;
		const wf = {};
		const processingOrders = () =>
			[...ctx.sandbox.orders.values()].filter(
				(o) => o.channel === 'se' && o.state.currentStatus === 'processing',
			);
		let exported;
		const failedRecently = [];

		before(async () => {
			ctx = await startSuite(entry, 'examples-more');
			erp = await startErp();
			slack = await startHttpReceiver();
			exported = processingOrders().map((o) => o.id);
			const hour = 3_600_000;
			for (const retryOutcome of ['succeeded', 'failed']) {
				failedRecently.push(
					ctx.sandbox.addNotificationEvent({
						createdAt: new Date(Date.now() - 2 * hour).toISOString(),
						status: 'failed',
						deliveries: [{ status: 'failed', statusCode: 503 }],
						retryOutcome,
					}).id,
				);
			}
			// failed, but two days ago: not part of "the last day"
			ctx.sandbox.addNotificationEvent({
				createdAt: new Date(Date.now() - 48 * hour).toISOString(),
				status: 'failed',
				deliveries: [{ status: 'failed', statusCode: 503 }],
			});

			const credential = norceCredential({
				id: makeId('cred'),
				name: 'Norce sandbox',
				sandbox: ctx.sandbox,
			});
			const credentials = { norceApi: credential };
			wf.erp = scheduleToManual(
				prepareExample(readExample('nightly-erp-export.json'), {
					credentials,
					patch: { 'Create the order in the ERP': (p) => (p.url = erp.url) },
				}),
			);
			wf.retry = scheduleToManual(
				prepareExample(readExample('retry-failed-notifications.json'), {
					credentials,
					patch: { 'Send the report to Slack': (p) => (p.url = slack.url) },
				}),
			);
			await ctx.n8n.importCredentials([credential]);
			await ctx.n8n.importWorkflows(Object.values(wf));
			results = await ctx.n8n.executeMany(Object.values(wf).map((w) => w.id));
		});
		after(async () => {
			await erp?.close();
			await slack?.close();
			await ctx?.close();
		});

		it('ERP export: every processing order is sent once, gets its ERP number and is accepted', () => {
			const r = results.get(wf.erp.id);
			assert.equal(r.ok, true, r.describe());
			assert.ok(exported.length > 0);
			assert.deepEqual(erp.received.map((o) => o.norceOrderId).sort(), [...exported].sort());
			const accepted = successItems(r.data, 'Mark the order accepted');
			assert.deepEqual(
				accepted.map((i) => i.json.orderId),
				erp.received.map((o) => o.norceOrderId),
			);
			for (const [index, sent] of erp.received.entries()) {
				const order = ctx.sandbox.orders.get(sent.norceOrderId);
				assert.equal(order.reference, `ERP-${100001 + index}`);
				assert.equal(order.state.currentStatus, 'accepted');
			}
			assert.deepEqual(processingOrders(), [], 'no order is left in processing');
		});

		it('notification retry: the failed deliveries of the last day are retried, one report', () => {
			const r = results.get(wf.retry.id);
			assert.equal(r.ok, true, r.describe());
			const retried = ctx.sandbox.requests.filter(
				(q) => q.method === 'POST' && q.path.endsWith('/retry'),
			);
			assert.deepEqual(
				retried.map((q) => q.path.split('/').at(-2)).sort(),
				[...failedRecently].sort(),
			);
			assert.equal(errorItems(r.data, 'Deliver each again').length, 0);
			assert.equal(slack.received.length, 1);
			const report = slack.received[0].json.text;
			assert.match(report, /failed in the last day: 2/);
			assert.match(report, /Delivered on retry: 1/);
			assert.match(
				report,
				new RegExp(`Still failing after the retry: 1\\n• ${failedRecently[1]} `),
			);
			assert.match(report, /Retry refused by Norce: 0/);
		});
	});
}

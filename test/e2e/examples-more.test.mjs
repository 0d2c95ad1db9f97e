// The examples beyond the nightly check, imported and run inside a real n8n against the sandbox:
// the nightly ERP export and the redelivery of notifications the receiver never got. (The "order
// completed" example needs a running server and is run by trigger.test.mjs.) The sandbox answers
// notification events with Norce's documented fields only: no delivery status.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { scheduleToManual } from './lib/examples.mjs';
import { startHttpReceiver } from './lib/receivers.mjs';
import { errorItems, successItems } from './lib/rundata.mjs';
import { describeEachVersion, startSuite } from './lib/suite.mjs';
import { norceCredential, prepareExample, readExample } from './lib/workflows.mjs';

/**
 * A stand-in receiver of Norce's notifications: GET /api/orders/{id} answers 200 for the orders
 * in `has`, 404 for the others.
 */
async function startReceiver(has) {
	const asked = [];
	const server = http.createServer((req, res) => {
		const id = decodeURIComponent(req.url.split('/').at(-1));
		asked.push(id);
		const found = has.includes(id);
		res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
		res.end(JSON.stringify(found ? { norceOrderId: id } : { error: 'not found' }));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/api/orders/x`,
		asked,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

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

describeEachVersion('examples (ERP export, notification retry)', (entry) => {
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
	let receiver;
	// Events of the example's notification (reference erp-export), by what the receiver has.
	const seeded = {};

	before(async () => {
		ctx = await startSuite(entry, 'examples-more');
		erp = await startErp();
		slack = await startHttpReceiver();
		exported = processingOrders().map((o) => o.id);
		const hour = 3_600_000;
		const event = (name, hoursAgo, reference = 'erp-export') => {
			const added = ctx.sandbox.addNotificationEvent({
				createdAt: new Date(Date.now() - hoursAgo * hour).toISOString(),
				reference,
			});
			seeded[name] = { id: added.id, orderId: added.orderId };
		};
		event('received', 2); // the receiver has the order: not delivered again
		event('lost', 5); // the receiver lacks it: delivered again
		event('refused', 30); // lacks it, and Norce refuses the retry
		event('old', 72); // lacks it, but older than two days
		event('otherNotification', 3, 'crm-declined'); // another notification's event
		ctx.sandbox.addFault({
			kind: 'status',
			status: 404,
			body: 'base',
			code: 'event-not-found',
			message: 'Notification event not found.',
			match: { operation: 'notificationEvent.retry', eventId: seeded.refused.id },
		});
		receiver = await startReceiver([seeded.received.orderId]);

		const credential = norceCredential({ sandbox: ctx.sandbox });
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
				patch: {
					'Ask the receiver for the order': (p) =>
						(p.url = `=${receiver.url.replace(/x$/, '')}{{ encodeURIComponent($json.orderId) }}`),
					'Send the report to Slack': (p) => (p.url = slack.url),
				},
			}),
		);
		await ctx.n8n.importCredentials([credential]);
		await ctx.n8n.importWorkflows(Object.values(wf));
		results = await ctx.n8n.executeMany(Object.values(wf).map((w) => w.id));
	});
	after(async () => {
		await erp?.close();
		await receiver?.close();
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

	it('notification redelivery: what the receiver lacks of the last two days is delivered again, one report', () => {
		const r = results.get(wf.retry.id);
		assert.equal(r.ok, true, r.describe());
		// The receiver is asked about every event of the notification in the window, only those.
		assert.deepEqual(
			[...receiver.asked].sort(),
			[seeded.received, seeded.lost, seeded.refused].map((e) => e.orderId).sort(),
		);
		const retried = ctx.sandbox.requests.filter(
			(q) => q.method === 'POST' && q.path.endsWith('/retry'),
		);
		assert.deepEqual(
			retried.map((q) => q.path.split('/').at(-2)).sort(),
			[seeded.lost.id, seeded.refused.id].sort(),
		);
		assert.deepEqual(
			errorItems(r.data, 'Deliver each again').map((i) => i.json.id),
			[seeded.refused.id],
		);
		// The sandbox's own record: the lost event got one more (simulated) delivery.
		const deliveries = (id) => ctx.sandbox.notificationEvents.find((e) => e.id === id).deliveries;
		assert.equal(deliveries(seeded.lost.id).length, 2);
		assert.equal(deliveries(seeded.received.id).length, 1);
		assert.equal(slack.received.length, 1);
		const report = slack.received[0].json.text;
		assert.match(report, /Norce notification events of the last two days: 3\n/);
		assert.match(report, /The receiver lacked the order of: 2\n/);
		assert.match(
			report,
			new RegExp(
				`Delivered again by Norce: 1\\n• ${seeded.lost.id} \\(order ${seeded.lost.orderId}\\)\\n`,
			),
		);
		assert.match(report, new RegExp(`Retry refused by Norce: 1\\n• ${seeded.refused.id} `));
	});
});

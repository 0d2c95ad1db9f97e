// The Norce Checkout Notification Trigger in a running n8n (server mode): publishing adds our
// entry to the channel's static_notifications beside a foreign one; the sandbox delivers each
// status change to n8n's production webhook URL, once more for one of them, and a forged call
// names an order Norce does not know; each change must reach the receiver once and nothing
// forged at all; unpublishing removes ours and leaves the foreign entry as it was.
// Also prints the delay from the sandbox's delivery POST to the item reaching the receiver.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, it } from 'node:test';
import { startHttpReceiver } from './lib/receivers.mjs';
import { N8nServer } from './lib/server.mjs';
import { describeEachVersion, startSuite, versionLabel } from './lib/suite.mjs';
import { log, waitFor } from './lib/util.mjs';
import {
	forwardingTriggerWorkflow,
	norceCredential,
	prepareExample,
	readExample,
} from './lib/workflows.mjs';

const TRIGGER_TYPE = 'n8n-nodes-norce-checkout.norceCheckoutNotificationTrigger';
const FOREIGN = {
	reference: 'erp-export',
	description: 'ERP — export (åäö)',
	scope: '/state/currentStatus',
	schema: { not: { enum: ['checkout'] } },
	invoke: 'https://erp.example.com/hooks/{order_id}',
};
const FOREIGN_DOCUMENT = {
	$schema: 'https://example.com/schema.json',
	id: 'static_notifications',
	active: true,
	order: { notifications: [FOREIGN] },
};

const notificationWorkflow = (credential, receiverUrl, webhookId) =>
	forwardingTriggerWorkflow({
		name: 'e2e notification trigger',
		trigger: {
			name: 'When an order changes status',
			type: TRIGGER_TYPE,
			parameters: { statuses: [], options: {} },
			webhookId,
		},
		credential,
		url: receiverUrl,
	});

const EXAMPLE_WEBHOOK = '5c0f7a52-3b8e-4f61-9d2a-7e4b1c9a0e71';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describeEachVersion('notification trigger (server mode)', (entry) => {
	let ctx;
	let receiver;
	let workflow;
	const webhookId = crypto.randomUUID();
	const document = () => ctx.sandbox.configuration.get('se');
	const entries = () => document()?.order?.notifications ?? [];
	const ours = () => entries().filter((e) => String(e.invoke).includes(webhookId));
	const example = () => entries().filter((e) => String(e.invoke).includes(EXAMPLE_WEBHOOK));
	const received = () =>
		receiver.received.filter((r) => !r.url.endsWith('workflow=example')).map((r) => r.json);
	const receivedByExample = () =>
		receiver.received.filter((r) => r.url.endsWith('workflow=example')).map((r) => r.json);

	before(async () => {
		ctx = await startSuite(entry, 'notification-trigger');
		ctx.sandbox.configuration.put('se', FOREIGN_DOCUMENT);
		ctx.sandbox.deliveries.setRetryDelays([50, 100]);
		receiver = await startHttpReceiver();
		const credential = norceCredential({ sandbox: ctx.sandbox });
		workflow = notificationWorkflow(credential, receiver.url, webhookId);
		// The example as a merchant imports it, sending to the receiver instead of an ERP.
		const erpExample = prepareExample(readExample('order-placed-erp.json'), {
			credentials: { norceApi: credential },
			patch: {
				'Send to ERP': (p) => {
					p.url = `${receiver.url}?workflow=example`;
				},
			},
		});
		await ctx.n8n.importCredentials([credential]);
		await ctx.n8n.importWorkflows([workflow, erpExample]);
		await ctx.n8n.publishWorkflows([workflow, erpExample]);
		ctx.server = await new N8nServer(ctx.n8n).start();
		await ctx.server.setupOwner();
		await ctx.server.waitFor(async () => ours().length === 1 && example().length === 1, {
			timeoutMs: 60_000,
			intervalMs: 200,
			what: 'our entry in static_notifications',
		});
	});
	after(async () => {
		await ctx?.sandbox.deliveries.settled();
		await receiver?.close();
		await ctx?.close();
	});

	it('publishing adds ours beside the foreign entry, which stays byte-identical', () => {
		assert.equal(JSON.stringify(entries()[0]), JSON.stringify(FOREIGN));
		assert.equal(entries().length, 3);
		assert.deepEqual(example()[0].schema, { enum: ['processing'] });
		assert.deepEqual(ours()[0], {
			description: 'n8n workflow "e2e notification trigger" (Norce Checkout Notification Trigger)',
			reference: ours()[0].reference,
			scope: '/state/currentStatus',
			invoke: `${ctx.server.baseUrl}/webhook/${webhookId}/norce`,
		});
		assert.equal(document().$schema, FOREIGN_DOCUMENT.$schema);
	});

	it('each change arrives once; a repeated delivery and a forged call add nothing', async () => {
		const sandbox = ctx.sandbox;
		const orders = [0, 1, 2].map(() => sandbox.createOrder({}));
		const changes = [
			[orders[0].id, 'processing'],
			[orders[1].id, 'processing'],
			[orders[1].id, 'completed'],
		];
		// One change at a time: each its own delivery, read-back and execution.
		for (const [index, [orderId, status]] of changes.entries()) {
			sandbox.setOrderStatus(orderId, status);
			await waitFor(async () => received().length === index + 1, {
				timeoutMs: 60_000,
				intervalMs: 50,
				what: `the ${status} of ${orderId} at the receiver`,
			});
		}
		// Norce delivers the first change again (a retry from its log) …
		const first = sandbox.notificationEvents.find((e) => e.orderId === orders[0].id);
		await sandbox.deliveries.redeliver(first);
		// … and someone who learned the URL posts an order Norce does not know.
		const forged = await fetch(ours()[0].invoke, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				notification: { reference: 'forged' },
				order: {
					id: 'o_forgedforgedforgedforged',
					state: {
						currentStatus: 'completed',
						transitions: [
							{ status: 'checkout', timeStamp: '2026-12-01T10:00:00Z' },
							{ status: 'completed', timeStamp: '2026-12-01T10:01:00Z' },
						],
					},
				},
			}),
		});
		assert.equal(forged.status, 200);
		// Both were read back (the trigger's one request each) before the last change.
		const readsOf = (id) =>
			sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/orders/${id}`)).length;
		await waitFor(
			async () => readsOf(orders[0].id) >= 2 && readsOf('o_forgedforgedforgedforged') >= 1,
			{
				timeoutMs: 30_000,
				intervalMs: 50,
				what: 'the read-backs of the repeat and the forged call',
			},
		);
		sandbox.setOrderStatus(orders[2].id, 'declined');
		await waitFor(async () => received().some((e) => e.orderId === orders[2].id), {
			timeoutMs: 60_000,
			intervalMs: 50,
			what: 'the last change at the receiver',
		});
		// Every execution n8n started has finished: the count is final.
		let executions;
		await waitFor(
			async () => {
				executions = (await ctx.server.rest('GET', '/executions'))?.results ?? [];
				return (
					executions.length >= 6 &&
					executions.every((e) => e.finished || e.status === 'success' || e.stoppedAt)
				);
			},
			{ timeoutMs: 60_000, intervalMs: 200, what: 'the executions to finish' },
		);
		await sandbox.deliveries.settled();

		await waitFor(async () => receivedByExample().length >= 2, {
			timeoutMs: 60_000,
			intervalMs: 50,
			what: 'the two placed orders at the example',
		});
		assert.equal(
			executions.length,
			6,
			'one execution per change and per placed order (example), none for the repeat or the forged call',
		);
		// the example: only the two placed orders, once each, with the whole order
		assert.deepEqual(
			receivedByExample()
				.map((e) => [e.orderId, e.order.id, e.order.state.transitions[1].status])
				.sort(),
			[
				[orders[0].id, orders[0].id, 'processing'],
				[orders[1].id, orders[1].id, 'processing'],
			].sort(),
		);
		assert.deepEqual(
			received()
				.map((e) => [e.orderId, e.previousStatus, e.status])
				.sort(),
			[
				[orders[0].id, 'checkout', 'processing'],
				[orders[1].id, 'checkout', 'processing'],
				[orders[1].id, 'processing', 'completed'],
				[orders[2].id, 'checkout', 'declined'],
			].sort(),
		);
		for (const event of received()) assert.equal(event.event, 'orderStatusChanged');
		assert.ok(!received().some((e) => e.orderId === 'o_forgedforgedforgedforged'));

		// Delivery POST started (sandbox) → item at the receiver (after n8n's HTTP Request node).
		const delays = sandbox.notificationEvents
			.filter((e) => String(sandbox.deliveries.invokeOf(e)).includes(webhookId))
			.map((event) => {
				const attempt = sandbox.deliveries.log.find((a) => a.eventId === event.id);
				const arrival = receiver.received.find(
					(r) => r.json.orderId === event.orderId && r.json.changedAt === event.createdAt,
				);
				return arrival.at - attempt.startedAt;
			});
		log(
			`notification trigger on ${versionLabel(entry)}: delivery POST → item at the receiver, ms: ${delays.join(', ')} (median ${median(delays)})`,
		);
	});

	it('unpublishing removes ours and leaves the foreign entry intact', async () => {
		await ctx.server.rest('POST', `/workflows/${workflow.id}/deactivate`, {});
		await waitFor(async () => ours().length === 0, {
			timeoutMs: 30_000,
			intervalMs: 100,
			what: 'our entry to be removed',
		});
		assert.equal(JSON.stringify(entries()[0]), JSON.stringify(FOREIGN));
		assert.equal(entries().length, 2, 'the foreign entry and the example, still published');
		assert.ok(!ctx.sandbox.requests.some((r) => r.method === 'DELETE'));
	});
});

// The Norce Checkout Trigger in a running n8n (server mode): a published workflow polls the
// sandbox every 5 seconds and posts each event to a local receiver. Orders the sandbox creates
// and moves while it runs must arrive, each exactly once.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startHttpReceiver } from './lib/receivers.mjs';
import { N8nServer } from './lib/server.mjs';
import { ORDERS_PATH, describeEachVersion, startSuite } from './lib/suite.mjs';
import { waitFor } from './lib/util.mjs';
import {
	forwardingTriggerWorkflow,
	norceCredential,
	prepareExample,
	readExample,
} from './lib/workflows.mjs';

const TRIGGER_TYPE = 'n8n-nodes-norce-checkout.norceCheckoutTrigger';
// Every 5 seconds, as twelve poll times of one fixed second each: n8n 2.41 refuses a cron that
// fires more than once a minute (n8n-workflow cron.js isSubMinuteCron), 2.8 any `*` in the
// seconds field; each of these fires once a minute.
const EVERY_5_SECONDS = {
	item: Array.from({ length: 12 }, (_, index) => ({
		mode: 'custom',
		cronExpression: `${index * 5} * * * * *`,
	})),
};

const triggerWorkflow = (name, event, credential, receiverUrl) =>
	forwardingTriggerWorkflow({
		name,
		trigger: {
			name: 'Norce Checkout Trigger',
			type: TRIGGER_TYPE,
			parameters: { event, pollTimes: EVERY_5_SECONDS, options: {} },
		},
		credential,
		url: `${receiverUrl}?workflow=${event}`,
	});

describeEachVersion('trigger (server mode)', (entry) => {
	let ctx;
	let receiver;
	const received = (event) =>
		receiver.received.filter((r) => r.url.endsWith(`workflow=${event}`)).map((r) => r.json);
	const polls = () =>
		ctx.sandbox.requests.filter((q) => q.method === 'GET' && q.path === ORDERS_PATH).length;

	before(async () => {
		ctx = await startSuite(entry, 'trigger');
		receiver = await startHttpReceiver();
		const credential = norceCredential({ sandbox: ctx.sandbox });
		// The example as a merchant imports it, polling every 5 seconds instead of 5 minutes.
		const completedExample = prepareExample(readExample('order-completed-slack.json'), {
			credentials: { norceApi: credential },
			patch: {
				'When an order is completed': (p) => {
					p.pollTimes = EVERY_5_SECONDS;
				},
				'Tell Slack': (p) => {
					p.url = `${receiver.url}?workflow=example`;
				},
			},
		});
		const workflows = [
			triggerWorkflow('e2e trigger created', 'orderCreated', credential, receiver.url),
			triggerWorkflow('e2e trigger status', 'orderStatusChanged', credential, receiver.url),
			completedExample,
		];
		await ctx.n8n.importCredentials([credential]);
		await ctx.n8n.importWorkflows(workflows);
		await ctx.n8n.publishWorkflows(workflows);
		ctx.server = await new N8nServer(ctx.n8n).start();
		// Activation polls once to set the cursor; wait for both before creating orders.
		await ctx.server.waitFor(async () => polls() >= 3, {
			timeoutMs: 60_000,
			intervalMs: 200,
			what: 'the activation polls',
		});
	});
	after(async () => {
		await receiver?.close();
		await ctx?.close();
	});

	it('fires each created order and each status change once', async () => {
		const orders = [0, 1, 2].map(() => ctx.sandbox.createOrder({}));
		ctx.sandbox.setOrderStatus(orders[0].id, 'processing');
		ctx.sandbox.setOrderStatus(orders[1].id, 'completed');
		await waitFor(
			async () =>
				received('orderCreated').length >= 3 &&
				received('orderStatusChanged').length >= 2 &&
				received('example').length >= 1,
			{ timeoutMs: 90_000, intervalMs: 250, what: 'the events at the receiver' },
		);
		// Let at least two more polls of each workflow pass: nothing may fire again.
		const seen = polls();
		await waitFor(async () => polls() >= seen + 6, {
			timeoutMs: 60_000,
			intervalMs: 250,
			what: 'more polls',
		});

		assert.deepEqual(
			received('orderCreated')
				.map((e) => e.orderId)
				.sort(),
			orders.map((o) => o.id).sort(),
		);
		assert.deepEqual(
			received('orderStatusChanged')
				.map((e) => [e.orderId, e.previousStatus, e.status])
				.sort(),
			[
				[orders[0].id, 'checkout', 'processing'],
				[orders[1].id, 'checkout', 'completed'],
			].sort(),
		);
		// the example: only the completion, once, as one Slack message naming the order
		const slack = receiver.received.filter((r) => r.url.endsWith('workflow=example'));
		assert.equal(slack.length, 1);
		assert.match(
			slack[0].json.text,
			new RegExp(`${orders[1].reference || orders[1].id} completed`),
		);
		for (const event of received('orderCreated')) {
			assert.equal(event.event, 'orderCreated');
			assert.equal(event.status, 'checkout');
		}
	});
});

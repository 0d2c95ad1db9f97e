// The Norce Checkout Trigger in a running n8n (server mode): a published workflow polls the
// sandbox every 5 seconds and posts each event to a local receiver. Orders the sandbox creates
// and moves while it runs must arrive, each exactly once.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CREDENTIAL_TYPE } from './lib/n8n.mjs';
import { startHttpReceiver } from './lib/receivers.mjs';
import { N8nServer } from './lib/server.mjs';
import { ORDERS_PATH, e2eMatrix, startSuite, versionLabel } from './lib/suite.mjs';
import { tail, waitFor } from './lib/util.mjs';
import {
	chainWorkflow,
	makeId,
	norceCredential,
	postEachItem,
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

function triggerWorkflow(name, event, credential, receiverUrl) {
	const trigger = {
		id: crypto.randomUUID(),
		name: 'Norce Checkout Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 300],
		parameters: {
			event,
			pollTimes: EVERY_5_SECONDS,
			options: {},
		},
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	};
	const post = postEachItem(`${receiverUrl}?workflow=${event}`);
	return { ...chainWorkflow({ name, nodes: [trigger, post] }), active: true };
}

for (const entry of e2eMatrix()) {
	describe(`trigger (server mode) on ${versionLabel(entry)}`, () => {
		let ctx;
		let receiver;
		const received = (event) =>
			receiver.received.filter((r) => r.url.endsWith(`workflow=${event}`)).map((r) => r.json);
		const polls = () =>
			ctx.sandbox.requests.filter((q) => q.method === 'GET' && q.path === ORDERS_PATH).length;

		before(async () => {
			ctx = await startSuite(entry, 'trigger');
			receiver = await startHttpReceiver();
			const credential = norceCredential({
				id: makeId('cred'),
				name: 'Norce sandbox',
				sandbox: ctx.sandbox,
			});
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
			for (const w of workflows) {
				const p = await ctx.n8n.cli(['publish:workflow', `--id=${w.id}`], {
					label: 'publish:workflow',
				});
				assert.equal(p.code, 0, `publish:workflow failed: ${p.stdout}${p.stderr}`);
			}
			ctx.server = await new N8nServer(ctx.n8n).start();
			// Activation polls once to set the cursor; wait for both before creating orders.
			await waitFor(async () => polls() >= 3, {
				timeoutMs: 60_000,
				intervalMs: 200,
				what: 'the activation polls',
			}).catch((error) => {
				throw new Error(
					`${error.message}\n--- n8n output ---\n${tail(ctx.server.proc.output(), 60)}`,
				);
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
}

// The workflows in examples/ imported and run inside a real n8n against the sandbox.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	aiAgentRunnable,
	openAiCredential,
	RECON_GET_NODE,
	RECON_IF_NODE,
	RECON_VALIDATE_NODE,
	SANDBOX_DATE_FROM,
	expectedReconciliation,
	reconciliationEmail,
	reconciliationSlack,
	smtpCredential,
} from './lib/examples.mjs';
import { startFakeOpenAi, startHttpReceiver, startSmtpReceiver } from './lib/receivers.mjs';
import { outputItems, successItems } from './lib/rundata.mjs';
import { e2eMatrix, loadSandboxModule, startSuite, versionLabel } from './lib/suite.mjs';
import { makeId, norceCredential, prepareExample, readExample } from './lib/workflows.mjs';

const { DEMO } = loadSandboxModule();
// an order no other example touches (status checkout: not part of the reconciliation)
const AGENT_ORDER = DEMO.threeFailuresOrderId;

describe('examples/*.json are valid n8n workflows using the community node type', () => {
	for (const file of [
		'nightly-reconciliation-slack.json',
		'nightly-reconciliation-email.json',
		'fix-order-reference.json',
		'ai-agent-order-assistant.json',
	]) {
		it(file, () => {
			const wf = readExample(file);
			assert.ok(wf.name && Array.isArray(wf.nodes) && wf.connections);
			const norce = wf.nodes.filter((n) => n.type.startsWith('n8n-nodes-norce-checkout.'));
			assert.ok(norce.length > 0);
			for (const n of norce) {
				assert.match(n.type, /^n8n-nodes-norce-checkout\.norceCheckoutOrder(Tool)?$/);
				assert.equal(n.typeVersion, 1);
				assert.ok(n.credentials?.norceApi, `${n.name} references a norceApi credential`);
			}
			for (const [from, conns] of Object.entries(wf.connections)) {
				assert.ok(
					wf.nodes.some((n) => n.name === from),
					`connection from unknown node ${from}`,
				);
				for (const list of Object.values(conns))
					for (const out of list)
						for (const c of out)
							assert.ok(
								wf.nodes.some((n) => n.name === c.node),
								`connection to unknown node ${c.node}`,
							);
			}
		});
	}
	it('the nightly reconciliation looks back 24 h from now', () => {
		const wf = readExample('nightly-reconciliation-slack.json');
		const get = wf.nodes.find((n) => n.name === RECON_GET_NODE);
		assert.equal(get.parameters.returnAll, true);
		assert.deepEqual(get.parameters.filters.status, ['processing']);
		assert.match(get.parameters.filters.dateFrom, /\$now\.minus\(\{ hours: 24 \}\)/);
		assert.equal(wf.nodes[0].type, 'n8n-nodes-base.scheduleTrigger');
	});
});

for (const entry of e2eMatrix()) {
	describe(`examples on ${versionLabel(entry)}`, () => {
		let ctx;
		let slack;
		let smtp;
		let llm;
		const wf = {};
		let results;

		before(async () => {
			ctx = await startSuite(entry, 'examples');
			slack = await startHttpReceiver();
			smtp = await startSmtpReceiver();
			llm = await startFakeOpenAi({
				toolPattern: /validate/i,
				args: { orderId: AGENT_ORDER },
				final: (toolResult) => `E2E-AGENT-ANSWER ${toolResult}`,
			});
			const openAiCred = openAiCredential({ id: makeId('llm'), url: llm.url });
			const norceCred = norceCredential({
				id: makeId('credex'),
				name: 'Norce Checkout account',
				sandbox: ctx.sandbox,
			});
			const smtpCred = smtpCredential({ id: makeId('smtp'), smtp });
			wf.slack = reconciliationSlack({ norceCred, slackUrl: slack.url });
			wf.email = reconciliationEmail({ norceCred, smtpCred });
			wf.fixRef = prepareExample(readExample('fix-order-reference.json'), {
				credentials: { norceApi: norceCred },
			});
			// imported as is (Chat Trigger, OpenAI model): no OpenAI credential exists in this n8n
			wf.ai = prepareExample(readExample('ai-agent-order-assistant.json'), {
				credentials: { norceApi: norceCred },
			});
			wf.scheduleAsIs = prepareExample(readExample('nightly-reconciliation-slack.json'), {
				credentials: { norceApi: norceCred },
			});
			wf.aiRun = aiAgentRunnable({
				norceCred,
				openAiCred,
				prompt: `Is Norce order ${AGENT_ORDER} valid?`,
			});
			await ctx.n8n.importCredentials([norceCred, smtpCred, openAiCred]);
			await ctx.n8n.importWorkflows(Object.values(wf));
			// all runnable examples in one n8n process (the AI agent one needs an LLM: import only)
			results = await ctx.n8n.executeMany([
				wf.slack.id,
				wf.email.id,
				wf.fixRef.id,
				wf.scheduleAsIs.id,
				wf.aiRun.id,
			]);
		});
		after(async () => {
			await slack?.close();
			await smtp?.close();
			await llm?.close();
			await ctx?.close();
		});

		it('nightly reconciliation (Slack webhook): alerts exactly the failing orders', async () => {
			const { checked, failing } = expectedReconciliation(ctx.sandbox);
			assert.ok(
				failing.length >= 1 && checked.length > failing.length,
				'sandbox has both valid and failing orders',
			);
			const r = results.get(wf.slack.id);
			assert.equal(r.ok, true, r.describe());
			assert.equal(successItems(r.data, RECON_GET_NODE).length, checked.length);
			const summaries = successItems(r.data, RECON_VALIDATE_NODE).map((i) => i.json);
			assert.deepEqual(summaries.map((s) => s.orderId).sort(), checked.map((o) => o.id).sort());
			assert.deepEqual(
				outputItems(r.data, RECON_IF_NODE, 0)
					.map((i) => i.json.orderId)
					.sort(),
				failing.map((o) => o.id).sort(),
			);
			assert.equal(slack.received.length, failing.length);
			const alerted = slack.received.map((m) => {
				assert.equal(m.method, 'POST');
				assert.equal(typeof m.json?.text, 'string');
				return failing.find((o) => m.json.text.includes(o.id))?.id;
			});
			assert.deepEqual(alerted.sort(), failing.map((o) => o.id).sort());
			for (const m of slack.received) {
				const order = failing.find((o) => m.json.text.includes(o.id));
				for (const v of order.validation.results)
					assert.ok(m.json.text.includes(`${v.code} (${v.adapterId})`), m.json.text);
			}
		});

		it('nightly reconciliation (email): one mail per failing order via SMTP', async () => {
			const { failing } = expectedReconciliation(ctx.sandbox);
			const r = results.get(wf.email.id);
			assert.equal(r.ok, true, r.describe());
			assert.equal(smtp.messages.length, failing.length);
			for (const m of smtp.messages) {
				assert.deepEqual(m.to, ['ops@example.com']);
				assert.equal(m.from, 'norce-alerts@example.com');
			}
			const mailed = smtp.messages.map((m) => failing.find((o) => m.subject.includes(o.id))?.id);
			assert.deepEqual(mailed.sort(), failing.map((o) => o.id).sort());
			for (const m of smtp.messages) {
				const order = failing.find((o) => m.subject.includes(o.id));
				for (const v of order.validation.results) assert.ok(m.text.includes(v.code), m.text);
			}
		});

		it('the unmodified Schedule Trigger workflow: what `n8n execute` does with it', async (t) => {
			const r = results.get(wf.scheduleAsIs.id);
			const out = `${r.stdout}\n${r.stderr}`;
			t.diagnostic(
				`exit ${r.code}; ${(out.match(/Missing node to start execution[^\n]*/) ?? ['(no "Missing node" message)'])[0]}`,
			);
			// Known 2.x behaviour: only Manual / Execute Workflow triggers are CLI start nodes.
			assert.equal(r.ok, false);
			assert.match(out, /Missing node to start execution/);
		});

		it('fix a reference: Update Reference → Get order confirms it', async () => {
			const r = results.get(wf.fixRef.id);
			assert.equal(r.ok, true, r.describe());
			const [updated] = successItems(r.data, 'Update reference').map((i) => i.json);
			assert.equal(updated.orderId, DEMO.validOrderId);
			const [order] = successItems(r.data, 'Get order to confirm').map((i) => i.json);
			assert.equal(order.id, DEMO.validOrderId);
			assert.equal(order.reference, 'ERP-100234');
			assert.equal(ctx.sandbox.orders.get(DEMO.validOrderId).reference, 'ERP-100234');
		});

		it('AI agent example: the agent calls the Norce tool (stand-in LLM on 127.0.0.1)', (t) => {
			const r = results.get(wf.aiRun.id);
			assert.equal(r.ok, true, r.describe());
			// the LLM was asked with both Norce tools offered, then got the tool result back
			const offered = (llm.requests[0]?.json.tools ?? []).map((t) => t.function.name);
			assert.equal(offered.length, 2, JSON.stringify(offered));
			t.diagnostic(
				`tools offered to the LLM: ${offered.join(', ')}; streaming: ${llm.requests[0]?.json.stream === true}`,
			);
			const validateCalls = ctx.sandbox.requests.filter(
				(q) => q.method === 'POST' && q.path.endsWith(`/${AGENT_ORDER}/validate`),
			);
			assert.equal(validateCalls.length, 1, 'the tool called Norce validate once');
			const toolRun = r.data.data.resultData.runData['Validate Norce order'];
			assert.ok(toolRun?.length >= 1, 'the tool node ran');
			const answer = JSON.stringify(successItems(r.data, 'AI Agent').map((i) => i.json));
			assert.match(answer, /E2E-AGENT-ANSWER/);
			for (const v of ctx.sandbox.orders.get(AGENT_ORDER).validation.results)
				assert.ok(answer.includes(v.code), answer);
		});

		it('AI agent example imports without any LLM credential (executing it needs one)', () => {
			// importWorkflows() in before() would have thrown otherwise; the tool node type is the
			// usableAsTool variant n8n derives from the node.
			assert.ok(
				wf.ai.nodes.some((n) => n.type === 'n8n-nodes-norce-checkout.norceCheckoutOrderTool'),
			);
		});
	});
}

export { SANDBOX_DATE_FROM };

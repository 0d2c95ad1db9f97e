// The workflows in examples/ imported and run inside a real n8n against the sandbox.
//
// The sandbox is seeded with its demo orders dated relative to this run (lib/examples.mjs
// relativeDemoOrders), so the nightly examples run with their own `$now` date filters: the only
// test-time rewrites are trigger → Manual Trigger, credentials, and the alert target.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	NIGHTLY,
	UNCHECKED_ORDER_ID,
	aiAgentRunnable,
	dropValidate,
	expectedNightly,
	nightlyEmail,
	nightlySlack,
	openAiCredential,
	relativeDemoOrders,
	smtpCredential,
	windowBounds,
} from './lib/examples.mjs';
import { startFakeOpenAi, startHttpReceiver, startSmtpReceiver } from './lib/receivers.mjs';
import { didRun, errorItems, jsonOf, outputItems, successItems } from './lib/rundata.mjs';
import { ORDERS_PATH, describeEachVersion, loadSandboxModule, startSuite } from './lib/suite.mjs';
import { makeId, norceCredential, prepareExample, readExample } from './lib/workflows.mjs';

const { DEMO } = loadSandboxModule();
// an order no other example touches (status checkout: not part of the nightly check)
const AGENT_ORDER = DEMO.threeFailuresOrderId;
const EXAMPLE_FILES = [
	NIGHTLY.slackFile,
	NIGHTLY.emailFile,
	'fix-order-reference.json',
	'ai-agent-order-assistant.json',
	'nightly-erp-export.json',
	'order-completed-slack.json',
	'order-placed-erp.json',
	'retry-failed-notifications.json',
];
const sortedIds = (list) => list.map((o) => o.id ?? o.orderId ?? o).sort();

/** Every string parameter of every node (recursively), with the node's name. */
function* stringParameters(wf) {
	function* walk(node, value) {
		if (typeof value === 'string') yield [node, value];
		else if (value && typeof value === 'object')
			for (const v of Object.values(value)) yield* walk(node, v);
	}
	for (const n of wf.nodes) yield* walk(n, n.parameters);
}

describe('examples/*.json are valid n8n workflows using the community node type', () => {
	for (const file of EXAMPLE_FILES) {
		it(file, () => {
			const wf = readExample(file);
			assert.ok(wf.name && Array.isArray(wf.nodes) && wf.connections);
			const norce = wf.nodes.filter((n) => n.type.startsWith('n8n-nodes-norce-checkout.'));
			assert.ok(norce.length > 0);
			for (const n of norce) {
				assert.match(
					n.type,
					/^n8n-nodes-norce-checkout\.norceCheckout(Order|OrderTool|Trigger|NotificationTrigger|OrderTrigger|TriggerOrder)$/,
				);
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
			// dates are relative to the run: no fixed date in any parameter
			for (const [n, v] of stringParameters(wf))
				assert.doesNotMatch(v, /\b(19|20)\d\d-[01]\d-[0-3]\d/, `fixed date in "${n.name}": ${v}`);
		});
	}

	it('nightly check: Schedule 02:00 in the time zone the workflow settings name', () => {
		for (const file of [NIGHTLY.slackFile, NIGHTLY.emailFile]) {
			const wf = readExample(file);
			const trigger = wf.nodes.find((n) => n.name === NIGHTLY.trigger);
			assert.equal(trigger.type, 'n8n-nodes-base.scheduleTrigger');
			// the name says 02:00 and the cron says 02:00
			assert.deepEqual(trigger.parameters.rule.interval, [
				{ field: 'cronExpression', expression: '0 2 * * *' },
			]);
			const tz = wf.settings.timezone;
			assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: tz }), tz);
			assert.ok(trigger.notes.includes(tz), 'the trigger says which time zone');
			const sticky = wf.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote');
			assert.ok(sticky.parameters.content.includes(tz), 'the sticky note says which time zone');
		}
	});

	it('nightly check: the window and the older orders meet at one relative boundary', () => {
		const wf = readExample(NIGHTLY.slackFile);
		const recent = wf.nodes.find((n) => n.name === NIGHTLY.recent).parameters;
		const older = wf.nodes.find((n) => n.name === NIGHTLY.older).parameters;
		for (const p of [recent, older]) {
			assert.equal(p.operation, 'getMany');
			assert.equal(p.returnAll, true);
			assert.deepEqual(p.filters.status, ['processing']);
		}
		assert.match(
			recent.filters.dateFrom,
			/^=\{\{ \$now\..*minus\(\{ days: 1 \}\)\.toISO\(\) \}\}$/,
		);
		assert.equal(older.filters.dateTo, recent.filters.dateFrom);
		assert.equal(older.filters.dateFrom, undefined, 'no lower bound for the older orders');
		const dedupe = wf.nodes.find((n) => n.name === NIGHTLY.dedupe).parameters;
		assert.equal(dedupe.compare, 'selectedFields');
		assert.equal(dedupe.fieldsToCompare, 'id');
	});

	it('nightly check: both outputs of Validate go into the one digest', () => {
		const wf = readExample(NIGHTLY.slackFile);
		const validate = wf.nodes.find((n) => n.name === NIGHTLY.validate);
		assert.equal(validate.parameters.operation, 'validate');
		assert.equal(validate.parameters.output, 'summary');
		assert.equal(validate.onError, 'continueErrorOutput');
		assert.deepEqual(wf.connections[NIGHTLY.validate].main, [
			[{ node: NIGHTLY.collect, type: 'main', index: 0 }],
			[{ node: NIGHTLY.collect, type: 'main', index: 1 }],
		]);
		assert.deepEqual(wf.connections[NIGHTLY.collect].main, [
			[{ node: NIGHTLY.digest, type: 'main', index: 0 }],
		]);
		// one sending node, only on the IF's true branch
		assert.deepEqual(wf.connections[NIGHTLY.attention].main, [
			[{ node: NIGHTLY.sendSlack, type: 'main', index: 0 }],
			[],
		]);
	});

	it('nightly check: the Slack and email variants differ only in how the digest is sent', () => {
		const shape = (file, send) => {
			const wf = readExample(file);
			const nodes = wf.nodes
				.filter((n) => n.name !== send && n.type !== 'n8n-nodes-base.stickyNote')
				.map(({ id, ...n }) => n)
				.sort((a, b) => a.name.localeCompare(b.name));
			const connections = JSON.parse(JSON.stringify(wf.connections).replaceAll(send, 'SEND'));
			return { nodes, connections, settings: wf.settings };
		};
		assert.deepEqual(
			shape(NIGHTLY.emailFile, NIGHTLY.sendEmail),
			shape(NIGHTLY.slackFile, NIGHTLY.sendSlack),
		);
	});
});

describeEachVersion('examples', (entry) => {
	let ctx;
	let slack;
	let smtp;
	let llm;
	let seededAt;
	let ranFrom;
	let ranTo;
	const wf = {};
	const url = {};
	let results;

	before(async () => {
		seededAt = Date.now();
		ctx = await startSuite(entry, 'examples', {
			sandboxOptions: { orders: relativeDemoOrders({ now: seededAt }) },
		});
		// every validate of this order loses its connection (Validate never repeats it)
		ctx.sandbox.addFault(dropValidate(UNCHECKED_ORDER_ID));
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
		// channel "no": one processing order, valid → a quiet night
		const quietCred = norceCredential({
			id: makeId('credno'),
			name: 'Norce Checkout account (no)',
			sandbox: ctx.sandbox,
			channel: 'no',
		});
		const smtpCred = smtpCredential({ id: makeId('smtp'), smtp });
		for (const k of ['nightly', 'quiet', 'overlap']) url[k] = `${slack.url}-${k}`;
		wf.slack = nightlySlack({ norceCred, slackUrl: url.nightly });
		wf.email = nightlyEmail({ norceCred, smtpCred });
		wf.slackQuiet = nightlySlack({ norceCred: quietCred, slackUrl: url.quiet });
		wf.emailQuiet = nightlyEmail({
			norceCred: quietCred,
			smtpCred,
			toEmail: 'quiet@example.com',
		});
		// both lists overlap (the window reaches back to 2000): the duplicates must go
		wf.overlap = nightlySlack({
			norceCred,
			slackUrl: url.overlap,
			recentFrom: '2000-01-01T00:00:00.000Z',
		});
		wf.fixRef = prepareExample(readExample('fix-order-reference.json'), {
			credentials: { norceApi: norceCred },
		});
		// imported as is (Chat Trigger, OpenAI model): no OpenAI credential exists in this n8n
		wf.ai = prepareExample(readExample('ai-agent-order-assistant.json'), {
			credentials: { norceApi: norceCred },
		});
		wf.scheduleAsIs = prepareExample(readExample(NIGHTLY.slackFile), {
			credentials: { norceApi: norceCred },
		});
		wf.aiRun = aiAgentRunnable({
			norceCred,
			openAiCred,
			prompt: `Is Norce order ${AGENT_ORDER} valid?`,
		});
		await ctx.n8n.importCredentials([norceCred, quietCred, smtpCred, openAiCred]);
		await ctx.n8n.importWorkflows(Object.values(wf));
		// all runnable examples in one n8n process (the AI agent one needs an LLM: import only)
		ranFrom = Date.now();
		results = await ctx.n8n.executeMany([
			wf.slack.id,
			wf.email.id,
			wf.slackQuiet.id,
			wf.emailQuiet.id,
			wf.overlap.id,
			wf.fixRef.id,
			wf.scheduleAsIs.id,
			wf.aiRun.id,
		]);
		ranTo = Date.now();
	});
	after(async () => {
		await slack?.close();
		await smtp?.close();
		await llm?.close();
		await ctx?.close();
	});

	const expected = () => expectedNightly(ctx.sandbox, { seededAt });
	const received = (k) => slack.received.filter((m) => m.url === new URL(url[k]).pathname);

	/** The checks every nightly run over channel se shares; returns the digest item. */
	function checkNightlyRun(r) {
		const e = expected();
		assert.ok(
			e.recent.length >= 1 && e.older.length >= 1 && e.problems.length >= 1,
			'the sandbox has recent and older processing orders, and one with problems',
		);
		assert.ok(
			e.problems.some((o) => e.older.includes(o)),
			'an order with problems was created before the window (it failed on an earlier night)',
		);
		assert.equal(r.ok, true, r.describe());
		// the window, and the older orders still processing
		assert.deepEqual(sortedIds(jsonOf(successItems(r.data, NIGHTLY.older))), sortedIds(e.older));
		// Validate: a summary for every order it could check, the dropped one on the error output
		const summaries = jsonOf(successItems(r.data, NIGHTLY.validate));
		assert.deepEqual(sortedIds(summaries), sortedIds(e.checked));
		const failed = jsonOf(errorItems(r.data, NIGHTLY.validate));
		assert.deepEqual(sortedIds(failed), [UNCHECKED_ORDER_ID]);
		assert.match(failed[0].error, /connection was reset/);
		assert.match(failed[0].message, /not retried after a connection failure/);
		// …and the run went on: one digest item from both outputs
		const digests = jsonOf(successItems(r.data, NIGHTLY.digest));
		assert.equal(digests.length, 1);
		const [d] = digests;
		assert.deepEqual(d.counts, {
			orders: e.all.length,
			checked: e.checked.length,
			valid: e.valid.length,
			withProblems: e.problems.length,
			couldNotBeChecked: 1,
		});
		assert.equal(d.needsAttention, true);
		assert.deepEqual(sortedIds(d.problems), sortedIds(e.problems));
		for (const p of d.problems) {
			const order = e.problems.find((o) => o.id === p.orderId);
			assert.deepEqual(
				p.validations,
				order.validation.results.map((v) => ({ code: v.code, adapterId: v.adapterId })),
			);
		}
		assert.deepEqual(
			d.unchecked.map((u) => u.orderId),
			[UNCHECKED_ORDER_ID],
		);
		assert.match(d.unchecked[0].error, /connection was reset/);
		return { d, e };
	}

	/** The digest text as a person reads it: counts, problem orders with codes, unchecked orders. */
	function checkDigestText(text, e) {
		assert.ok(
			text.includes(
				`${e.all.length} orders in processing: ${e.checked.length} checked (${e.valid.length} valid, ${e.problems.length} with problems), 1 could not be checked.`,
			),
			text,
		);
		const [withProblems, unchecked] = [
			text.slice(text.indexOf('With problems:'), text.indexOf('Could not be checked')),
			text.slice(text.indexOf('Could not be checked')),
		];
		for (const o of e.problems) {
			assert.ok(withProblems.includes(o.id), text);
			for (const v of o.validation.results)
				assert.ok(withProblems.includes(`${v.code} (${v.adapterId})`), text);
			if (e.older.includes(o)) assert.match(withProblems, /from an earlier night/);
		}
		for (const o of e.valid) assert.ok(!text.includes(o.id), `valid order ${o.id} listed`);
		assert.ok(unchecked.includes(UNCHECKED_ORDER_ID), text);
		assert.match(unchecked, /connection was reset/);
	}

	it('nightly check (Slack): exactly one digest for the run, at the webhook', () => {
		const r = results.get(wf.slack.id);
		const { d, e } = checkNightlyRun(r);
		assert.deepEqual(
			sortedIds(jsonOf(successItems(r.data, NIGHTLY.recent))),
			sortedIds(e.recent),
			'the window holds the orders created in the last day',
		);
		const messages = received('nightly');
		assert.equal(messages.length, 1, 'one Slack message per run');
		assert.equal(messages[0].method, 'POST');
		assert.equal(messages[0].json.text, d.text);
		checkDigestText(messages[0].json.text, e);
	});

	it('nightly check (email): exactly one mail for the run, via SMTP', () => {
		const r = results.get(wf.email.id);
		const { d, e } = checkNightlyRun(r);
		const mails = smtp.messages.filter((m) => m.to.includes('ops@example.com'));
		assert.equal(mails.length, 1, 'one mail per run');
		assert.equal(mails[0].from, 'norce-alerts@example.com');
		assert.equal(mails[0].subject, d.subject);
		assert.match(d.subject, /1 order with problems, 1 order could not be checked/);
		checkDigestText(mails[0].text.replace(/\r\n/g, '\n'), e);
	});

	it('nightly check: the date filters are relative to the run and meet at the hour', () => {
		const lists = ctx.sandbox.requests.filter((q) => q.method === 'GET' && q.path === ORDERS_PATH);
		const bounds = lists
			.flatMap((q) => [q.query.date_from, q.query.date_to])
			.filter((v) => v !== undefined && !v.startsWith('2000-'));
		// slack, email, 2 quiet runs: date_from and date_to each; overlap: date_to
		assert.ok(bounds.length >= 9, JSON.stringify(bounds));
		const { earliest, latest } = windowBounds({ from: ranFrom, to: ranTo });
		for (const b of bounds) {
			const t = Date.parse(b);
			assert.ok(t >= earliest && t <= latest, `${b} is about a day before the run`);
			assert.equal(t % 3_600_000, 0, `${b} is on the hour`);
		}
	});

	it('a quiet night (every order valid) sends nothing, with either variant', () => {
		const quiet = expectedNightly(ctx.sandbox, { seededAt, channel: 'no' });
		assert.ok(quiet.all.length >= 1 && quiet.problems.length === 0);
		assert.equal(quiet.older.length, 0, 'one order list is empty: the merge runs without it');
		for (const [id, send] of [
			[wf.slackQuiet.id, NIGHTLY.sendSlack],
			[wf.emailQuiet.id, NIGHTLY.sendEmail],
		]) {
			const r = results.get(id);
			assert.equal(r.ok, true, r.describe());
			const [d] = jsonOf(successItems(r.data, NIGHTLY.digest));
			assert.equal(d.needsAttention, false);
			assert.deepEqual(d.counts, {
				orders: quiet.all.length,
				checked: quiet.all.length,
				valid: quiet.all.length,
				withProblems: 0,
				couldNotBeChecked: 0,
			});
			assert.equal(outputItems(r.data, NIGHTLY.attention, 0).length, 0);
			assert.equal(didRun(r.data, send), false, `${send} did not run`);
		}
		assert.equal(received('quiet').length, 0);
		assert.equal(smtp.messages.filter((m) => m.to.includes('quiet@example.com')).length, 0);
	});

	it('orders in both lists are validated once', () => {
		const e = expected();
		const r = results.get(wf.overlap.id);
		assert.equal(r.ok, true, r.describe());
		const combined = successItems(r.data, NIGHTLY.combine).length;
		assert.equal(combined, e.all.length + e.older.length, 'the older orders are in both lists');
		assert.deepEqual(sortedIds(jsonOf(successItems(r.data, NIGHTLY.dedupe))), sortedIds(e.all));
		const [d] = jsonOf(successItems(r.data, NIGHTLY.digest));
		assert.equal(d.counts.orders, e.all.length);
		assert.equal(received('overlap').length, 1);
	});

	it('Validate is sent once per run for the order whose connection drops, never repeated', () => {
		const calls = ctx.sandbox.requests.filter(
			(q) => q.method === 'POST' && q.path === `${ORDERS_PATH}/${UNCHECKED_ORDER_ID}/validate`,
		);
		// the Slack, email and overlap runs check channel se; each sent it exactly once
		assert.equal(calls.length, 3);
		assert.ok(
			calls.every((q) => q.status === 0),
			'each was dropped',
		);
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

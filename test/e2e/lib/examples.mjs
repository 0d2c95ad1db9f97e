// Turning the examples/ workflows into runnable test copies (shared by examples.test.mjs,
// demo.mjs and dev.mjs), and what the nightly order check should find in the sandbox.
import { createRequire } from 'node:module';
import { prepareExample, readExample } from './workflows.mjs';

const require = createRequire(import.meta.url);

/** Node names of the nightly order check (examples/nightly-reconciliation-*.json). */
export const NIGHTLY = Object.freeze({
	slackFile: 'nightly-reconciliation-slack.json',
	emailFile: 'nightly-reconciliation-email.json',
	trigger: 'Every night at 02:00',
	recent: 'Get processing orders created in the last day',
	older: 'Get older orders still processing',
	combine: 'Combine both order lists',
	dedupe: 'Remove orders listed twice',
	validate: 'Validate each order',
	collect: 'Collect checked and unchecked orders',
	digest: 'Build one digest for the run',
	attention: 'Any problems or unchecked orders?',
	sendSlack: 'Send the digest to Slack',
	sendEmail: 'Email the digest',
});

// ---------------------------------------------------------------------------------------------
// Sandbox orders dated relative to the run.
//
// The sandbox's demo orders have fixed creation dates (April 2026, test/sandbox/orders.js), and
// the examples look back from `$now`. Instead of rewriting the examples' dates, the tests seed the
// sandbox (its `orders` option) with the demo orders moved in time: DEMO_NIGHT, a moment in the
// demo data, becomes "now"; every order keeps its distance to it. Dates after DEMO_NIGHT (two
// carts in status checkout, which no example lists, and a few status changes) become one minute
// before now instead of lying in the future.
//
// With DEMO_NIGHT = 2026-04-14 12:00Z, on channel se: 2 processing orders fall into the last day
// (3.8 h and 18.3 h old) and 5 are older (1.9–6.2 days; one of them fails validation), channel no
// has 1 (1.5 h old, valid). The nearest order is 3.5 h away from where the window can start
// (see windowBounds), so the split never depends on when the test runs.
// ---------------------------------------------------------------------------------------------

// DEMO_NIGHT and relativeDemoOrders live with the sandbox (test/sandbox/relative-dates.js): its
// `demoNow` option and CLI seed the same way.
const sandbox = require('../../sandbox');
export const DEMO_NIGHT = sandbox.DEMO_NIGHT;
export const relativeDemoOrders = (options) => sandbox.relativeDemoOrders(options);

/**
 * The window start the examples compute, `$now.startOf('hour').minus({ days: 1 })` in the
 * workflow's time zone, lies between these bounds for any run between `from` and `to` (a day is
 * 23–25 h around a DST change, and startOf('hour') takes up to one more hour).
 */
export function windowBounds({ from, to = from }) {
	return { earliest: from - 26 * 3_600_000, latest: to - 23 * 3_600_000 };
}

/** A processing, valid, older demo order on se: the tests drop the connection of its validate. */
export const UNCHECKED_ORDER_ID = 'o_avfZoDEULYnlzuOAXOAVuEUyrM';

/** Fault rule: every validate of `orderId` loses its connection (TCP reset, no answer). */
export const dropValidate = (orderId) => ({
	kind: 'drop',
	mode: 'reset',
	match: { operation: 'validate', orderId },
});

/**
 * What one run of the nightly order check should find on `channel`: processing orders created
 * in the last day (`recent`) and before it (`older`), those whose validate answers 400
 * (`problems`), and those whose validate is dropped (`unchecked`). `seededAt` is the `now` the
 * orders were dated with; throws if an order is close enough to the window start that the split
 * could depend on when the workflow runs.
 */
export function expectedNightly(
	sandbox,
	{ seededAt, channel = sandbox.channels[0], dropped = [UNCHECKED_ORDER_ID] } = {},
) {
	const { earliest, latest } = windowBounds({ from: seededAt, to: seededAt + 3_600_000 });
	const all = [...sandbox.orders.values()].filter(
		(o) => o.channel === channel && o.state.currentStatus === 'processing',
	);
	const recent = [];
	const older = [];
	for (const o of all) {
		const t = Date.parse(o.created);
		if (t > latest) recent.push(o);
		else if (t < earliest) older.push(o);
		else throw new Error(`order ${o.id} (created ${o.created}) is too close to the window start`);
	}
	const unchecked = all.filter((o) => dropped.includes(o.id));
	const checked = all.filter((o) => !dropped.includes(o.id));
	const problems = checked.filter((o) => o.validation?.status === 400);
	const valid = checked.filter((o) => o.validation?.status !== 400);
	return { all, recent, older, checked, problems, valid, unchecked };
}

// ---------------------------------------------------------------------------------------------
// Runnable copies of the examples
// ---------------------------------------------------------------------------------------------

/**
 * `n8n execute` only starts at a Manual Trigger (or Execute Workflow Trigger): n8n's
 * findCliWorkflowStart ignores Schedule Triggers ("Missing node to start execution").
 * The test copy swaps the Schedule Trigger for a Manual Trigger with the same name, so the
 * connections stay untouched.
 */
export function scheduleToManual(wf) {
	for (const n of wf.nodes) {
		if (n.type === 'n8n-nodes-base.scheduleTrigger') {
			n.type = 'n8n-nodes-base.manualTrigger';
			n.typeVersion = 1;
			n.parameters = {};
		}
	}
	return wf;
}

/**
 * Test-time patches of the nightly check besides trigger, credentials and the alert target:
 * `recentFrom` replaces the window's Date From (e.g. a date long ago, so both order lists
 * overlap and "Remove orders listed twice" has work to do).
 */
function nightlyPatch({ recentFrom } = {}) {
	if (recentFrom === undefined) return {};
	return {
		[NIGHTLY.recent]: (p) => {
			p.filters.dateFrom = recentFrom;
		},
	};
}

/** Nightly order check, Slack variant, pointed at the sandbox and a local HTTP receiver. */
export function nightlySlack({ norceCred, slackUrl, recentFrom }) {
	return scheduleToManual(
		prepareExample(readExample(NIGHTLY.slackFile), {
			credentials: { norceApi: norceCred },
			patch: {
				...nightlyPatch({ recentFrom }),
				[NIGHTLY.sendSlack]: (p) => {
					p.url = slackUrl;
				},
			},
		}),
	);
}

/** Nightly order check, email variant, pointed at the sandbox and a local SMTP receiver. */
export function nightlyEmail({ norceCred, smtpCred, toEmail, recentFrom }) {
	return scheduleToManual(
		prepareExample(readExample(NIGHTLY.emailFile), {
			credentials: { norceApi: norceCred, smtp: smtpCred },
			patch: {
				...nightlyPatch({ recentFrom }),
				...(toEmail
					? {
							[NIGHTLY.sendEmail]: (p) => {
								p.toEmail = toEmail;
							},
						}
					: {}),
			},
		}),
	);
}

/** SMTP credential for the local receiver (no TLS, no auth). */
export function smtpCredential({ id, smtp }) {
	return {
		id,
		name: 'Local SMTP receiver',
		type: 'smtp',
		data: {
			user: '',
			password: '',
			host: smtp.host,
			port: smtp.port,
			secure: false,
			disableStartTls: true,
			hostName: 'e2e.local',
		},
	};
}

/** OpenAI credential pointing at the stand-in LLM (lib/receivers.mjs startFakeOpenAi). */
export function openAiCredential({ id, url }) {
	return {
		id,
		name: 'Stand-in LLM',
		type: 'openAiApi',
		data: { apiKey: 'sk-e2e-not-a-real-key', url: `${url}/v1` },
	};
}

/**
 * The AI agent example made runnable headless: the Chat Trigger becomes a Manual Trigger (same
 * name) and the agent gets a fixed prompt instead of the chat input.
 */
export function aiAgentRunnable({ norceCred, openAiCred, prompt }) {
	const wf = prepareExample(readExample('ai-agent-order-assistant.json'), {
		credentials: { norceApi: norceCred, openAiApi: openAiCred },
		patch: {
			'AI Agent': (p) => {
				p.promptType = 'define';
				p.text = prompt;
			},
		},
	});
	for (const n of wf.nodes) {
		if (n.type === '@n8n/n8n-nodes-langchain.chatTrigger') {
			n.type = 'n8n-nodes-base.manualTrigger';
			n.typeVersion = 1;
			n.parameters = {};
			delete n.webhookId;
		}
	}
	return wf;
}

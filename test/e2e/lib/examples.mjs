// Turning the examples/ workflows into runnable test copies (shared by examples.test.mjs and demo.mjs).
import { prepareExample, readExample } from './workflows.mjs';

/** The sandbox's demo orders were created in April 2026; "last 24 h" would find none of them. */
export const SANDBOX_DATE_FROM = '2026-04-01T00:00:00.000Z';

export const RECON_GET_NODE = 'Processing orders (last 24 h)';
export const RECON_VALIDATE_NODE = 'Validate order';
export const RECON_IF_NODE = 'Not valid?';

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

/** Nightly reconciliation, Slack variant, pointed at the sandbox and a local HTTP receiver. */
export function reconciliationSlack({ norceCred, slackUrl, dateFrom = SANDBOX_DATE_FROM }) {
	return scheduleToManual(
		prepareExample(readExample('nightly-reconciliation-slack.json'), {
			credentials: { norceApi: norceCred },
			patch: {
				[RECON_GET_NODE]: (p) => {
					p.filters.dateFrom = dateFrom;
				},
				'Alert Slack': (p) => {
					p.url = slackUrl;
				},
			},
		}),
	);
}

/** Nightly reconciliation, email variant, pointed at the sandbox and a local SMTP receiver. */
export function reconciliationEmail({ norceCred, smtpCred, dateFrom = SANDBOX_DATE_FROM }) {
	return scheduleToManual(
		prepareExample(readExample('nightly-reconciliation-email.json'), {
			credentials: { norceApi: norceCred, smtp: smtpCred },
			patch: {
				[RECON_GET_NODE]: (p) => {
					p.filters.dateFrom = dateFrom;
				},
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

/** What the reconciliation should flag: processing orders on the channel since dateFrom whose validate answers 400. */
export function expectedReconciliation(
	sandbox,
	{ channel = sandbox.channels[0], dateFrom = SANDBOX_DATE_FROM } = {},
) {
	const checked = [...sandbox.orders.values()].filter(
		(o) =>
			o.channel === channel &&
			o.state.currentStatus === 'processing' &&
			Date.parse(o.created) >= Date.parse(dateFrom),
	);
	const failing = checked.filter((o) => o.validation?.status === 400);
	return { checked, failing };
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

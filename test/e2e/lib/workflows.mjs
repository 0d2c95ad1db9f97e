// Builders for the workflows/credentials the E2E cases import into n8n.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CREDENTIAL_TYPE, NODE_TYPE } from './n8n.mjs';
import { REPO_ROOT } from './util.mjs';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** n8n ids: 16 alphanumerics, unique per run (no global state in the throw-away DB anyway). */
export function makeId(prefix = 'e2e') {
	const body = crypto
		.randomBytes(12)
		.toString('base64')
		.replace(/[^a-zA-Z0-9]/g, '');
	// ends in a digit: `n8n execute-batch --ids` silently drops ids without one (it filters on /\d+/)
	return (prefix + body).slice(0, 15).padEnd(15, 'x') + crypto.randomInt(10);
}

/** A norceApi credential (environment custom → sandbox baseUrl). */
export function norceCredential({
	id = makeId('cred'),
	name = 'Norce sandbox',
	sandbox,
	apiKey,
	merchant,
	channel,
}) {
	return {
		id,
		name,
		type: CREDENTIAL_TYPE,
		data: {
			environment: 'custom',
			slug: '',
			baseUrl: sandbox.baseUrl,
			merchant: merchant ?? sandbox.merchant,
			channel: channel ?? sandbox.channels[0],
			apiKey: apiKey ?? sandbox.apiKey,
		},
	};
}

let posX = 0;
/** A node of a workflow, placed one step right of the one made before. */
export function workflowNode(name, type, typeVersion, parameters = {}, extra = {}) {
	posX += 220;
	return {
		id: crypto.randomUUID(),
		name,
		type,
		typeVersion,
		position: [posX, 300],
		parameters,
		...extra,
	};
}

export const manualTrigger = (name = 'Start') =>
	workflowNode(name, 'n8n-nodes-base.manualTrigger', 1);

/** Emits one item per element of `items` (Set raw JSON → Split Out): no Code node, no task runner. */
export function itemsNodes(items, prefix = 'Input') {
	return [
		workflowNode(`${prefix} JSON`, 'n8n-nodes-base.set', 3.4, {
			mode: 'raw',
			jsonOutput: JSON.stringify({ items }),
			options: {},
		}),
		workflowNode(`${prefix} Items`, 'n8n-nodes-base.splitOut', 1, {
			fieldToSplitOut: 'items',
			options: {},
		}),
	];
}

export const noOp = (name) => workflowNode(name, 'n8n-nodes-base.noOp', 1);

/** An HTTP Request node POSTing each item's JSON to `url` (a local receiver). */
export function postEachItem(url, name = 'Post event') {
	return workflowNode(name, 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify($json) }}',
		options: {},
	});
}

/** A node's `credentials`: the Norce credential `credential`. */
const norceCredentialRef = (credential) => ({
	[CREDENTIAL_TYPE]: { id: credential.id, name: credential.name },
});

/** The node under test. `params` are the node parameters besides resource. */
export function norceNode(name, params, { credential, onError, extra = {} } = {}) {
	return workflowNode(
		name,
		NODE_TYPE,
		1,
		{ resource: 'order', ...params },
		{
			credentials: norceCredentialRef(credential),
			...(onError ? { onError } : {}),
			...extra,
		},
	);
}

/**
 * The workflow most cases run: Manual Trigger → (with `inputs`, one item per element) → one Norce
 * node named `nodeName` with `params` (besides resource) and `credential`.
 */
export function norceWorkflow({
	id,
	name,
	params,
	credential,
	inputs,
	onError,
	nodeName = 'Norce',
}) {
	return chainWorkflow({
		id,
		name,
		nodes: [
			manualTrigger(),
			...(inputs ? itemsNodes(inputs) : []),
			norceNode(nodeName, params, { credential, onError }),
		],
	});
}

/**
 * An active workflow (published, it runs on its own): a trigger of this package → an HTTP Request
 * POSTing each item to `url`. `trigger`: { name, type, parameters, webhookId (instant triggers) }.
 */
export function forwardingTriggerWorkflow({ name, trigger, credential, url }) {
	const triggerNode = workflowNode(trigger.name, trigger.type, 1, trigger.parameters, {
		...(trigger.webhookId ? { webhookId: trigger.webhookId } : {}),
		credentials: norceCredentialRef(credential),
	});
	return { ...chainWorkflow({ name, nodes: [triggerNode, postEachItem(url)] }), active: true };
}

/** Connects `from`'s output `output` to `to`'s (only) input in n8n's `connections` object. */
function connect(connections, from, to, output = 0) {
	const main = (connections[from] ??= { main: [] }).main;
	while (main.length <= output) main.push([]);
	main[output].push({ node: to, type: 'main', index: 0 });
}

/** n8n's `connections` from [from, to, output] links (output 0 when left out). */
export function connectionsOf(links) {
	const connections = {};
	for (const [from, to, output] of links) connect(connections, from, to, output);
	return connections;
}

/** A workflow as `n8n import:workflow` takes it, its nodes connected by [from, to, output] links. */
export function linkedWorkflow({ id = makeId('wf'), name, nodes, links }) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: connectionsOf(links),
		settings: { executionOrder: 'v1', saveManualExecutions: false },
		pinData: {},
	};
}

/** A workflow whose nodes run in sequence (output 0 → input 0). */
export function chainWorkflow({ id, name, nodes }) {
	const links = nodes.slice(1).map((next, i) => [nodes[i].name, next.name]);
	return linkedWorkflow({ id, name, nodes, links });
}

/** Append a node to a workflow, connected from `from` output `output`. */
export function attach(workflow, from, newNode, output = 0) {
	workflow.nodes.push(newNode);
	connect(workflow.connections, from, newNode.name, output);
	return workflow;
}

// ---------------------------------------------------------------------------------------------
// Examples (examples/*.json): load and point at the sandbox / local receivers.

export function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/**
 * Copy of an example for a test run: fresh id, every credential reference of `type` replaced by
 * `credential` (id + name), optional per-node parameter patches { [nodeName]: (params) => void }.
 */
export function prepareExample(example, { credentials = {}, patch = {}, id = makeId('ex') } = {}) {
	const wf = structuredClone(example);
	wf.id = id;
	wf.active = false;
	for (const n of wf.nodes) {
		for (const [type, cred] of Object.entries(credentials)) {
			if (n.credentials?.[type]) n.credentials[type] = { id: cred.id, name: cred.name };
		}
		if (patch[n.name]) patch[n.name](n.parameters, n);
	}
	return wf;
}

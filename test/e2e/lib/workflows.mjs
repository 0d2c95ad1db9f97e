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
function node(name, type, typeVersion, parameters = {}, extra = {}) {
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

export const manualTrigger = (name = 'Start') => node(name, 'n8n-nodes-base.manualTrigger', 1);

/** Emits one item per element of `items` (Set raw JSON → Split Out): no Code node, no task runner. */
export function itemsNodes(items, prefix = 'Input') {
	return [
		node(`${prefix} JSON`, 'n8n-nodes-base.set', 3.4, {
			mode: 'raw',
			jsonOutput: JSON.stringify({ items }),
			options: {},
		}),
		node(`${prefix} Items`, 'n8n-nodes-base.splitOut', 1, {
			fieldToSplitOut: 'items',
			options: {},
		}),
	];
}

export const noOp = (name) => node(name, 'n8n-nodes-base.noOp', 1);

/** An HTTP Request node POSTing each item's JSON to `url` (a local receiver). */
export function postEachItem(url, name = 'Post event') {
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify($json) }}',
		options: {},
	});
}

/** The node under test. `params` are the node parameters besides resource. */
export function norceNode(name, params, { credential, onError, extra = {} } = {}) {
	return node(
		name,
		NODE_TYPE,
		1,
		{ resource: 'order', ...params },
		{
			credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			...(onError ? { onError } : {}),
			...extra,
		},
	);
}

/**
 * A workflow whose nodes run in sequence (output 0 → input 0), plus optional extra connections
 * [{ from, to, output }].
 */
export function chainWorkflow({ id = makeId('wf'), name, nodes, extraConnections = [] }) {
	const connections = {};
	const add = (from, to, output = 0) => {
		connections[from] ??= { main: [] };
		while (connections[from].main.length <= output) connections[from].main.push([]);
		connections[from].main[output].push({ node: to, type: 'main', index: 0 });
	};
	for (let i = 0; i < nodes.length - 1; i++) add(nodes[i].name, nodes[i + 1].name);
	for (const c of extraConnections) add(c.from, c.to, c.output ?? 0);
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', saveManualExecutions: false },
		pinData: {},
	};
}

/** Append a node to a workflow, connected from `from` output `output`. */
export function attach(workflow, from, newNode, output = 0) {
	workflow.nodes.push(newNode);
	workflow.connections[from] ??= { main: [] };
	const main = workflow.connections[from].main;
	while (main.length <= output) main.push([]);
	main[output].push({ node: newNode.name, type: 'main', index: 0 });
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

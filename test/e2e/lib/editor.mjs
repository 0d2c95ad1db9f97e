// The n8n editor for people and browsers: a known owner login, the sandbox credential and the
// examples created through the editor's own REST API (shared by test/ui and test/e2e/dev.mjs).
// Endpoints (same in n8n 2.8.4 and 2.41.1): POST /rest/owner/setup, POST /rest/login
// ({emailOrLdapLoginId, password}), GET/POST /rest/credentials, PATCH /rest/credentials/:id,
// GET/POST /rest/workflows.
import fs from 'node:fs';
import path from 'node:path';
import { CREDENTIAL_TYPE } from './n8n.mjs';
import { RestClient } from './server.mjs';
import { EXAMPLES_DIR, norceCredential, prepareExample, readExample } from './workflows.mjs';
import { scheduleToManual } from './examples.mjs';

/** The owner account of the editor instances started by test/ui and `npm run dev` (local only). */
export const EDITOR_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'Norce',
	lastName: 'Developer',
	password: 'Norce-Dev-Passw0rd',
});

export const SANDBOX_CREDENTIAL_NAME = 'Norce sandbox (local)';

/**
 * Make `client` signed in as EDITOR_OWNER: set the owner up on a fresh instance, else log in
 * (a persistent user folder already has it). Returns 'setup' or 'login'.
 */
export async function ownerSession(client, owner = EDITOR_OWNER) {
	const settings = await client.rest('GET', '/settings');
	if (settings?.userManagement?.showSetupOnFirstLoad) {
		await client.rest('POST', '/owner/setup', owner);
		return 'setup';
	}
	const r = await client.request('POST', '/rest/login', {
		emailOrLdapLoginId: owner.email,
		password: owner.password,
	});
	if (r.status >= 400)
		throw new Error(
			`cannot log in as ${owner.email} (HTTP ${r.status}: ${r.text.slice(0, 200)}). The user folder has another owner; remove it to start over.`,
		);
	return 'login';
}

/**
 * The sandbox credential (environment custom → sandbox.baseUrl), created or, if one with this
 * name exists (persistent user folder), updated to the current sandbox (its port changes).
 * Returns { id, name, type }.
 */
export async function ensureSandboxCredential(client, sandbox, name = SANDBOX_CREDENTIAL_NAME) {
	const { data, type } = norceCredential({ id: 'unused', name, sandbox });
	const list = (await client.rest('GET', '/credentials')) ?? [];
	const existing = list.find((c) => c.name === name && c.type === type);
	if (existing) {
		await client.rest('PATCH', `/credentials/${existing.id}`, { name, type, data });
		return { id: existing.id, name, type };
	}
	const created = await client.rest('POST', '/credentials', { name, type, data });
	return { id: created.id, name, type };
}

/** Create a workflow through the editor API; `wf` is workflow JSON (its id is not kept). */
export async function createWorkflow(client, wf) {
	const { id, active, versionId, ...rest } = wf;
	const body = {
		name: rest.name,
		nodes: rest.nodes,
		connections: rest.connections ?? {},
		settings: rest.settings ?? { executionOrder: 'v1' },
		pinData: rest.pinData ?? {},
		...(rest.meta ? { meta: rest.meta } : {}),
	};
	return client.rest('POST', '/workflows', body);
}

/**
 * examples/*.json pointed at the sandbox credential, as the e2e examples helper does
 * (credential references rewritten; `dateFrom` → e.g. the sandbox's April 2026 data;
 * `manualTrigger` swaps Schedule Triggers for Manual Triggers). Only examples whose name is not
 * there yet are created (a persistent user folder keeps the user's edits). Returns the names created.
 */
export async function importExamples(client, credential, { dateFrom, manualTrigger = false } = {}) {
	const files = fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
	const existing = new Set(((await client.rest('GET', '/workflows')) ?? []).map((w) => w.name));
	const created = [];
	for (const file of files) {
		const example = readExample(file);
		if (!Array.isArray(example.nodes) || existing.has(example.name)) continue;
		const wf = prepareExample(example, {
			credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
		});
		if (dateFrom)
			for (const n of wf.nodes)
				if (n.parameters?.filters?.dateFrom !== undefined) n.parameters.filters.dateFrom = dateFrom;
		if (manualTrigger) scheduleToManual(wf);
		await createWorkflow(client, wf);
		created.push(`${wf.name} (${path.basename(file)})`);
	}
	return created;
}

export { RestClient };

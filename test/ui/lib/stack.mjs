// What the browser test runs against: the Norce sandbox and a real `n8n start` (throw-away user
// folder, the packed package installed like the Community Nodes screen does, owner set up, a
// sandbox credential and one workflow using it). Built on the e2e harness (test/e2e/lib).
import { createRequire } from 'node:module';
import {
	EDITOR_OWNER,
	RestClient,
	createWorkflow,
	ensureSandboxCredential,
	ownerSession,
} from '../../e2e/lib/editor.mjs';
import { ensureN8n } from '../../e2e/lib/install.mjs';
import { N8nInstance } from '../../e2e/lib/n8n.mjs';
import { getTarball } from '../../e2e/lib/package.mjs';
import { N8nServer } from '../../e2e/lib/server.mjs';
import { chainWorkflow, manualTrigger } from '../../e2e/lib/workflows.mjs';

const require = createRequire(import.meta.url);

export const UI_WORKFLOW_NAME = 'UI test: Norce sandbox';

/**
 * Start sandbox + n8n `entry` ({n8n, node}). Resolves with { info, close() } where `info` is
 * plain JSON for the test process (UI_STACK): baseUrl, owner, workflow, credential, DEMO ids.
 */
export async function startUiStack(entry) {
	const { startSandbox, DEMO } = require('../../sandbox');
	const ctx = {};
	const close = async () => {
		await ctx.server?.stop().catch(() => {});
		await ctx.n8n?.cleanup().catch(() => {});
		await ctx.sandbox?.close().catch(() => {});
	};
	try {
		// demo orders dated relative to now: a trigger's test run has recent status changes to show
		ctx.sandbox = await startSandbox({ port: 0, latencyMs: 0, demoNow: Date.now() });
		const install = await ensureN8n(entry);
		ctx.n8n = await new N8nInstance(install, 'ui').init({ tarball: await getTarball() });
		ctx.server = await new N8nServer(ctx.n8n).start({ timeoutMs: 180_000 });
		const client = new RestClient(ctx.server.baseUrl);
		await ownerSession(client);
		const credential = await ensureSandboxCredential(client, ctx.sandbox);
		// An empty canvas with one trigger: the test adds the Norce node itself.
		const wf = chainWorkflow({
			name: UI_WORKFLOW_NAME,
			nodes: [manualTrigger('When clicking ‘Execute workflow’')],
		});
		const created = await createWorkflow(client, wf);
		return {
			info: {
				n8nVersion: install.n8nVersion,
				label: install.label,
				baseUrl: ctx.server.baseUrl,
				owner: EDITOR_OWNER,
				workflowId: created.id,
				workflowName: UI_WORKFLOW_NAME,
				credential,
				sandbox: {
					baseUrl: ctx.sandbox.baseUrl,
					merchant: ctx.sandbox.merchant,
					channel: ctx.sandbox.channels[0],
				},
				demo: { ...DEMO },
				serverStartMs: ctx.server.startMs,
			},
			sandbox: ctx.sandbox,
			close,
		};
	} catch (e) {
		await close();
		throw e;
	}
}

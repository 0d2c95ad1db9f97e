#!/usr/bin/env node
// Measures the ways of running N workflows in a real n8n (numbers go into README.md):
//   A. `n8n execute --id` once per workflow      (what the suites use)
//   B. `n8n execute-batch --ids=a,b,c` (one process for all)
//   C. server mode: `n8n start` once + webhook-triggered workflows, one HTTP call each
//
//   node test/e2e/bench.mjs [--version=2.8.4] [--n=6]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { ensureN8n, resolveMatrix } from './lib/install.mjs';
import { N8nInstance } from './lib/n8n.mjs';
import { getTarball } from './lib/package.mjs';
import { N8nServer } from './lib/server.mjs';
import { fmtMs, runMain, waitFor } from './lib/util.mjs';
import {
	chainWorkflow,
	makeId,
	norceCredential,
	norceNode,
	norceWorkflow,
} from './lib/workflows.mjs';

const require = createRequire(import.meta.url);
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const N = Number(args.n ?? 6);

async function main() {
	const entry = resolveMatrix(args.version)[0];
	const install = await ensureN8n(entry);
	const tarball = await getTarball();
	const { startSandbox, DEMO } = require('../sandbox');
	const sandbox = await startSandbox({ port: 0 });
	const n8n = await new N8nInstance(install, 'bench').init({ tarball });
	const out = { n8n: entry.n8n, node: install.node.version, n: N };
	try {
		const cred = norceCredential({ id: makeId('bench'), sandbox });
		const params = { operation: 'get', orderId: DEMO.validOrderId, options: {} };
		const manual = Array.from({ length: N }, (_, i) =>
			norceWorkflow({
				id: `1${String(i).padStart(15, '0')}`,
				name: `bench manual ${i}`,
				params,
				credential: cred,
			}),
		);
		const hooks = Array.from({ length: N }, (_, i) => {
			const webhookId = crypto.randomUUID();
			const wh = {
				id: crypto.randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: {
					httpMethod: 'POST',
					path: `bench-${i}`,
					responseMode: 'lastNode',
					options: {},
				},
			};
			return chainWorkflow({
				id: `2${String(i).padStart(15, '0')}`,
				name: `bench webhook ${i}`,
				nodes: [wh, norceNode('Norce', params, { credential: cred })],
			});
		});
		let t = Date.now();
		await n8n.importCredentials([cred]);
		out.importCredentialsMs = Date.now() - t;
		t = Date.now();
		await n8n.importWorkflows([...manual, ...hooks]);
		out.importWorkflowsMs = Date.now() - t;
		out.importedWorkflows = manual.length + hooks.length;

		// A
		t = Date.now();
		for (const w of manual) {
			const r = await n8n.execute(w.id);
			if (!r.ok) throw new Error(`execute failed: ${r.describe()}`);
		}
		out.executePerWorkflowMs = Math.round((Date.now() - t) / N);

		// B
		const snap = fs.mkdtempSync(path.join(n8n.userFolder, 'snap-'));
		const outFile = path.join(n8n.userFolder, 'batch.json');
		t = Date.now();
		const b = await n8n.cli(
			[
				'execute-batch',
				`--ids=${manual.map((w) => w.id).join(',')}`,
				`--snapshot=${snap}`,
				`--output=${outFile}`,
			],
			{
				label: 'execute-batch',
				timeoutMs: 600_000,
			},
		);
		out.executeBatchTotalMs = Date.now() - t;
		out.executeBatchExit = b.code;
		out.executeBatchSnapshots = fs.readdirSync(snap).length;

		// C
		await n8n.publishWorkflows(hooks);
		t = Date.now();
		const server = await new N8nServer(n8n).start();
		out.serverStartMs = Date.now() - t;
		try {
			await waitFor(
				async () =>
					(await fetch(`${server.baseUrl}/webhook/bench-0`, { method: 'POST' })).status === 200,
				{
					timeoutMs: 60_000,
					what: 'webhooks to be registered',
				},
			);
			t = Date.now();
			for (let i = 0; i < N; i++) {
				const r = await fetch(`${server.baseUrl}/webhook/bench-${i}`, { method: 'POST' });
				const body = await r.json();
				if (body.id !== DEMO.validOrderId)
					throw new Error(`webhook ${i}: ${JSON.stringify(body).slice(0, 200)}`);
			}
			out.webhookPerWorkflowMs = Math.round((Date.now() - t) / N);
		} finally {
			await server.stop();
		}
	} finally {
		await n8n.cleanup();
		await sandbox.close();
	}
	console.log(JSON.stringify(out, null, 2));
	console.log(
		`n8n ${out.n8n}: import ${out.importedWorkflows} workflows ${fmtMs(out.importWorkflowsMs)}; execute --id ${fmtMs(out.executePerWorkflowMs)}/workflow; ` +
			`execute-batch ${fmtMs(out.executeBatchTotalMs)} for ${N}; server start ${fmtMs(out.serverStartMs)} + webhook ${fmtMs(out.webhookPerWorkflowMs)}/workflow`,
	);
}

runMain(main);

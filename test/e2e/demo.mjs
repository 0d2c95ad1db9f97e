#!/usr/bin/env node
// npm run demo: start the Norce sandbox, run the nightly reconciliation example
// (examples/nightly-reconciliation-slack.json) inside a real n8n, print what it found, stop
// everything. Installs n8n into the cache on first use (with progress).
//
//   node test/e2e/demo.mjs [--version=2.8.4] [--no-build] [--generated=40]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import {
	RECON_GET_NODE,
	RECON_VALIDATE_NODE,
	SANDBOX_DATE_FROM,
	expectedReconciliation,
	reconciliationSlack,
} from './lib/examples.mjs';
import {
	ensureN8n,
	n8nInstallDir,
	pinnedMatrix,
	resolveMatrix,
	satisfies,
} from './lib/install.mjs';
import { N8nInstance } from './lib/n8n.mjs';
import { buildAndPack } from './lib/package.mjs';
import { startHttpReceiver } from './lib/receivers.mjs';
import { successItems } from './lib/rundata.mjs';
import { fmtMs, killAllChildren, log, parseArgs } from './lib/util.mjs';
import { makeId, norceCredential } from './lib/workflows.mjs';

const require = createRequire(import.meta.url);
const args = parseArgs();

/** Newest pinned n8n that is already installed; else the newest that runs on this Node (system); else the newest. */
function pickVersion() {
	if (typeof args.version === 'string') return resolveMatrix(args.version)[0];
	if (process.env.E2E_N8N_VERSIONS) return resolveMatrix()[0];
	const pinned = pinnedMatrix();
	const installed = pinned.find((e) =>
		fs.existsSync(path.join(n8nInstallDir(e), '.e2e-install-complete.json')),
	);
	if (installed) return installed;
	return pinned.find((e) => e.node === 'system') ?? pinned[0];
}

async function main() {
	const started = Date.now();
	const entry = pickVersion();
	const install = await ensureN8n(entry);
	console.log(`Norce Checkout demo — nightly reconciliation in ${install.label}`);
	const tarball = process.env.E2E_TARBALL ?? (await buildAndPack({ build: !args['no-build'] }));

	const { startSandbox } = require('../sandbox');
	const generated = Number(args.generated ?? 0);
	const sandbox = await startSandbox({ port: 0, latencyMs: 0, generated });
	const slack = await startHttpReceiver();
	const n8n = await new N8nInstance(install, 'demo').init({ tarball });
	try {
		const norceCred = norceCredential({
			id: makeId('demo'),
			name: 'Norce Checkout account',
			sandbox,
		});
		const wf = reconciliationSlack({ norceCred, slackUrl: slack.url });
		await n8n.importCredentials([norceCred]);
		await n8n.importWorkflows([wf]);
		console.log(
			`sandbox ${sandbox.baseUrl}; orders created since ${SANDBOX_DATE_FROM} (the sandbox's demo data is from April 2026; the example itself looks back 24 h)`,
		);
		const r = await n8n.execute(wf.id);
		if (!r.ok || !r.data) {
			console.error(
				`\nThe workflow failed (exit ${r.code}):\n${(r.stderr || r.stdout).slice(-3000)}`,
			);
			return 1;
		}
		const checked = successItems(r.data, RECON_GET_NODE).map((i) => i.json);
		const summaries = successItems(r.data, RECON_VALIDATE_NODE).map((i) => i.json);
		const withIssues = summaries.filter((s) => !s.valid);
		const warnings = summaries.filter((s) => s.valid && s.validations.length);

		console.log(
			`\nOrders checked (status processing, channel ${sandbox.channels[0]}): ${checked.length}`,
		);
		console.log(`Orders with issues: ${withIssues.length}`);
		for (const s of withIssues) {
			console.log(`  ✗ ${s.orderId}`);
			for (const v of s.validations) console.log(`      ${v.code}  (adapter ${v.adapterId})`);
		}
		if (warnings.length) {
			console.log(`Valid orders with warnings: ${warnings.length}`);
			for (const s of warnings)
				console.log(
					`  ! ${s.orderId}: ${s.validations.map((v) => `${v.code} (${v.adapterId})`).join(', ')}`,
				);
		}
		console.log(
			`Slack alerts sent (to a local receiver standing in for the webhook): ${slack.received.length}`,
		);
		for (const m of slack.received) console.log(`  → ${m.json?.text ?? m.body}`);

		const expected = expectedReconciliation(sandbox);
		const problems = [];
		if (checked.length !== expected.checked.length)
			problems.push(`checked ${checked.length} orders, expected ${expected.checked.length}`);
		if (withIssues.length !== expected.failing.length)
			problems.push(`${withIssues.length} orders with issues, expected ${expected.failing.length}`);
		if (slack.received.length !== expected.failing.length)
			problems.push(`${slack.received.length} alerts, expected ${expected.failing.length}`);
		console.log(
			`\n${problems.length ? `FAILED: ${problems.join('; ')}` : 'OK'} — ${fmtMs(Date.now() - started)} (n8n execute ${fmtMs(r.ms)})`,
		);
		return problems.length ? 1 : 0;
	} finally {
		await n8n.cleanup();
		await slack.close();
		await sandbox.close();
	}
}

main()
	.then((code) => {
		killAllChildren();
		process.exitCode = code;
	})
	.catch((e) => {
		killAllChildren();
		console.error(`demo failed: ${e.stack ?? e}`);
		process.exitCode = 1;
	});

export { satisfies };

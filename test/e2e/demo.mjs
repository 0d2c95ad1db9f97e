#!/usr/bin/env node
// npm run demo: start the Norce sandbox, run the nightly order check example
// (examples/nightly-reconciliation-slack.json) inside a real n8n, print what it found and the one
// digest it sent, stop everything. Installs n8n into the cache on first use (with progress).
// The sandbox's demo orders are dated relative to now, so the example's own date filters apply;
// the validate of one order loses its connection, to show an order that could not be checked.
//
//   node test/e2e/demo.mjs [--version=2.8.4] [--no-build] [--generated=40]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import {
	NIGHTLY,
	UNCHECKED_ORDER_ID,
	dropValidate,
	expectedNightly,
	nightlySlack,
	relativeDemoOrders,
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
import { errorItems, jsonOf, successItems } from './lib/rundata.mjs';
import { fmtMs, log, parseArgs, runMain } from './lib/util.mjs';
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
	console.log(`Norce Checkout demo — nightly order check in ${install.label}`);
	const tarball = process.env.E2E_TARBALL ?? (await buildAndPack({ build: !args['no-build'] }));

	const { startSandbox } = require('../sandbox');
	const generated = Number(args.generated ?? 0);
	const seededAt = Date.now();
	const sandbox = await startSandbox({
		port: 0,
		latencyMs: 0,
		generated,
		orders: relativeDemoOrders({ now: seededAt }),
	});
	sandbox.addFault(dropValidate(UNCHECKED_ORDER_ID));
	const slack = await startHttpReceiver();
	const n8n = await new N8nInstance(install, 'demo').init({ tarball });
	try {
		const norceCred = norceCredential({
			id: makeId('demo'),
			name: 'Norce Checkout account',
			sandbox,
		});
		const wf = nightlySlack({ norceCred, slackUrl: slack.url });
		await n8n.importCredentials([norceCred]);
		await n8n.importWorkflows([wf]);
		console.log(
			`sandbox ${sandbox.baseUrl}: demo orders dated relative to now; the validate of ${UNCHECKED_ORDER_ID} drops its connection`,
		);
		const r = await n8n.execute(wf.id);
		if (!r.ok || !r.data) {
			console.error(
				`\nThe workflow failed (exit ${r.code}):\n${(r.stderr || r.stdout).slice(-3000)}`,
			);
			return 1;
		}
		const recent = jsonOf(successItems(r.data, NIGHTLY.recent));
		const older = jsonOf(successItems(r.data, NIGHTLY.older));
		const summaries = jsonOf(successItems(r.data, NIGHTLY.validate));
		const unchecked = jsonOf(errorItems(r.data, NIGHTLY.validate));
		const withIssues = summaries.filter((s) => !s.valid);
		const warnings = summaries.filter((s) => s.valid && s.validations.length);

		console.log(
			`\nOrders in processing (channel ${sandbox.channels[0]}): ${recent.length} created in the last day, ${older.length} older (re-checked)`,
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
		console.log(`Orders that could not be checked: ${unchecked.length}`);
		for (const u of unchecked) console.log(`  ? ${u.id}: ${u.error}`);
		console.log(
			`Slack messages sent (to a local receiver standing in for the webhook): ${slack.received.length}`,
		);
		for (const m of slack.received)
			console.log(`${(m.json?.text ?? m.body).replace(/^/gm, '  │ ')}`);

		const expected = expectedNightly(sandbox, { seededAt });
		const problems = [];
		const ids = (list) =>
			list
				.map((o) => o.id ?? o.orderId)
				.sort()
				.join(',');
		if (ids(recent) !== ids(expected.recent))
			problems.push(`window: ${recent.length} orders, expected ${expected.recent.length}`);
		if (ids(older) !== ids(expected.older))
			problems.push(`older: ${older.length} orders, expected ${expected.older.length}`);
		if (ids(withIssues) !== ids(expected.problems))
			problems.push(
				`${withIssues.length} orders with issues, expected ${expected.problems.length}`,
			);
		if (ids(unchecked) !== ids(expected.unchecked))
			problems.push(`${unchecked.length} unchecked, expected ${expected.unchecked.length}`);
		if (slack.received.length !== 1)
			problems.push(`${slack.received.length} Slack messages, expected 1 digest`);
		else if (!expected.problems.every((o) => slack.received[0].json?.text?.includes(o.id)))
			problems.push('the digest does not list every order with issues');
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

runMain(main, 'demo failed:');

export { satisfies };

// The manual install exactly as README.md gives it (section "Install"): the README's tarball
// command, read from the README, run by sh in a fresh home; then n8n loads the package from
// ~/.n8n/nodes and runs a workflow with it. The other suites install like the Community Nodes
// screen (lib/n8n.mjs#installCommunityPackage).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PACKAGE_NAME } from './lib/n8n.mjs';
import { findPackageDirs, installAsReadme, readmeInstall } from './lib/readme-install.mjs';
import { successItems } from './lib/rundata.mjs';
import { describeEachVersion, loadSandboxModule, startSuite } from './lib/suite.mjs';
import { norceCredential, norceWorkflow } from './lib/workflows.mjs';

const { DEMO } = loadSandboxModule();

describe('README install commands', () => {
	const { registry, tarball, docker } = readmeInstall();

	it('bare metal: the registry and the tarball form differ only in what is installed', () => {
		assert.equal(registry.prefix, '~/.n8n/nodes');
		assert.equal(tarball.prefix, registry.prefix);
		assert.deepEqual(tarball.flags, registry.flags);
		assert.equal(tarball.npm, registry.npm.replace(PACKAGE_NAME, tarball.spec));
	});

	it('Docker runs the same command in the container, as the image user', () => {
		assert.match(docker.runner, /^docker exec -u node\b/);
		assert.equal(docker.npm, tarball.npm);
	});
});

describeEachVersion('install as the README says', (entry) => {
	let ctx;
	let run;
	let nodesDir;

	before(async () => {
		ctx = await startSuite(entry, 'readme-install', { installPackage: installAsReadme });
		nodesDir = path.join(ctx.n8n.userFolder, '.n8n', 'nodes');
		const credential = norceCredential({ sandbox: ctx.sandbox });
		const workflow = norceWorkflow({
			name: 'README install: get an order',
			params: { operation: 'get', orderId: DEMO.validOrderId, options: {} },
			credential,
		});
		await ctx.n8n.importCredentials([credential]);
		await ctx.n8n.importWorkflows([workflow]);
		run = (await ctx.n8n.executeMany([workflow.id])).get(workflow.id);
	});
	after(async () => {
		await ctx?.close();
	});

	it('puts the package, and only it, into ~/.n8n/nodes: no second n8n-workflow', () => {
		const installed = fs.readdirSync(path.join(nodesDir, 'node_modules'));
		assert.deepEqual(
			installed.filter((name) => !name.startsWith('.')),
			[PACKAGE_NAME],
		);
		assert.deepEqual(findPackageDirs(nodesDir, 'n8n-workflow'), []);
		const recorded = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8'));
		assert.ok(recorded.dependencies?.[PACKAGE_NAME], 'npm recorded it in nodes/package.json');
	});

	it('n8n loads it from there and runs a workflow with it', () => {
		assert.equal(run.ok, true, run.describe());
		const items = successItems(run.data, 'Norce');
		assert.equal(items.length, 1);
		assert.equal(items[0].json.id, DEMO.validOrderId);
	});
});

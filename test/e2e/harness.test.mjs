// Fast checks of the harness itself (no n8n needed).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
	INSTALL_COST,
	explainNpmFailure,
	pinnedMatrix,
	resolveMatrix,
	satisfies,
} from './lib/install.mjs';
import { parseExecuteOutput } from './lib/n8n.mjs';
import { E2E_DIR, REPO_ROOT } from './lib/util.mjs';
import { findPackageDirs, readmeInstallCommands } from './lib/readme-install.mjs';
import { pairedIndexes } from './lib/rundata.mjs';
import { makeId } from './lib/workflows.mjs';

describe('harness', () => {
	it('versions.json pins exact versions', () => {
		for (const e of pinnedMatrix()) {
			assert.match(e.n8n, /^\d+\.\d+\.\d+$/);
			assert.match(e.node, /^(system|\d+\.\d+\.\d+)$/);
		}
	});

	it('E2E_N8N_VERSIONS: subset, unknown versions, explicit Node', () => {
		const pinned = pinnedMatrix();
		assert.deepEqual(resolveMatrix(''), pinned);
		assert.deepEqual(resolveMatrix('2.8.4'), [pinned.find((e) => e.n8n === '2.8.4')]);
		assert.deepEqual(resolveMatrix('2.40.0'), [{ n8n: '2.40.0', node: pinned[0].node }]);
		assert.deepEqual(resolveMatrix('2.40.0@system, 2.8.4@24.21.0'), [
			{ n8n: '2.40.0', node: 'system' },
			{ n8n: '2.8.4', node: '24.21.0' },
		]);
	});

	it('engines ranges as n8n writes them', () => {
		assert.equal(satisfies('20.20.2', '>=20.19 <= 24.x'), true);
		assert.equal(satisfies('24.21.0', '>=20.19 <= 24.x'), true);
		assert.equal(satisfies('25.0.0', '>=20.19 <= 24.x'), false);
		assert.equal(satisfies('20.18.0', '>=20.19 <= 24.x'), false);
		assert.equal(satisfies('20.20.2', '>=24.0.0'), false);
		assert.equal(satisfies('24.21.0', '>=22.16'), true);
	});

	it('npm failures are explained', () => {
		assert.match(
			explainNpmFailure(
				'npm error code ETARGET\nnpm error notarget No matching version found for @n8n/agents@0.26.2.\n',
			),
			/could not resolve @n8n\/agents@0\.26\.2: that version is not in the npm registry/,
		);
		assert.match(
			explainNpmFailure(
				'npm error code ENOTFOUND\nrequest to https://cdn.sheetjs.com/x failed, reason: getaddrinfo ENOTFOUND cdn.sheetjs.com',
			),
			/cdn\.sheetjs\.com/,
		);
	});

	it('run data is parsed from after the log lines', () => {
		const out =
			'Failed to start Python task runner ...\nsome log {not json}\n{\n  "data": {\n    "x": 1\n  }\n}\n';
		assert.deepEqual(parseExecuteOutput(out), { data: { x: 1 } });
		assert.equal(parseExecuteOutput('no json here\n'), undefined);
	});

	it('pairedItem shapes', () => {
		assert.deepEqual(
			pairedIndexes([
				{ pairedItem: { item: 2 } },
				{ pairedItem: 1 },
				{ pairedItem: [{ item: 0 }, { item: 1 }] },
				{},
			]),
			[2, 1, [0, 1], undefined],
		);
	});

	it('workflow ids are 16 characters and end in a digit (execute-batch needs one)', () => {
		for (let i = 0; i < 50; i++) assert.match(makeId('wf'), /^[A-Za-z0-9]{15}\d$/);
	});

	it('README install lines are parsed, also inside docker exec … sh -c', () => {
		const readme = [
			'# x',
			'## Install',
			'```',
			'npm ci --ignore-scripts && npm pack   # not an install of the package',
			'npm install --prefix ~/.n8n/nodes --legacy-peer-deps pkg   # a comment',
			"docker exec -u node n8n sh -c 'npm install --prefix ~/.n8n/nodes --omit=peer ./p-*.tgz'",
			'```',
			'## Later',
			'```',
			'npm install elsewhere',
			'```',
		].join('\n');
		assert.deepEqual(
			readmeInstallCommands(readme).map(({ runner, npm, prefix, flags, spec }) => ({
				runner,
				npm,
				prefix,
				flags,
				spec,
			})),
			[
				{
					runner: '',
					npm: 'npm install --prefix ~/.n8n/nodes --legacy-peer-deps pkg',
					prefix: '~/.n8n/nodes',
					flags: ['--legacy-peer-deps'],
					spec: 'pkg',
				},
				{
					runner: 'docker exec -u node n8n',
					npm: 'npm install --prefix ~/.n8n/nodes --omit=peer ./p-*.tgz',
					prefix: '~/.n8n/nodes',
					flags: ['--omit=peer'],
					spec: './p-*.tgz',
				},
			],
		);
	});

	it('a package nested anywhere in a node_modules tree is found', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-find-'));
		try {
			fs.mkdirSync(path.join(dir, 'node_modules', 'a', 'node_modules', 'n8n-workflow'), {
				recursive: true,
			});
			fs.mkdirSync(path.join(dir, 'node_modules', 'n8n-workflow-x'), { recursive: true });
			assert.deepEqual(findPackageDirs(dir, 'n8n-workflow'), [
				path.join('node_modules', 'a', 'node_modules', 'n8n-workflow'),
			]);
			assert.deepEqual(findPackageDirs(path.join(dir, 'missing'), 'n8n-workflow'), []);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('the docs give the install cost the installer prints', () => {
		for (const doc of [path.join(REPO_ROOT, 'README.md'), path.join(E2E_DIR, 'README.md')])
			assert.ok(
				fs.readFileSync(doc, 'utf8').replace(/\s+/g, ' ').includes(INSTALL_COST),
				`${path.relative(REPO_ROOT, doc)} does not say "${INSTALL_COST}"`,
			);
	});
});

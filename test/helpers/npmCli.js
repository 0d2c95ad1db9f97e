// @ts-check
'use strict';
/**
 * npm as a developer types it, for the packaging tests (plain JS: the cloud lint rules forbid
 * child_process, fs and process in TS files).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs `npm ...args` in `cwd`. The npm_* variables that `npm test` exports are dropped, and so
 * are RELEASE_MODE and GITHUB_ACTIONS, so the child reads only the project's and the user's
 * npm config, like a shell would; `env` adds variables on top.
 */
function npm(args, { cwd = REPO_ROOT, env = {} } = {}) {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(
			([k]) => !/^npm_/i.test(k) && k !== 'RELEASE_MODE' && k !== 'GITHUB_ACTIONS',
		),
	);
	const r = spawnSync('npm', args, {
		cwd,
		encoding: 'utf8',
		env: { ...clean, npm_config_update_notifier: 'false', ...env },
		timeout: 120_000,
	});
	return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/**
 * A minimal community package in a temp folder: one node (code, codex, icon) and one credential,
 * sources and built dist/, README, LICENSE, CHANGELOG. `extra` adds files (path → content),
 * `files` replaces package.json "files". Returns its path; remove it with removeFixture().
 */
function packFixture({ extra = {}, files = ['dist', 'CHANGELOG.md'] } = {}) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-fixture-'));
	const content = {
		'package.json': JSON.stringify({ name: 'n8n-nodes-fixture', version: '1.0.0', files }),
		'README.md': '# fixture\n',
		LICENSE: 'MIT\n',
		'CHANGELOG.md': '# Changelog\n',
		'nodes/A/A.node.ts': 'export class A {}\n',
		'nodes/A/A.node.json': '{}\n',
		'nodes/A/a.svg': '<svg/>\n',
		'credentials/B.credentials.ts': 'export class B {}\n',
		'dist/nodes/A/A.node.js': 'exports.A = class {};\n',
		'dist/nodes/A/A.node.json': '{}\n',
		'dist/nodes/A/a.svg': '<svg/>\n',
		'dist/credentials/B.credentials.js': 'exports.B = class {};\n',
		...extra,
	};
	for (const [file, text] of Object.entries(content)) {
		fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		fs.writeFileSync(path.join(root, file), text);
	}
	return root;
}

function removeFixture(root) {
	fs.rmSync(root, { recursive: true, force: true });
}

/** A repository file as text (the CI definitions the agreement test compares). */
function readRepoFile(file) {
	return fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

module.exports = { REPO_ROOT, npm, packFixture, readRepoFile, removeFixture };

#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * npm run release — only in .github/workflows/publish.yml, on a version tag.
 *
 * There `n8n-node release` lints, builds and runs `npm publish` with RELEASE_MODE (which lets
 * the prepublishOnly guard pass) and NPM_CONFIG_PROVENANCE. Its local mode is not used: it runs
 * release-it, which bumps the version itself, and `auto-changelog -p`, which rewrites
 * CHANGELOG.md from commit messages. This project keeps a hand-written changelog and releases by
 * pushing a version tag (README, Development → Release), so locally this refuses, and in the
 * workflow it first checks that tag, package.json and CHANGELOG.md agree.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Why this tag must not be published, one sentence each (empty: publish). */
function releaseProblems({ tag, version, changelog }) {
	const problems = [];
	if (tag !== version && tag !== `v${version}`)
		problems.push(`the tag is "${tag}" but package.json says version ${version}`);
	const escaped = version.replace(/[.+]/g, '\\$&');
	if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog))
		problems.push(`CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD"`);
	return problems;
}

function main() {
	if (!process.env.GITHUB_ACTIONS) {
		console.error(
			'Releases are published by .github/workflows/publish.yml when a version tag is pushed:\n' +
				'  1. move the [Unreleased] entries of CHANGELOG.md to "## [x.y.z] - YYYY-MM-DD", commit\n' +
				'  2. npm version x.y.z   (commit + tag vx.y.z)\n' +
				'  3. git push --follow-tags\n' +
				'See README.md, Development → Release.',
		);
		return 1;
	}
	const problems = releaseProblems({
		tag: process.env.GITHUB_REF_NAME ?? '',
		version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
		changelog: fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'),
	});
	if (problems.length) {
		console.error(`Not publishing: ${problems.join('; ')}.`);
		return 1;
	}
	const cli = path.join(ROOT, 'node_modules', '.bin', 'n8n-node');
	const r = spawnSync(cli, ['release'], { cwd: ROOT, stdio: 'inherit' });
	return r.status ?? 1;
}

if (require.main === module) process.exitCode = main();

module.exports = { releaseProblems };

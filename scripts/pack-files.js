// @ts-check
'use strict';
/**
 * What the published tarball may contain, checked against what `npm pack` would really pack.
 *
 * n8n loads the compiled nodes and credentials (and the modules they require), the codex
 * (*.node.json) and the icons. npm adds package.json, README.md and LICENSE by itself, and
 * CHANGELOG.md is listed in "files". Nothing else ships: no source maps (the .ts sources they
 * point at are not published), no declarations, no tsbuildinfo, no dist/package.json.
 * The list is derived from nodes/, credentials/, shared/ and icons/, so adding a source file
 * needs no edit here.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ALWAYS = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];
const ICON = /\.(svg|png)$/;

/** The exact file list the tarball of the project in `root` must have (POSIX paths). */
function expectedFiles(root) {
	const files = new Set(ALWAYS);
	for (const dir of ['nodes', 'credentials', 'shared', 'icons']) {
		const abs = path.join(root, dir);
		if (!fs.existsSync(abs)) continue;
		for (const entry of fs.readdirSync(abs, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile()) continue;
			const rel = path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name));
			const file = rel.split(path.sep).join('/');
			if (file.endsWith('.d.ts')) continue;
			if (file.endsWith('.ts')) files.add(`dist/${file.slice(0, -3)}.js`);
			// tsconfig compiles nodes/**/*.json (the codex); gulp copies the icons
			else if (ICON.test(file) || (dir === 'nodes' && file.endsWith('.json')))
				files.add(`dist/${file}`);
		}
	}
	return [...files].sort();
}

/** `npm pack --dry-run --json` in `root`: { files, size, unpackedSize }. */
function packedFiles(root) {
	// --ignore-scripts: listing the files must not run prepack/prepare (there are none today)
	const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, npm_config_update_notifier: 'false' },
	});
	if (r.status !== 0)
		throw new Error(`npm pack --dry-run failed (exit ${r.status}):\n${r.stderr || r.stdout}`);
	const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	return {
		files: info.files.map((f) => f.path).sort(),
		size: info.size,
		unpackedSize: info.unpackedSize,
	};
}

/** Differences between the packed and the expected list, one sentence each. */
function packProblems(packed, expected) {
	const want = new Set(expected);
	const have = new Set(packed);
	return [
		...packed.filter((f) => !want.has(f)).map((f) => `${f} would be published but is not allowed`),
		...expected.filter((f) => !have.has(f)).map((f) => `${f} is missing from the tarball`),
	];
}

/** Packs `root` (dry run) and compares: { problems, files, size, unpackedSize }. */
function checkPack(root) {
	const packed = packedFiles(root);
	return { ...packed, problems: packProblems(packed.files, expectedFiles(root)) };
}

module.exports = { ALWAYS, checkPack, expectedFiles, packProblems, packedFiles };

#!/usr/bin/env node
/**
 * Source lines against jest test lines, per folder: `node test/project/sizes.mjs`.
 * A source folder (nodes/…, shared/…, credentials) is paired with its mirror under test/;
 * test lines count the files jest runs or needs there (*.test.ts, *.soak.ts and the helpers
 * that live beside them), folders included with everything below them. test/helpers and
 * test/sandbox serve every folder and are listed apart. Lines are `wc -l` lines.
 * Not a test: the issue (18) asks that tests stay within 1.5× the source per folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
	cwd: root,
	encoding: 'utf8',
})
	.split('\n')
	.filter((file) => /\.(ts|js|mjs|cjs)$/.test(file));
const lines = (file) => readFileSync(path.join(root, file), 'utf8').split('\n').length - 1;

const SOURCE_ROOTS = ['nodes/', 'shared/', 'credentials/'];
const sources = tracked.filter(
	(file) => SOURCE_ROOTS.some((top) => file.startsWith(top)) && file.endsWith('.ts'),
);
const tests = tracked.filter((file) => SOURCE_ROOTS.some((top) => file.startsWith(`test/${top}`)));

const folders = new Set();
for (const file of sources) {
	const parts = path.dirname(file).split('/');
	for (let depth = 1; depth <= parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
}
const sum = (files, folder) =>
	files
		.filter((file) => file.startsWith(`${folder}/`))
		.reduce((total, file) => total + lines(file), 0);

const rows = [...folders].sort().map((folder) => {
	const src = sum(sources, folder);
	const test = sum(tests, `test/${folder}`);
	return [folder, src, test, src === 0 ? '-' : (test / src).toFixed(2)];
});
const shared = ['test/helpers', 'test/sandbox'].map((folder) => [
	folder,
	'',
	sum(tracked, folder),
	'',
]);

const table = [['folder', 'source', 'tests', 'ratio'], ...rows, ...shared];
const widths = table[0].map((_, column) =>
	Math.max(...table.map((row) => String(row[column]).length)),
);
for (const row of table) {
	console.log(
		row
			.map((cell, column) => String(cell)[column === 0 ? 'padEnd' : 'padStart'](widths[column]))
			.join('  '),
	);
}

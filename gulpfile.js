// Build of the published package: compile, copy assets, then check dist/ is what n8n loads and
// the tarball is exactly that (scripts/pack-files.js).
//
// `n8n-node build` copies every *.png/*.svg below the project root into dist/, including
// screenshots the browser tests leave in test/; this build copies only node and credential
// assets, and refuses to finish if dist/ would not load in n8n or `npm pack` would publish a
// file n8n does not load.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, series, watch } = require('gulp');
const { checkPack } = require('./scripts/pack-files');

const DIST = path.join(__dirname, 'dist');
const ASSET_GLOBS = ['icons/*.{svg,png}', 'nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}'];

function clean(done) {
	fs.rmSync(DIST, { recursive: true, force: true });
	done();
}

function compile(done) {
	const tsc = require.resolve('typescript/bin/tsc');
	const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
		cwd: __dirname,
		stdio: 'inherit',
	});
	done(result.status === 0 ? undefined : new Error('TypeScript compilation failed'));
}

function assets() {
	// encoding: false keeps PNG bytes intact (gulp 5 reads files as UTF-8 by default).
	return src(ASSET_GLOBS, { base: '.', encoding: false }).pipe(dest(DIST));
}

/** Everything n8n reads from dist/: the listed files, their icons and codex. */
function verify(done) {
	const pkg = require('./package.json');
	const problems = [];
	const entries = [
		...pkg.n8n.nodes.map((file) => ({ file, kind: 'node' })),
		...pkg.n8n.credentials.map((file) => ({ file, kind: 'credential' })),
	];
	for (const { file, kind } of entries) {
		const absolute = path.join(__dirname, file);
		if (!fs.existsSync(absolute)) {
			problems.push(`${file} (listed in package.json) was not built`);
			continue;
		}
		delete require.cache[absolute];
		const exported = Object.values(require(absolute));
		if (exported.length !== 1) problems.push(`${file} must export exactly one class`);
		const instance = new exported[0]();
		const icon = kind === 'node' ? instance.description.icon : instance.icon;
		for (const ref of typeof icon === 'string' ? [icon] : Object.values(icon ?? {})) {
			const iconPath = path.join(path.dirname(absolute), String(ref).replace(/^file:/, ''));
			if (!fs.existsSync(iconPath)) problems.push(`${file}: icon ${ref} is missing in dist/`);
		}
		if (kind === 'node') {
			const codex = absolute.replace(/\.js$/, '.json');
			if (!fs.existsSync(codex)) problems.push(`${file}: codex ${path.basename(codex)} missing`);
		}
	}
	const pack = checkPack(__dirname);
	problems.push(...pack.problems);
	if (problems.length)
		return done(new Error(`dist/ is not publishable:\n- ${problems.join('\n- ')}`));
	console.log(
		`dist/ verified: ${entries.length} entry points with icons and codex; npm pack: ${pack.files.length} files, ${(pack.size / 1000).toFixed(1)} kB, all allowed`,
	);
	done();
}

const build = series(clean, compile, assets, verify);

/** Rebuilds on every change; `npm run dev` runs n8n against the result. */
function watchSources() {
	watch(['nodes/**/*', 'credentials/**/*', 'shared/**/*', 'icons/**/*', 'package.json'], { ignoreInitial: false }, build);
}

exports.clean = clean;
exports.build = build;
exports.verify = verify;
exports.watch = watchSources;
exports.default = build;

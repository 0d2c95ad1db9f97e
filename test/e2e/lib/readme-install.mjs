// The manual install README.md gives (section "Install"), read from the README itself so the
// e2e suite runs literally the command users are told to run.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_NAME } from './n8n.mjs';
import { REPO_ROOT, mkdirp, readJson, run } from './util.mjs';

/**
 * Every `npm install` line of the code blocks in the README's "## Install" section (trailing
 * `# comments` dropped), parsed: { line, runner (what precedes npm, e.g. `docker exec …`),
 * npm (the npm command itself; for `sh -c '…'` the quoted command), prefix, flags, spec }.
 */
export function readmeInstallCommands(
	readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'),
) {
	const section = readme.split(/^## /m).find((s) => s.startsWith('Install\n'));
	if (!section) throw new Error('README.md has no "## Install" section');
	const lines = [...section.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)]
		.flatMap((m) => m[1].split('\n'))
		.map((l) => l.replace(/\s+#\s.*$/, '').trim())
		.filter((l) => /\bnpm install\b/.test(l));
	return lines.map((line) => {
		const quoted = line.match(/^(.*?)sh -c '(npm install [^']*)'$/);
		const runner = quoted ? quoted[1].trim() : line.slice(0, line.indexOf('npm install')).trim();
		const npm = quoted ? quoted[2] : line.slice(line.indexOf('npm install'));
		const words = npm.split(/\s+/).slice(2);
		const at = words.indexOf('--prefix');
		const prefix = at >= 0 ? words[at + 1] : undefined;
		const rest = words.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
		return { line, runner, npm, prefix, flags: rest.slice(0, -1), spec: rest.at(-1) };
	});
}

/** The README's commands by purpose; throws when one is missing. */
export function readmeInstall(commands = readmeInstallCommands()) {
	const pick = (what, fn) => {
		const found = commands.filter(fn);
		if (found.length !== 1)
			throw new Error(`README.md, Install: expected one ${what} command, found ${found.length}`);
		return found[0];
	};
	return {
		registry: pick('bare-metal registry', (c) => !c.runner && c.spec === PACKAGE_NAME),
		tarball: pick('bare-metal tarball', (c) => !c.runner && /\.tgz$/.test(c.spec)),
		docker: pick('Docker', (c) => c.runner.startsWith('docker exec')),
	};
}

/**
 * Installs `tarball` the way the README says: the tarball in a download folder of the user's
 * home, the README's tarball command run there by sh, HOME = n8n's user folder (so `~/.n8n` is
 * the folder n8n reads). Same result shape as installCommunityPackage().
 */
export async function installAsReadme({ userFolder, tarball, env }) {
	const { tarball: command } = readmeInstall();
	const downloads = mkdirp(path.join(userFolder, 'downloads'));
	fs.copyFileSync(tarball, path.join(downloads, path.basename(tarball)));
	await run('sh', ['-c', command.line], {
		cwd: downloads,
		env: { ...env, HOME: userFolder },
		check: true,
		timeoutMs: 180_000,
	});
	const pkgDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	const pj = readJson(path.join(pkgDir, 'package.json'));
	return { pkgDir, version: pj.version, command: command.line, droppedPeerDependencies: {} };
}

/** Directories named `name` anywhere below `dir` (a package npm installed), relative paths. */
export function findPackageDirs(dir, name) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isDirectory() && e.name === name)
		.map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));
}

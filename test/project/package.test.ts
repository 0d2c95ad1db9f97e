/**
 * What gets published and how: the tarball holds only what n8n loads (the check `npm run build`
 * runs), and a plain `npm publish` or `npm run release` is refused outside the release workflow.
 */
import pkg from '../../package.json';
import { checkPack, expectedFiles } from '../../scripts/pack-files';
import { releaseProblems } from '../../scripts/release';
import { REPO_ROOT, npm, packFixture, removeFixture } from '../helpers/npmCli';

describe('tarball contents (the check in gulp verify)', () => {
	const roots: string[] = [];
	const fixture = (options?: Parameters<typeof packFixture>[0]) => {
		const root = packFixture(options);
		roots.push(root);
		return root;
	};
	afterAll(() => roots.forEach(removeFixture));

	it('accepts a package of compiled code, codex, icons, README, LICENSE and CHANGELOG', () => {
		const result = checkPack(fixture());
		expect(result.problems).toEqual([]);
		expect(result.files).toEqual([
			'CHANGELOG.md',
			'LICENSE',
			'README.md',
			'dist/credentials/B.credentials.js',
			'dist/nodes/A/A.node.js',
			'dist/nodes/A/A.node.json',
			'dist/nodes/A/a.svg',
			'package.json',
		]);
	});

	it('names every stray file npm would publish', () => {
		const root = fixture({
			extra: {
				'dist/tsconfig.tsbuildinfo': '{}',
				'dist/package.json': '{}',
				'dist/nodes/A/A.node.js.map': '{"sources":["../../../nodes/A/A.node.ts"]}',
				'dist/nodes/A/A.node.d.ts': 'export {};',
			},
		});
		expect(checkPack(root).problems.sort()).toEqual([
			'dist/nodes/A/A.node.d.ts would be published but is not allowed',
			'dist/nodes/A/A.node.js.map would be published but is not allowed',
			'dist/package.json would be published but is not allowed',
			'dist/tsconfig.tsbuildinfo would be published but is not allowed',
		]);
	});

	it('names files that are missing: a module that was not compiled, an unlisted CHANGELOG', () => {
		const root = fixture({ extra: { 'nodes/A/helper.ts': 'export {};' }, files: ['dist'] });
		expect(checkPack(root).problems.sort()).toEqual([
			'CHANGELOG.md is missing from the tarball',
			'dist/nodes/A/helper.js is missing from the tarball',
		]);
	});

	it('derives the allowed list of this package from its sources', () => {
		const expected = expectedFiles(REPO_ROOT);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
			expect(expected).toContain(entry);
		expect(expected).toContain('dist/nodes/NorceCheckoutOrder/NorceCheckoutOrder.node.json');
		expect(expected.filter((f) => /\.(map|d\.ts|tsbuildinfo)$/.test(f))).toEqual([]);
	});
});

describe('npm publish outside the release workflow', () => {
	// `prepublishOnly: n8n-node prerelease` refuses unless RELEASE_MODE is set, which only
	// `n8n-node release` does (in GitHub Actions, together with NPM_CONFIG_PROVENANCE=true).
	// It only runs if npm runs scripts: ignore-scripts in .npmrc would switch it off.
	it('is refused by the prepublishOnly guard', () => {
		const r = npm(['publish', '--dry-run']);
		expect(r.output).toContain('Run `npm run release` to publish the package');
		expect(r.output).not.toContain(`+ ${pkg.name}@`);
		expect(r.status).toBe(1);
	});

	it('passes the guard with the RELEASE_MODE that n8n-node release sets (dry run)', () => {
		const r = npm(['publish', '--dry-run'], { env: { RELEASE_MODE: 'true' } });
		expect(r.output).not.toContain('Run `npm run release`');
		expect(r.output).toContain(`+ ${pkg.name}@${pkg.version}`);
		expect(r.status).toBe(0);
	});
});

describe('npm run release', () => {
	it('refuses outside GitHub Actions and says how releases are made', () => {
		const r = npm(['run', 'release']);
		expect(r.output).toContain('Releases are published by .github/workflows/publish.yml');
		expect(r.status).toBe(1);
	});

	it('in the workflow, publishes a tag only if package.json and CHANGELOG.md agree with it', () => {
		const changelog = '# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2027-01-05\n\n- x\n';
		expect(releaseProblems({ tag: 'v0.2.0', version: '0.2.0', changelog })).toEqual([]);
		expect(releaseProblems({ tag: '0.2.0', version: '0.2.0', changelog })).toEqual([]);
		expect(releaseProblems({ tag: 'v0.2.1', version: '0.2.0', changelog })).toEqual([
			'the tag is "v0.2.1" but package.json says version 0.2.0',
		]);
		expect(releaseProblems({ tag: 'v0.3.0', version: '0.3.0', changelog })).toEqual([
			'CHANGELOG.md has no section "## [0.3.0] - YYYY-MM-DD"',
		]);
		// an undated heading is still unreleased; 0.2.0 must not match 0.2.0-rc.1 or 0x2x0
		expect(
			releaseProblems({
				tag: 'v0.2.0',
				version: '0.2.0',
				changelog: '## [0.2.0]\n## [0x2x0] - 2027-01-05',
			}),
		).toHaveLength(1);
	});
});

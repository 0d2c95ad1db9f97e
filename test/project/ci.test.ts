/**
 * .ci/run (the CI entry point) and .github/workflows/ci.yml run the same npm commands, and every
 * install of this repository passes --ignore-scripts (see README, Development).
 */
import pkg from '../../package.json';
import { readRepoFile } from '../helpers/npmCli';

const scripts: Record<string, string> = pkg.scripts;

/** npm commands of a shell script or of a workflow's `run:` lines, comments skipped. */
function npmCommands(text: string, { workflow = false } = {}): string[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => !line.startsWith('#'))
		.map((line) => (workflow ? (line.match(/^(?:- )?run: (.*)$/)?.[1] ?? '') : line))
		.map((line) => line.replace(/^'(.*)'$/, '$1'))
		.filter((line) => /^npm (ci|install|test|run)\b/.test(line));
}

/** `npm run test:all` → the npm scripts it runs, recursively; `npm ci …` stays as is. */
function scriptNames(commands: string[]): string[] {
	return commands.flatMap((command) => {
		if (/^npm (ci|install)\b/.test(command)) return ['install'];
		const name = command === 'npm test' ? 'test' : command.split(/\s+/)[2];
		const body = scripts[name] ?? '';
		const nested = body.split('&&').map((part) => part.trim());
		return nested.every((part) => /^npm (test|run)\b/.test(part)) ? scriptNames(nested) : [name];
	});
}

describe('CI definitions', () => {
	const ciRun = npmCommands(readRepoFile('.ci/run'));
	const workflow = npmCommands(readRepoFile('.github/workflows/ci.yml'), { workflow: true });

	it('finds the commands of both (the parser is not blind)', () => {
		expect(ciRun.length).toBeGreaterThanOrEqual(5);
		expect(workflow.length).toBeGreaterThanOrEqual(5);
		expect(scriptNames(['npm run test:all'])).toEqual(
			expect.arrayContaining(['test', 'test:soak', 'test:e2e', 'test:ui']),
		);
	});

	it('the workflow runs exactly the npm scripts .ci/run runs', () => {
		expect([...new Set(scriptNames(workflow))].sort()).toEqual(
			[...new Set(scriptNames(ciRun))].sort(),
		);
	});

	it('.ci/run runs the test command the README gives', () => {
		expect(readRepoFile('README.md')).toContain('**The test command is `npm test`**');
		expect(scriptNames(ciRun)).toContain('test');
	});

	it('every install of this repository passes --ignore-scripts', () => {
		const installs = [
			...ciRun,
			...workflow,
			...npmCommands(readRepoFile('.github/workflows/publish.yml'), { workflow: true }),
		].filter((command) => /^npm (ci|install)\b/.test(command));
		expect(installs.length).toBeGreaterThanOrEqual(3);
		for (const command of installs) expect(command).toContain('--ignore-scripts');
	});
});

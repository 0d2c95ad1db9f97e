// What every browser test file shares: headless Debian Chromium through playwright-core, n8n's
// test-id attribute, screenshots into test/ui/.artifacts/n8n-<version>/ (not committed), steps
// that keep a screenshot of what the browser showed when they fail, and signing in.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const UI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The launch flags this closed network needs (machine notes: without the background-networking
 * ones Chromium's own connections are refused many at a time). playwright adds --headless. */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];
export const STEP_TIMEOUT = 45_000; // every single wait is bounded by this

/** The stack run.mjs passed in UI_STACK, or one started here (newest pinned n8n). */
export async function uiStack() {
	if (process.env.UI_STACK) return { stack: JSON.parse(process.env.UI_STACK) };
	const { startUiStack } = await import('./stack.mjs');
	const { resolveMatrix } = await import('../../e2e/lib/install.mjs');
	const own = await startUiStack(resolveMatrix()[0]);
	return { stack: own.info, close: () => own.close() };
}

/**
 * A browser with one page, and the screenshot helpers writing to `<artifacts>/<prefix>NN-name.png`
 * (`prefix` keeps the files of several test files apart; `clear` first removes this prefix's
 * earlier screenshots, and only those).
 */
export async function openBrowser(stack, { prefix = '', clear = false } = {}) {
	const shotsDir = path.join(UI_DIR, '.artifacts', `n8n-${stack.n8nVersion}`);
	fs.mkdirSync(shotsDir, { recursive: true });
	const mine = new RegExp(`^${prefix}\\d\\d-.*\\.png$`);
	if (clear)
		for (const file of fs.readdirSync(shotsDir))
			if (mine.test(file)) fs.rmSync(path.join(shotsDir, file), { force: true });
	const { chromium, selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id'); // n8n's attribute
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(STEP_TIMEOUT);
	page.setDefaultNavigationTimeout(STEP_TIMEOUT);
	let shotNo = 0;

	async function screenshot(name) {
		const file = path.join(shotsDir, `${prefix}${String(++shotNo).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file }).catch(() => {});
		return file;
	}

	/** Retry a UI step a few times (the editor re-renders while it loads on a slow machine). */
	async function retry(what, fn, { tries = 3, onRetry } = {}) {
		let last;
		for (let i = 1; i <= tries; i++) {
			try {
				return await fn(i);
			} catch (e) {
				last = e;
				await screenshot(`retry-${what.replace(/\W+/g, '-')}-${i}`);
				if (onRetry) await onRetry(i).catch(() => {});
			}
		}
		throw new Error(`${what} failed after ${tries} tries: ${last?.message}`);
	}

	/** Run a test step; on failure keep a screenshot of what the browser showed. */
	async function step(name, fn) {
		try {
			await fn();
			await screenshot(name);
		} catch (e) {
			const file = await screenshot(`FAILED-${name}`);
			e.message += `\n(screenshot: ${path.relative(process.cwd(), file)})`;
			throw e;
		}
	}

	/** Sign in as the stack's owner; resolves on the owner's home with the stack's workflow. */
	async function signIn() {
		await retry('sign in', async () => {
			await page.goto(`${stack.baseUrl}/signin`);
			// by label, or by input type where a version's form does not tie the label to its input
			await page
				.getByLabel('Email')
				.or(page.locator('input[type="email"]'))
				.first()
				.fill(stack.owner.email);
			await page
				.getByLabel('Password')
				.or(page.locator('input[type="password"]'))
				.first()
				.fill(stack.owner.password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
		});
		await page.getByText(stack.workflowName).filter({ visible: true }).first().waitFor();
	}

	/** Open the stack's workflow (its canvas holds the manual trigger). */
	async function openWorkflow() {
		await retry(
			'open workflow',
			async () => {
				await page.goto(`${stack.baseUrl}/workflow/${stack.workflowId}`);
				await page.getByTestId('canvas-node').first().waitFor();
				// n8n 2.41 locks a workflow to the last tab that edited it (an earlier test file's
				// browser): take it over
				const takeOver = page.getByRole('button', { name: 'Edit here' });
				if (await takeOver.isVisible()) await takeOver.click();
			},
			{ onRetry: () => page.reload() },
		);
	}

	return { browser, page, screenshot, retry, step, signIn, openWorkflow };
}

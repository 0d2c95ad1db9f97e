// The package as one app in n8n's node creator, and the credential's Test messages, in n8n's
// real editor (headless Chromium, playwright-core):
//   - searching "Norce" shows one "Norce Checkout" entry and no other: the action node and both
//     triggers (types whose name without its first "Trigger" is the action node's); its Triggers
//     list has the three events, its Actions list the operations
//   - a new credential saved with a wrong channel, a wrong key, a Base URL without
//     /checkout/order: the message under "Couldn't connect" names what to fix
// Screenshots: test/ui/.artifacts/n8n-<version>/app-*.png (not committed). Runs after
// editor.test.mjs (run.mjs: file name order), as its new credential would change which one n8n
// picks for a new node.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { openBrowser, uiStack } from './lib/browser.mjs';

const require = createRequire(import.meta.url);
const { DEFAULTS } = require('../sandbox');
const OK = 'Connection tested successfully';

let stack;
let closeStack;
let browser;
let page;
let retry;
let step;
let signIn;
let openWorkflow;

describe('Norce Checkout as one app, and its credential Test (headless Chromium)', () => {
	before(async () => {
		({ stack, close: closeStack } = await uiStack());
		({ browser, page, retry, step, signIn, openWorkflow } = await openBrowser(stack, {
			prefix: 'app-',
			clear: true,
		}));
	});

	after(async () => {
		await browser?.close().catch(() => {});
		await closeStack?.();
	});

	it('1. signs in and opens the workflow', async () => {
		await step('workflow-open', async () => {
			await signIn();
			await openWorkflow();
		});
	});

	it('2. searching "Norce" shows one "Norce Checkout" entry with Triggers and Actions', async () => {
		const names = page.getByTestId('node-creator-item-name');
		await step('creator-search', async () => {
			await retry('search the node creator', async () => {
				// n8n 2.41: the workflow may still be locked to editor.test.mjs's tab
				const takeOver = page.getByRole('button', { name: 'Edit here' });
				if (await takeOver.isVisible()) await takeOver.click();
				await page.keyboard.press('Escape');
				await page.getByTestId('canvas-handle-plus').first().click();
				const search = page.getByTestId('node-creator-search-bar');
				await search.waitFor();
				await search.fill('Norce');
				await names.filter({ hasText: /^Norce Checkout$/ }).waitFor();
			});
			const shown = (await names.allInnerTexts()).map((text) => text.trim());
			assert.deepEqual(
				shown.filter((name) => name === 'Norce Checkout'),
				['Norce Checkout'],
				`one "Norce Checkout" entry in ${JSON.stringify(shown)}`,
			);
			// no entry of its own for either trigger (their first types are hidden from the creator)
			assert.deepEqual(
				shown.filter((name) => /^Norce Checkout\b/.test(name) && name !== 'Norce Checkout'),
				[],
				JSON.stringify(shown),
			);
		});
		await step('creator-entry', async () => {
			await names.filter({ hasText: /^Norce Checkout$/ }).click();
			// the Triggers list (collapsed below the actions when adding after a node): the
			// polling trigger's two events and the Notification Trigger's one
			const creator = page.getByTestId('node-creator');
			const triggerEvents = [
				'On order created (polls on a schedule)',
				'On order status changed (polls on a schedule)',
				'On order status changed (instant, from Norce notifications)',
			];
			const created = creator.getByText(triggerEvents[0]).filter({ visible: true });
			if ((await created.count()) === 0)
				await creator
					.getByText(/^Triggers/)
					.filter({ visible: true })
					.first()
					.click();
			for (const event of triggerEvents)
				await creator.getByText(event, { exact: true }).filter({ visible: true }).first().waitFor();
			// the Actions list: the operations
			await creator
				.getByText(/^Actions/)
				.filter({ visible: true })
				.first()
				.waitFor();
			await creator.getByText('Validate an order', { exact: true }).waitFor();
			assert.equal(
				await page.getByText(/No Norce Checkout Triggers available/i).count(),
				0,
				'no "no triggers" placeholder',
			);
		});
	});

	it('3. the credential Test says what is wrong: channel, key, Base URL', async () => {
		const dialog = page.getByTestId('credential-edit-dialog');
		// the modal around it holds the Save button in its header
		const modal = page.getByTestId('editCredential-modal');
		await page.getByTestId('node-creator').getByText('Validate an order', { exact: true }).click();
		await page.getByTestId('ndv').waitFor();
		await retry('open a new credential form', async () => {
			await page.getByTestId('node-credentials-select').click();
			await page.getByTestId('node-credentials-select-item-new').click();
			await dialog.waitFor();
		});
		const input = (name) => dialog.getByTestId(`parameter-input-${name}`).locator('input').first();
		await input('environment').click();
		await page.getByRole('option', { name: 'Custom Base URL' }).click();
		await input('baseUrl').waitFor();

		/** Fill the form, save (n8n tests on save), and wait for `expected` in the dialog. */
		async function saveAndSee(name, fields, expected) {
			await step(`credential-${name}`, async () => {
				for (const [field, value] of Object.entries(fields)) await input(field).fill(value);
				await modal.getByTestId('credential-save-button').click();
				if (expected === OK) {
					// 2.8.4 says so in the form; 2.41.1 closes the form when the test passes
					await Promise.race([
						modal.getByText(OK).first().waitFor(),
						modal.waitFor({ state: 'hidden' }),
					]);
					return;
				}
				// the banner "Couldn't connect with these settings"; "More details" unfolds the message
				// (it may still show the last save's: wait for this one's text)
				await modal
					.getByText(/Couldn.t connect with these settings/)
					.first()
					.waitFor();
				await retry(
					`see the ${name} message`,
					async () => {
						const message = modal.getByText(expected).first();
						if (await message.isVisible()) return;
						const more = modal.getByText('More details').first();
						if (await more.isVisible()) await more.click();
						await message.waitFor({ timeout: 10_000 });
					},
					{ tries: 4 },
				);
			});
		}

		const base = {
			baseUrl: stack.sandbox.baseUrl,
			merchant: stack.sandbox.merchant,
			channel: stack.sandbox.channel,
			apiKey: DEFAULTS.apiKey,
		};
		await saveAndSee(
			'403-channel',
			{ ...base, channel: 'dk' },
			`Norce Checkout refused merchant "${stack.sandbox.merchant}" or channel "dk" for this API key (403).`,
		);
		await saveAndSee(
			'401-key',
			{ ...base, apiKey: 'wrong-key-for-the-ui-test' },
			/^Norce Checkout refused the API key \(401\)\./,
		);
		await saveAndSee(
			'404-base-url',
			{ ...base, baseUrl: stack.sandbox.baseUrl.replace(/\/checkout\/order$/, '') },
			/The Base URL must be the Order API base, ending with \/checkout\/order/,
		);
		await saveAndSee('ok', base, OK);
	});
});

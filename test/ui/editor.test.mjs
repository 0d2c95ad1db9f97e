// The node in n8n's real editor, driven in headless Debian Chromium (playwright-core):
// sign in, open a workflow, add "Norce Checkout" (the action node) from the node creator, see its five
// operations, its Docs link, its credential form (required fields, the slug hint, the docs link),
// run Validate against the local sandbox and see the items.
// Assertions are on what a user sees (texts, elements), never on timing.
//
// Started by test/ui/run.mjs, which passes the running stack in UI_STACK (JSON). Run directly
// (`node --test test/ui/editor.test.mjs`) it starts its own stack (newest pinned n8n).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UI_DIR, openBrowser, uiStack } from './lib/browser.mjs';

const REPO_ROOT = path.resolve(UI_DIR, '..', '..');
// The intended docs links (nodes/NorceCheckoutOrder/NorceCheckoutOrder.node.json and
// credentials/NorceApi.credentials.ts). n8n appends `?utm_source=…` to the node's codex URL
// (editor-ui useNodeDocsUrl.ts), so that one must have no #fragment; the credential's absolute
// URL is opened unchanged (CredentialConfig.vue), so its README anchor survives.
const REPO_URL = 'https://github.com/norce-community/n8n-nodes-norce-checkout';
const NODE_DOCS_URL = `${REPO_URL}/blob/main/docs/norce-checkout-order.md`;
const CREDENTIAL_DOCS_URL = `${REPO_URL}#credentials`;
const SLUG_HINT =
	'Lowercase letters, digits and hyphens only; no hyphen at the start or end; at most 63 characters';
/** A field label as n8n draws it: "Slug *" when the field is required. */
const fieldLabel = (label, required) =>
	new RegExp(`^\\s*${label}\\s*${required ? '\\*\\s*' : ''}$`);
const REQUIRED = {
	Environment: false,
	Slug: true,
	'Base URL': true,
	Merchant: true,
	Channel: true,
	'API Key': true,
};

/** Waits until the credential form shows each field of `labels`, with its * where required. */
async function waitForFields(dialog, labels) {
	for (const label of labels)
		await dialog
			.getByText(fieldLabel(label, REQUIRED[label]))
			.filter({ visible: true })
			.first()
			.waitFor();
}

/** How many visible labels the credential form has for the (required) field `label`. */
const visibleFieldCount = (dialog, label) =>
	dialog.getByText(fieldLabel(label, true)).filter({ visible: true }).count();

const OPERATIONS = [
	'Add Validation',
	'Create',
	'Delete',
	'Get',
	'Get Many',
	'Remove Validation',
	'Update Address',
	'Update Attributes',
	'Update Cart',
	'Update Reference',
	'Update State',
	'Validate',
];
const NODE_NAME = 'Norce Checkout';

let stack;
let closeStack;
let browser;
let page;
let screenshot;
let retry;
let step;
let signIn;
let openWorkflow;

describe('Norce Checkout Order in the n8n editor (headless Chromium)', () => {
	before(async () => {
		({ stack, close: closeStack } = await uiStack());
		({ browser, page, screenshot, retry, step, signIn, openWorkflow } = await openBrowser(stack, {
			clear: true,
		}));
	});

	after(async () => {
		await browser?.close().catch(() => {});
		await closeStack?.();
	});

	it(`1. signs in as the owner`, async () => {
		await step('signed-in', signIn);
	});

	it('2. opens the workflow that uses the sandbox credential', async () => {
		await step('workflow-open', async () => {
			await openWorkflow();
			await page
				.getByTestId('canvas-breadcrumbs')
				.getByText(stack.workflowName)
				.filter({ visible: true })
				.first()
				.waitFor();
			assert.ok(
				(await page.getByTestId('canvas-trigger-node').count()) >= 1,
				'the trigger is on the canvas',
			);
		});
	});

	it(`3. adds "${NODE_NAME}" from the node creator`, async () => {
		await step('node-creator', async () => {
			await retry('open the node creator after the trigger', async () => {
				await page.keyboard.press('Escape');
				await page.getByTestId('canvas-handle-plus').first().click();
				const search = page.getByTestId('node-creator-search-bar');
				await search.waitFor();
				await search.fill('Norce');
				await page
					.getByTestId('node-creator-item-name')
					.filter({ hasText: new RegExp(`^${NODE_NAME}$`) })
					.waitFor();
			});
			const item = page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: new RegExp(`^${NODE_NAME}$`) });
			assert.equal(await item.count(), 1, `exactly one "${NODE_NAME}" in the node creator`);
			await item.click();
			// the node's action list (one action per operation)
			await page.getByText('Validate an order', { exact: true }).waitFor();
		});
		await step('node-added', async () => {
			await page.getByText('Validate an order', { exact: true }).click();
			await page.getByTestId('ndv').waitFor();
			await page
				.getByTestId('ndv')
				.getByText('Validate an order')
				.filter({ visible: true })
				.first()
				.waitFor();
		});
	});

	it('4. the Operation list has every order operation', async () => {
		await step('operations', async () => {
			const options = await retry('open the Operation list', async () => {
				await page.getByTestId('parameter-input-operation').click();
				const opts = page.getByRole('option');
				await opts
					.filter({ hasText: /^Update Reference/ })
					.first()
					.waitFor();
				return opts;
			});
			const titles = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
			for (const op of OPERATIONS)
				assert.ok(titles.includes(op), `"${op}" in ${JSON.stringify(titles)}`);
		});
		// pick Validate again (it is the current one) and close the list
		await page
			.getByRole('option')
			.filter({ hasText: /^Validate/ })
			.first()
			.click();
		await page.getByTestId('parameter-input-operation').locator('input').first().waitFor();
		assert.equal(
			await page.getByTestId('parameter-input-operation').locator('input').first().inputValue(),
			'Validate',
		);
	});

	it("5. the Docs link opens the node's docs page; n8n's utm query follows it, no #fragment", async (t) => {
		await step('node-docs-link', async () => {
			const link = page
				.getByTestId('ndv')
				.getByRole('link', { name: /^Docs$/ })
				.filter({ visible: true })
				.first();
			await link.waitFor();
			const href = await link.getAttribute('href');
			t.diagnostic(`node Docs link: ${href}`);
			const url = new URL(href);
			assert.equal(`${url.origin}${url.pathname}`, NODE_DOCS_URL, href);
			assert.equal(url.hash, '', `no fragment for the utm query to break: ${href}`);
			assert.equal(url.searchParams.get('utm_source'), 'n8n_app', href);
			// the page exists in this repository (blob/main/<path>)
			const file = NODE_DOCS_URL.slice(`${REPO_URL}/blob/main/`.length);
			assert.ok(fs.existsSync(path.join(REPO_ROOT, file)), `${file} exists`);
		});
	});

	it('6. the credential form shows Environment, Base URL / Slug, Merchant, Channel, API Key', async (t) => {
		const dialog = page.getByTestId('credential-edit-dialog');
		// the selected sandbox credential (environment Custom Base URL)
		await step('credential-sandbox', async () => {
			const select = page.getByTestId('node-credentials-select').locator('input').first();
			await select.waitFor();
			assert.equal(await select.inputValue(), stack.credential.name);
			await retry('open the credential', async () => {
				await page.getByTestId('credential-edit-button').click();
				await dialog.waitFor();
			});
			await waitForFields(dialog, ['Environment', 'Base URL', 'Merchant', 'Channel', 'API Key']);
			assert.equal(await visibleFieldCount(dialog, 'Slug'), 0, 'no Slug field for Custom');
			assert.equal(
				await dialog.getByTestId('parameter-input-baseUrl').locator('input').inputValue(),
				stack.sandbox.baseUrl,
			);
			// n8n tests a saved credential when it opens: the sandbox accepts it
			await dialog.getByText('Connection tested successfully').waitFor();
			// the form's docs link ("… or read the docs" / "Open docs"): the README anchor, unchanged
			const docs = dialog
				.getByRole('link', { name: /^\s*(open )?docs\s*$/i })
				.filter({ visible: true })
				.first();
			await docs.waitFor();
			const credentialHref = await docs.getAttribute('href');
			t.diagnostic(`credential docs link: ${credentialHref}`);
			assert.equal(credentialHref, CREDENTIAL_DOCS_URL);
			const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
			assert.match(readme, /^## Credentials$/m, 'the anchor #credentials exists in the README');
		});
		await closeCredentialDialog(dialog);
		// a new credential of this type: default environment Playground → Slug instead of Base URL
		await step('credential-new', async () => {
			await retry('open a new credential form', async () => {
				await page.getByTestId('node-credentials-select').click();
				await page.getByTestId('node-credentials-select-item-new').click();
				await dialog.waitFor();
			});
			// required fields carry n8n's asterisk; the slug rule is the field's hint
			await waitForFields(dialog, ['Environment', 'Slug', 'Merchant', 'Channel', 'API Key']);
			assert.equal(
				await visibleFieldCount(dialog, 'Base URL'),
				0,
				'no Base URL field for Playground',
			);
			await dialog.getByText(SLUG_HINT).filter({ visible: true }).first().waitFor();
			// leaving the empty Slug says so at once, before any Test
			assert.equal(await dialog.getByText('This field is required').count(), 0);
			const slug = dialog.getByTestId('parameter-input-slug').locator('input').first();
			await slug.click();
			await slug.press('Tab');
			await dialog.getByText('This field is required').first().waitFor();
			await screenshot('credential-new-slug-required');
			// a slug that breaks the rule: the rule stays right under it
			await slug.fill('My_Shop');
			await slug.press('Tab');
			await dialog.getByText(SLUG_HINT).filter({ visible: true }).first().waitFor();
			assert.equal(
				await dialog.getByText('This field is required').filter({ visible: true }).count(),
				0,
			);
			assert.equal(
				await dialog
					.getByTestId('parameter-input-environment')
					.locator('input')
					.first()
					.inputValue(),
				'Playground',
			);
			const env = await dialog.getByTestId('parameter-input-environment').locator('input').first();
			await env.click();
			const envOptions = (await page.getByRole('option').allInnerTexts()).map((t) => t.trim());
			for (const o of ['Playground', 'Stage', 'Production', 'Custom Base URL'])
				assert.ok(envOptions.includes(o), `environment "${o}" in ${JSON.stringify(envOptions)}`);
			await page.getByRole('option', { name: 'Custom Base URL' }).click();
			await waitForFields(dialog, ['Base URL']);
			assert.equal(await visibleFieldCount(dialog, 'Slug'), 0, 'Slug hidden for Custom');
		});
		await closeCredentialDialog(dialog);
		// the node still uses the sandbox credential
		const select = page.getByTestId('node-credentials-select').locator('input').first();
		assert.equal(await select.inputValue(), stack.credential.name);
	});

	it("7. Validate on the sandbox from the editor: Order ID From List (the sandbox's orders by reference, customer, status), then By ID; the output panel shows the items", async () => {
		const orderId = stack.demo.failingOrderId;
		const sandboxRoot = stack.sandbox.baseUrl.replace(/\/checkout\/order$/, '');
		const scripted = await (
			await fetch(`${sandboxRoot}/__sandbox/orders/${encodeURIComponent(orderId)}`)
		).json();
		const expected = scripted.validation.results;
		assert.ok(expected.length >= 2, 'the failing demo order has several validation messages');
		// Order ID is a resource locator: From List (the default) lists the sandbox's orders
		const locator = page.getByTestId('resource-locator-orderId');
		// the text box of By ID (n8n puts the test id on the input or on its wrapper, by version)
		const idInput = () =>
			locator
				.getByTestId('rlc-input-container')
				.locator('input, textarea')
				.filter({ visible: true })
				.first();
		await step('order-from-list', async () => {
			await retry('open the order list', async () => {
				await locator.getByTestId('rlc-input').first().click();
				await page.getByTestId('rlc-item').filter({ visible: true }).first().waitFor();
			});
			const listed = await page.getByTestId('rlc-item').filter({ visible: true }).allInnerTexts();
			// "reference · customer · status · date · total", newest first
			assert.ok(
				listed.length > 0 && listed.some((text) => text.includes(' · ')),
				JSON.stringify(listed.slice(0, 3)),
			);
		});
		await page.keyboard.press('Escape');
		await retry('switch Order ID to By ID', async () => {
			await locator.getByTestId('rlc-mode-selector').click();
			await page.getByTestId('mode-id').filter({ visible: true }).first().click();
			await idInput().waitFor();
		});
		await step('validate-output', async () => {
			const input = idInput();
			await input.fill(orderId);
			// leave the field so the editor commits the value to the node before it runs
			await input.press('Tab');
			assert.equal(await input.inputValue(), orderId);
			const out = page.getByTestId('output-panel');
			await retry('execute step', async () => {
				await page.getByTestId('node-execute-button').click();
				await out
					.getByText(new RegExp(`^${expected.length} items?$`))
					.first()
					.waitFor();
			});
			for (const v of expected) {
				await out.getByText(v.code, { exact: true }).first().waitFor();
				await out.getByText(v.adapterId, { exact: true }).first().waitFor();
			}
			assert.ok(
				(await out.getByText(orderId, { exact: true }).count()) >= expected.length,
				'every item names the order',
			);
		});
	});

	it('8. on the canvas the node says which resource and operation it runs, by their display names', async () => {
		await step('canvas-subtitle', async () => {
			await retry('close the node panel', async () => {
				await page.keyboard.press('Escape');
				await page.getByTestId('ndv').waitFor({ state: 'hidden' });
			});
			const node = page.getByTestId('canvas-node').filter({ hasText: 'Validate an order' }).first();
			await node.getByText('Order: Validate', { exact: true }).waitFor();
			assert.ok(!(await node.innerText()).includes('validate: order'), 'no raw values');
		});
	});
});

async function closeCredentialDialog(dialog) {
	await retry('close the credential dialog', async () => {
		if (await dialog.isVisible()) {
			// the dialog's own close button (Escape would close the node panel behind it too)
			const modal = page.getByTestId('editCredential-modal');
			await modal
				.getByRole('button', { name: /^Close/ })
				.filter({ visible: true })
				.first()
				.click();
			// an unsaved new credential asks first
			const confirm = page
				.getByRole('button', { name: /^(Close|Leave without saving|Close without saving)$/ })
				.filter({ visible: true });
			await Promise.race([dialog.waitFor({ state: 'hidden' }), confirm.first().waitFor()]);
			if (
				await confirm
					.first()
					.isVisible()
					.catch(() => false)
			)
				await confirm.first().click();
			await dialog.waitFor({ state: 'hidden' });
		}
		if (!(await page.getByTestId('ndv').isVisible())) {
			// back to the node panel: open the node from the canvas
			await page
				.getByTestId('canvas-node')
				.filter({ hasText: 'Validate an order' })
				.first()
				.dblclick();
		}
		await page.getByTestId('ndv').waitFor();
	});
}

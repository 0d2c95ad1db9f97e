/**
 * Publishing and unpublishing the Notification Trigger: its one entry in the channel's
 * static_notifications document, through n8n-core's HookContext over real HTTP against the
 * sandbox's Configuration API.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { TEST_RETRY_TIMING, useNorceSandbox } from '../../helpers/norceFixture';
import type { WebhookHost } from '../../helpers/webhookRuntime';
import { startWebhookHost } from '../../helpers/webhookRuntime';

const norce = useNorceSandbox();
const CONFIGURATION_PATH =
	'/checkout/configuration/api/v1/configuration/merchants/norce-demo/channels/se/configurations/static_notifications';
const OUR_REFERENCE = 'n8n:notification-workflow:notification-trigger';

/** Another integrator's entry, with fields in an unusual order and a nested schema. */
const FOREIGN = {
	reference: 'erp-export',
	invoke: 'https://erp.example.com/hooks/{order_id}?token=abc',
	scope: '/state/currentStatus',
	schema: { not: { enum: ['checkout'] }, type: 'string' },
	description: 'ERP — export (åäö)',
};
const FOREIGN_DOCUMENT = {
	$schema: 'https://example.com/schema.json',
	id: 'static_notifications',
	active: true,
	order: { notifications: [FOREIGN], attributes: { keep: [1, 2.5, null] } },
	extra: { untouched: true },
};

let hosts: WebhookHost[] = [];
async function host(parameters: INodeParameters = {}) {
	const started = await startWebhookHost({
		parameters,
		credentials: norce.credentials,
		dependencies: { timing: TEST_RETRY_TIMING },
	});
	hosts.push(started);
	return started;
}
afterEach(async () => {
	await Promise.all(hosts.map((h) => h.close()));
	hosts = [];
});

const stored = () => norce.sandbox.configuration.get('se') as IDataObject | undefined;
const entries = () => ((stored()?.order as IDataObject)?.notifications ?? []) as IDataObject[];
const configurationCalls = () =>
	norce.sandbox.requests
		.filter((r) => r.path.startsWith('/checkout/configuration/'))
		.map((r) => `${r.method} ${r.path}`);
const asJson = (value: unknown) => JSON.stringify(value);

describe('publish', () => {
	it('adds one entry of ours and keeps every other field and entry exactly as it was', async () => {
		norce.sandbox.configuration.put('se', FOREIGN_DOCUMENT);
		const trigger = await host({ statuses: ['completed', 'processing'] });
		expect(await trigger.hook('checkExists')).toBe(false);
		expect(await trigger.hook('create')).toBe(true);

		const document = stored() as IDataObject;
		expect(asJson(entries()[0])).toBe(asJson(FOREIGN));
		expect(asJson({ ...document, order: undefined })).toBe(
			asJson({ ...FOREIGN_DOCUMENT, order: undefined }),
		);
		expect((document.order as IDataObject).attributes).toEqual({ keep: [1, 2.5, null] });
		expect(entries()).toHaveLength(2);
		expect(entries()[1]).toEqual({
			description: 'n8n workflow "Order placed → ERP" (Norce Checkout Notification Trigger)',
			reference: OUR_REFERENCE,
			scope: '/state/currentStatus',
			schema: { enum: ['processing', 'completed'] },
			invoke: trigger.webhookUrl,
		});
		// read, write, read back
		expect(configurationCalls()).toEqual([
			`GET ${CONFIGURATION_PATH}`,
			`GET ${CONFIGURATION_PATH}`,
			`PUT ${CONFIGURATION_PATH}`,
			`GET ${CONFIGURATION_PATH}`,
		]);
		const put = norce.sandbox.requests.find((r) => r.method === 'PUT');
		expect(put?.headers.authorization).toBe(`Bearer ${norce.sandbox.apiKey}`);
		expect(await trigger.hook('checkExists')).toBe(true);
	});

	it('creates the document with ours only when the channel has none (404), without a schema when no status is chosen', async () => {
		const trigger = await host();
		await trigger.hook('create');
		expect(stored()).toEqual({
			$schema: `${norce.sandbox.url}/checkout/configuration/openapi/v1/schemas/configuration.json`,
			id: 'static_notifications',
			active: true,
			order: {
				notifications: [
					{
						description: expect.any(String),
						reference: OUR_REFERENCE,
						scope: '/state/currentStatus',
						invoke: trigger.webhookUrl,
					},
				],
			},
		});
	});

	it('replaces its own earlier entry in place when the statuses change', async () => {
		norce.sandbox.configuration.put('se', FOREIGN_DOCUMENT);
		await (await host({ statuses: ['processing'] })).hook('create');
		norce.sandbox.configuration.put('se', {
			...stored(),
			order: { notifications: [...entries(), { ...FOREIGN, reference: 'later' }] },
		});
		const changed = await host({ statuses: ['completed'] });
		expect(await changed.hook('checkExists')).toBe(false);
		await changed.hook('create');
		expect(entries().map((entry) => [entry.reference, entry.schema])).toEqual([
			['erp-export', FOREIGN.schema],
			[OUR_REFERENCE, { enum: ['completed'] }],
			['later', FOREIGN.schema],
		]);
	});

	it('a test listener registers its own entry at the test URL and leaves the live one alone', async () => {
		const trigger = await host();
		await trigger.hook('create');
		await trigger.hook('create', 'manual');
		expect(entries().map((entry) => [entry.reference, entry.invoke])).toEqual([
			[OUR_REFERENCE, trigger.webhookUrl],
			[`${OUR_REFERENCE}:test`, trigger.webhookUrl.replace('/webhook/', '/webhook-test/')],
		]);
		await trigger.hook('delete', 'manual');
		expect(entries().map((entry) => entry.reference)).toEqual([OUR_REFERENCE]);
	});

	it.each([401, 403] as const)(
		'%i: fails saying the key may not change the configuration and the polling trigger needs no such right; nothing is written',
		async (status) => {
			norce.sandbox.configuration.put('se', FOREIGN_DOCUMENT);
			norce.sandbox.configuration.setAccess(status);
			const trigger = await host();
			const failure = trigger.hook('create');
			await expect(failure).rejects.toThrow(
				`This API key may not change the notification configuration of channel "se" [HTTP ${status}]`,
			);
			await expect(failure).rejects.toHaveProperty(
				'description',
				expect.stringContaining('The Norce Checkout Trigger (polling) needs no such right'),
			);
			expect(configurationCalls()).toEqual([`GET ${CONFIGURATION_PATH}`]);
			expect(asJson(stored())).toBe(asJson(FOREIGN_DOCUMENT));
		},
	);

	it('fails when Norce did not keep ours (another write replaced it at the same moment)', async () => {
		const trigger = await host();
		const { configuration } = norce.sandbox;
		const put = configuration.put.bind(configuration);
		// Another integrator's PUT, based on the document before ours, lands right after ours.
		configuration.put = (channel: string, document: Record<string, unknown>, id?: string) => {
			put(channel, document, id);
			put(channel, FOREIGN_DOCUMENT, id);
		};
		try {
			await expect(trigger.hook('create')).rejects.toThrow(
				'Norce did not keep this trigger\'s notification in the notification configuration of channel "se"',
			);
		} finally {
			configuration.put = put;
		}
	});

	it.each([
		[
			'notifications that are not a list',
			{ id: 'static_notifications', order: { notifications: {} } },
		],
		['an order that is not an object', { id: 'static_notifications', order: [] }],
	])('refuses a document with %s and writes nothing', async (_, document) => {
		norce.sandbox.configuration.put('se', document);
		await expect((await host()).hook('create')).rejects.toThrow(/nothing was changed/);
		expect(norce.sandbox.requests.some((r) => r.method === 'PUT')).toBe(false);
	});

	it('refuses a switched-off document instead of registering a notification that never fires', async () => {
		norce.sandbox.configuration.put('se', { ...FOREIGN_DOCUMENT, active: false });
		const trigger = await host();
		expect(await trigger.hook('checkExists')).toBe(false);
		await expect(trigger.hook('create')).rejects.toThrow(/switched off/);
		expect(norce.sandbox.requests.some((r) => r.method === 'PUT')).toBe(false);
	});

	it('uses the Channel option for the document and refuses a channel that is not a name', async () => {
		const trigger = await host({ options: { channel: 'no' } });
		await trigger.hook('create');
		expect(norce.sandbox.configuration.get('no')).toBeDefined();
		expect(stored()).toBeUndefined();
		await expect((await host({ options: { channel: '..' } })).hook('create')).rejects.toThrow(
			'Channel is not a valid channel name',
		);
	});
});

describe('unpublish', () => {
	it('removes only ours with a PUT and never deletes the document', async () => {
		norce.sandbox.configuration.put('se', FOREIGN_DOCUMENT);
		const trigger = await host({ statuses: ['processing'] });
		await trigger.hook('create');
		norce.sandbox.clearRequests();
		expect(await trigger.hook('delete')).toBe(true);
		expect(asJson(stored())).toBe(asJson(FOREIGN_DOCUMENT));
		expect(configurationCalls()).toEqual([
			`GET ${CONFIGURATION_PATH}`,
			`PUT ${CONFIGURATION_PATH}`,
		]);
	});

	it('leaves a document without ours, or no document, untouched', async () => {
		norce.sandbox.configuration.put('se', FOREIGN_DOCUMENT);
		const trigger = await host();
		await trigger.hook('delete');
		norce.sandbox.configuration.reset();
		await trigger.hook('delete');
		expect(norce.sandbox.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
	});

	it('keeps an empty list when ours was the only entry', async () => {
		const trigger = await host();
		await trigger.hook('create');
		await trigger.hook('delete');
		expect((stored()?.order as IDataObject).notifications).toEqual([]);
		expect(norce.sandbox.requests.some((r) => r.method === 'DELETE')).toBe(false);
	});
});

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import type { NorceConnection } from '../shared/connection';
import { norceConnection } from '../shared/connection';

const CREDENTIAL_FIELDS = ['environment', 'slug', 'baseUrl', 'merchant', 'channel', 'apiKey'];

/**
 * n8n hands `authenticate` the same decrypted credential object for every request of a run,
 * so the checked connection is kept per object, with the field values it was built from (in
 * case the object ever changes), instead of validating the credential again per request.
 */
const checked = new WeakMap<object, { values: unknown[]; connection: NorceConnection }>();

function checkedConnection(credentials: ICredentialDataDecryptedObject): NorceConnection {
	const known = checked.get(credentials);
	if (
		known !== undefined &&
		CREDENTIAL_FIELDS.every((field, index) => credentials[field] === known.values[index])
	) {
		return known.connection;
	}
	const connection = norceConnection(credentials);
	checked.set(credentials, {
		values: CREDENTIAL_FIELDS.map((field) => credentials[field]),
		connection,
	});
	return connection;
}

export class NorceApi implements ICredentialType {
	name = 'norceApi';

	displayName = 'Norce Checkout API';

	icon: Icon = {
		light: 'file:../icons/norce.svg',
		dark: 'file:../icons/norce.dark.svg',
	};

	// n8n opens a credential's absolute documentationUrl unchanged unless its host is
	// docs.n8n.io (editor-ui CredentialConfig.vue `documentationUrl`, 2.8.4 and 2.41.1), so a
	// README anchor survives here. The node's Docs link is different: n8n appends
	// `?utm_source=…` to the codex primaryDocumentation URL (editor-ui useNodeDocsUrl.ts), which
	// would turn `#operations` into `#operations?utm_source=…`; that one is a page without a
	// fragment (NorceCheckoutOrder.node.json → docs/norce-checkout-order.md).
	// test/ui/editor.test.mjs checks both links in the real editor.
	documentationUrl = 'https://github.com/norce-community/n8n-nodes-norce-checkout#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Playground', value: 'playground' },
				{ name: 'Stage', value: 'stage' },
				{ name: 'Production', value: 'production' },
				{ name: 'Custom Base URL', value: 'custom' },
			],
			default: 'playground',
			description: 'Which Norce Checkout environment to call',
		},
		{
			displayName: 'Slug',
			name: 'slug',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. my-shop',
			description:
				'Your tenant slug from Norce: the first part of the API host, https://{slug}.api-se.norce.tech. Lowercase letters, digits and hyphens only.',
			// the rule of connection.ts SLUG_PATTERN (one DNS label), shown under the field
			hint: 'Lowercase letters, digits and hyphens only; no hyphen at the start or end; at most 63 characters',
			displayOptions: { hide: { environment: ['custom'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. http://127.0.0.1:4010/checkout/order',
			description:
				'The Order API base up to and including /checkout/order, for proxies, mocks and the local sandbox',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Merchant',
			name: 'merchant',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. my-shop',
			description:
				'Merchant identifier, sent as the x-merchant header. Often the same as the slug.',
		},
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. se',
			description:
				'Channel identifier, sent as the x-channel header. A node can override it in its options.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Norce Checkout access token (primary or secondary) from your Norce contact. Sent as "Authorization: Bearer …"; paste it with or without the "Bearer " prefix.',
		},
	];

	// A function rather than a generic header template: it validates the slug before any
	// request leaves (also for the credential test), and strips a pasted "Bearer " prefix.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const connection = checkedConnection(credentials);
		const headers: Record<string, string> = {
			'x-merchant': connection.merchant,
			'x-channel': connection.channel,
			...(requestOptions.headers as Record<string, string> | undefined),
			Authorization: `Bearer ${connection.token}`,
		};
		const isRelative = !/^https?:\/\//i.test(requestOptions.url);
		return {
			...requestOptions,
			...(isRelative && requestOptions.baseURL === undefined
				? { baseURL: connection.baseUrl }
				: {}),
			headers,
		};
	}

	test: ICredentialTestRequest = {
		request: {
			url: '/api/v0/checkout/orders',
			method: 'GET',
			qs: { limit: 1 },
		},
	};
}

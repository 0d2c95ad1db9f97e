import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { norceConnection } from '../shared/connection';
import { credentialOrigin, originOf, serviceHeaders } from '../shared/transport/endpoint';

/** The legacy request helper (HTTP Request node) names the URL `uri`. */
type AnyRequestOptions = IHttpRequestOptions & { uri?: string };

/** Where the HTTP client sends a request: the URL when absolute, else base and URL joined. */
function targetUrl(options: AnyRequestOptions, baseUrl: string): string {
	const url = String(options.url ?? options.uri ?? '');
	if (/^https?:\/\//i.test(url)) return url;
	const base = (options.baseURL ?? baseUrl).replace(/\/+$/, '');
	return `${base}/${url.replace(/^\/+/, '')}`;
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

	/**
	 * Used by the credential's Test and by other nodes that borrow this credential (e.g. the
	 * HTTP Request node with "Predefined Credential Type"); the Norce nodes build their
	 * requests in shared/transport from the same helpers. The key, merchant and channel go
	 * only to the credential's own origin, and redirects are not followed: n8n would send
	 * them on to wherever a redirect points.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: AnyRequestOptions,
	): Promise<IHttpRequestOptions> {
		const connection = norceConnection(credentials);
		const origin = credentialOrigin(connection);
		const target = targetUrl(requestOptions, connection.baseUrl);
		const targetOrigin = originOf(target);
		if (targetOrigin !== origin) {
			throw new Error(
				`The Norce Checkout credential sends its API key only to ${origin}, not to ${targetOrigin ?? target}. Use it only for requests to Norce Checkout, or check its environment, slug or Base URL.`,
			);
		}
		const service = /\/checkout\/(notification|configuration)(\/|$)/.exec(
			new URL(target).pathname,
		)?.[1] as 'notification' | 'configuration' | undefined;
		const { Authorization, ...norceHeaders } = serviceHeaders(
			connection,
			service ?? 'order',
			connection.channel,
		);
		const options: AnyRequestOptions & { followRedirect: boolean; followAllRedirects: boolean } = {
			...requestOptions,
			// The checked URL is the one sent: absolute, with no base left to join.
			baseURL: undefined,
			...(requestOptions.uri === undefined ? { url: target } : { uri: target }),
			headers: {
				...norceHeaders,
				...(requestOptions.headers ?? {}),
				Authorization,
			},
			// n8n's httpRequest, and its legacy request helper (HTTP Request node), respectively
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			followRedirect: false,
			followAllRedirects: false,
		};
		return options;
	}

	// No `test` request here: its `rules` can only answer a status with a fixed text. The nodes
	// name shared/transport/credentialTest.ts in `testedBy`, which n8n calls for the Test button
	// (and only when the credential has no `test`): its messages name the wrong field and the
	// merchant and channel sent.
}

import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { RetryTiming } from '../../shared/transport';
import { DEFAULT_RETRY_TIMING, testNorceCredential } from '../../shared/transport';
import { notificationTriggerProperties } from './description';
import type { ReceiveDependencies } from './receive';
import { receive } from './receive';
import { register, registrationExists, unregister } from './registration';

type HookMethod = (this: IHookFunctions) => Promise<boolean>;
type WebhookMethods = {
	default: { checkExists: HookMethod; create: HookMethod; delete: HookMethod };
};

const DEFAULT_DEPENDENCIES: ReceiveDependencies = {
	timing: DEFAULT_RETRY_TIMING as RetryTiming,
	now: Date.now,
};

/** Publish (checkExists, then create) and unpublish (delete), bound to the node's dependencies. */
function webhookMethodsWith(dependencies: ReceiveDependencies): WebhookMethods {
	return {
		default: {
			async checkExists(this: IHookFunctions) {
				return await registrationExists(this, dependencies);
			},
			async create(this: IHookFunctions) {
				return await register(this, dependencies);
			},
			async delete(this: IHookFunctions) {
				return await unregister(this, dependencies);
			},
		},
	};
}

// Instant, from Norce's own notifications: Norce calls n8n after each status change, so
// nothing is read while nothing happens. The price: a key allowed to change the channel's
// configuration, and orders created before publishing never notify (README "Triggers").
// This first type is hidden from the node creator, which offers the same trigger as
// NorceCheckoutTriggerOrder inside the "Norce Checkout" entry; saved workflows keep this one.
export class NorceCheckoutNotificationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Norce Checkout Notification Trigger',
		name: 'norceCheckoutNotificationTrigger',
		icon: { light: 'file:../../icons/norce.svg', dark: 'file:../../icons/norce.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{($parameter["statuses"] || []).length ? "Into " + $parameter["statuses"].join(", ") : "Any status change"}}',
		description:
			'Starts the workflow the moment a Norce Checkout order changes status, from Norce notifications',
		defaults: { name: 'Norce Checkout Notification Trigger' },
		hidden: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The credential's Test (shared/transport/credentialTest.ts): n8n asks a node that names it.
		credentials: [{ name: 'norceApi', required: true, testedBy: 'norceApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The webhook answers by itself, before reading the order back.
				responseMode: 'onReceived',
				path: 'norce',
			},
		],
		properties: notificationTriggerProperties,
	};

	methods = { credentialTest: { norceApiTest: testNorceCredential } };

	webhookMethods = webhookMethodsWith(DEFAULT_DEPENDENCIES);

	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

	/** n8n constructs the node without arguments; tests pass short retry waits and a clock. */
	constructor(dependencies: Partial<ReceiveDependencies> = {}) {
		const resolved: ReceiveDependencies = { ...DEFAULT_DEPENDENCIES, ...dependencies };
		this.webhookMethods = webhookMethodsWith(resolved);
		this.webhook = async function (this: IWebhookFunctions) {
			return await receive(this, resolved);
		};
	}
}

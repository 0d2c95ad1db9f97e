import type { ReceiveDependencies } from '../NorceCheckoutNotificationTrigger/receive';
import { NorceCheckoutNotificationTrigger } from '../NorceCheckoutNotificationTrigger/NorceCheckoutNotificationTrigger.node';

/**
 * The Notification Trigger as the node creator offers it. n8n adds a trigger to an app's entry
 * when `type.replace('Trigger', '')` — the first "Trigger" only — is the app's type (editor-ui
 * useActionsGenerator generateMergedNodesAndActions, n8n 2.8.4 and 2.41.1), and it merges every
 * trigger that matches. norceCheckoutOrderTrigger (polling) already takes the usual spelling, so
 * this one is norceCheckoutTriggerOrder: the same webhook trigger as
 * norceCheckoutNotificationTrigger (hidden, kept for saved workflows), with the same parameters,
 * registration and saved state.
 */
export class NorceCheckoutTriggerOrder extends NorceCheckoutNotificationTrigger {
	constructor(dependencies: Partial<ReceiveDependencies> = {}) {
		super(dependencies);
		this.description = {
			...this.description,
			name: 'norceCheckoutTriggerOrder',
			hidden: undefined,
		};
	}
}

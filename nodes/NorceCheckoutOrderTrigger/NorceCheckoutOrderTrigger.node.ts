import type { PollDependencies } from '../NorceCheckoutTrigger/poll/poll';
import { NorceCheckoutTrigger } from '../NorceCheckoutTrigger/NorceCheckoutTrigger.node';

/**
 * The polling trigger as the node creator offers it: n8n shows an app and its trigger as one
 * entry (Actions and Triggers tabs) only when the trigger's type is the app's type + "Trigger"
 * (editor-ui useActionsGenerator generateMergedNodesAndActions: `trigger.name.replace('Trigger',
 * '')` must equal the app's name; n8n 2.8.4 and 2.41.1). The action node is norceCheckoutOrder,
 * so this is norceCheckoutOrderTrigger: the same trigger as norceCheckoutTrigger (hidden, kept
 * for saved workflows), with the same poll, parameters and saved state.
 */
export class NorceCheckoutOrderTrigger extends NorceCheckoutTrigger {
	constructor(dependencies: Partial<PollDependencies> = {}) {
		super(dependencies);
		this.description = {
			...this.description,
			name: 'norceCheckoutOrderTrigger',
			hidden: undefined,
		};
	}
}

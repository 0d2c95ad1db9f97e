import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { RetryTiming } from '../../shared/transport';
import { DEFAULT_RETRY_TIMING, testNorceCredential } from '../../shared/transport';
import { triggerProperties } from './poll/description';
import type { PollDependencies } from './poll/poll';
import { pollOrders } from './poll/poll';

// Polling, because it needs nothing but the order list and the credential: no webhook to
// register, nothing left behind on Norce when the workflow is unpublished.
// This first type of the trigger is hidden from the node creator, which lists a trigger under
// an app only when its type is the app's type + "Trigger": the creator offers the same trigger
// as NorceCheckoutOrderTrigger, and saved workflows keep running with this one unchanged.
export class NorceCheckoutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Norce Checkout Trigger',
		name: 'norceCheckoutTrigger',
		icon: { light: 'file:../../icons/norce.svg', dark: 'file:../../icons/norce.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["event"] === "orderCreated" ? "Order Created" : "Order Status Changed"}}',
		description: 'Starts the workflow when Norce Checkout orders are created or change status',
		defaults: { name: 'Norce Checkout Trigger' },
		hidden: true,
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The credential's Test (shared/transport/credentialTest.ts): n8n asks a node that names it.
		credentials: [{ name: 'norceApi', required: true, testedBy: 'norceApiTest' }],
		properties: triggerProperties,
	};

	methods = { credentialTest: { norceApiTest: testNorceCredential } };

	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** n8n constructs the node without arguments; tests pass short retry waits and a clock. */
	constructor(dependencies: Partial<PollDependencies> = {}) {
		const resolved: PollDependencies = {
			timing: dependencies.timing ?? (DEFAULT_RETRY_TIMING as RetryTiming),
			now: dependencies.now ?? Date.now,
			volumeNoticeOrders: dependencies.volumeNoticeOrders,
		};
		this.poll = async function (this: IPollFunctions) {
			return await pollOrders.call(this, resolved);
		};
	}
}

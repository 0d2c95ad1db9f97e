import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { RetryTiming } from '../../shared/transport';
import { DEFAULT_RETRY_TIMING, testNorceCredential } from '../../shared/transport';
import { nodeProperties, subtitle } from './execution/registry';
import { router } from './execution/router';
import * as listSearch from './methods/listSearch';

// Programmatic rather than declarative: validate's 400 is a result, every item (errors too)
// must stay paired, and requests need a retry and concurrency policy that routing lacks.
export class NorceCheckoutOrder implements INodeType {
	description: INodeTypeDescription = {
		// The node creator's entry for the package: actions here, triggers from
		// NorceCheckoutOrderTrigger (its type is this one's + "Trigger").
		displayName: 'Norce Checkout',
		name: 'norceCheckoutOrder',
		icon: { light: 'file:../../icons/norce.svg', dark: 'file:../../icons/norce.dark.svg' },
		group: ['transform'],
		// 2: Simplify on by default for Order Get and Get Many; version 1 workflows keep it off.
		version: [1, 2],
		defaultVersion: 2,
		subtitle,
		description: 'Validate, inspect and change orders, payments and shippings in Norce Checkout',
		defaults: { name: 'Norce Checkout Order' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The credential's Test (shared/transport/credentialTest.ts): n8n asks a node that names it.
		credentials: [{ name: 'norceApi', required: true, testedBy: 'norceApiTest' }],
		properties: nodeProperties,
	};

	methods = { listSearch, credentialTest: { norceApiTest: testNorceCredential } };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/**
	 * n8n constructs the node without arguments; tests pass short retry waits. n8n calls
	 * `execute` with the execution context as `this`, so the timing travels in a closure.
	 */
	constructor(timing: RetryTiming = DEFAULT_RETRY_TIMING) {
		this.execute = router(timing);
	}
}

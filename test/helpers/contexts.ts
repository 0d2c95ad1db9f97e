/**
 * What a helper of the package gets from n8n, without a node run around it: a client of the
 * transport over n8n-core's own HTTP helper, and an execute context that answers parameters.
 * For tests of one file's own decisions; whole runs go through norceFixture.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	INode,
	INodeParameters,
} from 'n8n-workflow';
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { norceConnection } from '../../shared/connection';
import type { NorceClient, NorceContext, RequestSettings } from '../../shared/transport';
import { createNorceClient } from '../../shared/transport';
import { API_KEY, TEST_RETRY_TIMING } from './norceFixture';

export const TEST_NODE: INode = {
	id: 'norce',
	name: 'Norce Checkout',
	type: 'n8n-nodes-norce-checkout.norceCheckoutOrder',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A credential for a listener that is not the sandbox (e.g. test/helpers/hostile.js). */
export const credentialsFor = (origin: string): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	baseUrl: `${origin}/`,
	merchant: 'norce-demo',
	channel: 'se',
	apiKey: API_KEY,
});

/** The transport's client as operations get it. */
export function transportClient(
	credentials: ICredentialDataDecryptedObject,
	settings: Partial<RequestSettings> = {},
): NorceClient {
	const connection = norceConnection(credentials);
	const context = { getNode: () => TEST_NODE, helpers: { httpRequest } } as unknown as NorceContext;
	return createNorceClient(
		context,
		{ connection },
		{ channel: connection.channel, maxRetries: 1, timeoutMs: 10_000, ...settings },
		{ timing: TEST_RETRY_TIMING },
	);
}

/** An execute context whose parameters (the same for every item) are `parameters`. */
export function parameterContext(parameters: INodeParameters): IExecuteFunctions {
	return {
		getNode: () => TEST_NODE,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}

/** A trigger's hook or webhook context whose parameters are `parameters`. */
export function triggerParameterContext(parameters: INodeParameters): IHookFunctions {
	return {
		getNode: () => TEST_NODE,
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IHookFunctions;
}

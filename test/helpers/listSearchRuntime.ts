/**
 * Calls the node's listSearch methods the way n8n's editor does (POST
 * /rest/dynamic-node-parameters/resource-locator-results): n8n-core's own LoadOptionsContext
 * around the node, the panel's current parameters as `currentNodeParameters`, real HTTP
 * through n8n's request helpers. Only the credential store is filled in here.
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { NorceCheckoutOrder } from '../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import { NODE_TYPE, serverData } from './n8nRuntime';

export async function listSearch(options: {
	method: string;
	/** The panel's parameters when the list is opened. */
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	filter?: string;
	paginationToken?: string;
	typeVersion?: number;
}): Promise<INodeListSearchResult> {
	const nodeType = new NorceCheckoutOrder();
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'norce',
		name: 'Norce',
		type: NODE_TYPE,
		typeVersion: options.typeVersion ?? 2,
		position: [0, 0],
		parameters: {},
		credentials: { norceApi: { id: 'cred-1', name: 'Norce sandbox' } },
	};
	node.parameters =
		NodeHelpers.getNodeParameters(
			nodeType.description.properties,
			options.parameters,
			true,
			false,
			node,
			nodeType.description,
		) ?? options.parameters;
	const workflow = new Workflow({
		id: 'list-search',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = serverData(options.credentials, {
		currentNodeParameters: node.parameters,
	});
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.orderId');
	const method =
		nodeType.methods.listSearch[options.method as keyof typeof nodeType.methods.listSearch];
	if (typeof method !== 'function') throw new Error(`no listSearch method ${options.method}`);
	return await method.call(
		context as unknown as ILoadOptionsFunctions,
		options.filter,
		options.paginationToken,
	);
}

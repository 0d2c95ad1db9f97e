/**
 * Runs the node inside n8n's own execution engine (n8n-core's WorkflowExecute), the way a
 * workflow run does: real parameter resolution, real HTTP through n8n's request helpers with
 * the credential's authenticate(), real continue-on-fail and error-output routing, real
 * pairedItem bookkeeping. Only the surroundings n8n's server would provide (credential store,
 * node registry) are filled in here.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { NorceApi } from '../../credentials/NorceApi.credentials';
import { NorceCheckoutOrder } from '../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import type { RetryTiming } from '../../shared/transport';

export const NODE_TYPE = 'n8n-nodes-norce-checkout.norceCheckoutOrder';
const INPUT_NODE_TYPE = 'test.inputItems';
const INPUT_NODE = 'Input';
export const NORCE_NODE = 'Norce';

/** Stands in for the trigger/Code node in front of ours: emits the items under test. */
class InputItems implements INodeType {
	description = {
		displayName: 'Input Items',
		name: 'inputItems',
		group: ['input'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: INPUT_NODE },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json, index) => ({ json, pairedItem: { item: index } }))];
	}
}

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType>;

	constructor(timing: RetryTiming | undefined) {
		this.types = {
			[NODE_TYPE]: new NorceCheckoutOrder(timing),
			[INPUT_NODE_TYPE]: new InputItems(),
		};
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getKnownTypes() {
		return {};
	}
}

/** The credential store: hands out the test credential and applies NorceApi.authenticate. */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly credentialType = new NorceApi();

	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// n8n calls a function-style authenticate exactly like this (CredentialsHelper).
		return await this.credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return this.credentialType.properties;
	}
}

/**
 * A node as the editor stores it in a workflow: the test's parameters with every default
 * filled in (so hidden parameters resolve), the test credential attached.
 */
export function placedNode(
	nodeType: INodeType,
	node: Pick<INode, 'id' | 'name' | 'type'> & Partial<INode>,
	parameters: INodeParameters,
): INode {
	const placed: INode = {
		typeVersion: 1,
		position: [0, 0],
		credentials: { norceApi: { id: 'cred-1', name: 'Norce sandbox' } },
		...node,
		parameters,
	};
	const { description } = nodeType;
	placed.parameters =
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			placed,
			description,
		) ?? parameters;
	return placed;
}

/** The node registry of a workflow that holds only `nodeType` (a trigger's). */
export function onlyNodeType(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

/** What n8n's server hands every context of a run: the credential store and its URLs. */
export function serverData(
	credentials: ICredentialDataDecryptedObject,
	more: object = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		userId: 'test-user',
		...more,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	/** Parameters of the Norce node (resource defaults to 'order'). */
	parameters: INodeParameters;
	/** JSON of the input items; one empty item by default. */
	items?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	onError?: INode['onError'];
	/** Retry waits; n8n's default (1 s doubling, 30 s cap) when absent. */
	timing?: RetryTiming;
	/**
	 * Cancels the execution (as the editor's Stop button does) once this promise resolves.
	 * The run then ends when the node has actually returned, not when n8n marks it cancelled.
	 */
	cancelWhen?: Promise<unknown>;
	/** The node's type version as saved in the workflow; 1 when absent. */
	typeVersion?: number;
}

export interface RunResult {
	/** Items on the node's main output. */
	output: INodeExecutionData[];
	/** Items on the error output (only with onError: 'continueErrorOutput'). */
	errorOutput: INodeExecutionData[];
	/** The error that stopped the run, if any. */
	error?: ExecutionError;
	/** The whole run, serialized as n8n would store it. */
	serialized: string;
	run: IRun;
	/** The execution was cancelled through `cancelWhen`. */
	cancelled: boolean;
}

export async function runNorceNode(options: RunOptions): Promise<RunResult> {
	const nodeTypes = new TestNodeTypes(options.timing);
	const input: INode = {
		id: 'input',
		name: INPUT_NODE,
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items ?? [{}]) },
	};
	const norce = placedNode(
		nodeTypes.getByNameAndVersion(NODE_TYPE),
		{
			id: 'norce',
			name: NORCE_NODE,
			type: NODE_TYPE,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			...(options.onError ? { onError: options.onError } : {}),
		},
		{ resource: 'order', ...options.parameters },
	);

	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [input, norce],
		connections: { [INPUT_NODE]: { main: [[{ node: NORCE_NODE, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes: [input, norce],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
		isArchived: false,
	} as never);
	const additionalData = serverData(options.credentials, {
		hooks,
		executionId: 'test-execution',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	});

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: input, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const execution = execute.processRunExecutionData(workflow);
	let cancelled = false;
	void options.cancelWhen?.then(() => {
		cancelled = true;
		execution.cancel();
	});
	// Settles once the node has returned, also after a cancel (n8n reports the cancelled run
	// to its hooks at once, while the node may still be running).
	const run = await execution;

	const taskData = run.data.resultData.runData[NORCE_NODE]?.[0];
	const main = taskData?.data?.main ?? [];
	return {
		output: main[0] ?? [],
		errorOutput: main[1] ?? [],
		error: taskData?.error ?? run.data.resultData.error,
		serialized: JSON.stringify(run, (_key, value: unknown) =>
			value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
		),
		run,
		cancelled,
	};
}

export { stopN8nBackgroundServices } from './n8nServices';

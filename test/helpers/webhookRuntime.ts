/**
 * Runs the Notification Trigger the way n8n's server does, around n8n-core's own HookContext
 * (publish, unpublish) and WebhookContext (each call): a loopback HTTP server stands in for
 * n8n's webhook endpoint, so the sandbox delivers over real HTTP. Like n8n 2.8.4 and 2.41.1
 * (LiveWebhooks.executeWebhook), every call builds its Workflow from the stored static data
 * and stores it back whole after the node answered, when it changed: calls that overlap each
 * start from the same stored state and the later save wins.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { NorceCheckoutNotificationTrigger } from '../../nodes/NorceCheckoutNotificationTrigger/NorceCheckoutNotificationTrigger.node';
import type { ReceiveDependencies } from '../../nodes/NorceCheckoutNotificationTrigger/receive';
import { onlyNodeType, placedNode, serverData } from './n8nRuntime';
import type { JsonResponse } from './webhookServer';
import { startWebhookServer } from './webhookServer';

const TRIGGER_TYPE = 'n8n-nodes-norce-checkout.norceCheckoutNotificationTrigger';

export interface Emitted {
	items: INodeExecutionData[];
	/** When the node returned them (ms). */
	at: number;
}

export interface WebhookHost {
	/** n8n's production webhook URL of the node. */
	readonly webhookUrl: string;
	/** What each call emitted, in the order the calls finished; calls that emitted nothing are absent. */
	readonly emitted: Emitted[];
	/** Every call's answer status, in arrival order. */
	readonly answers: number[];
	/** The static data as n8n stored it after the last save. */
	readonly storedStaticData: IDataObject;
	/** Calls answered so far, and calls whose node function has finished. */
	readonly calls: { answered: number; finished: number };
	/** Messages the node logged, by level. */
	readonly logs: Array<{ level: string; message: string }>;
	/** Runs a webhook method (checkExists, create, delete) as n8n does on publish/unpublish. */
	hook(method: 'checkExists' | 'create' | 'delete', mode?: WorkflowExecuteMode): Promise<boolean>;
	/** Items of every call so far, flattened. */
	items(): IDataObject[];
	close(): Promise<void>;
}

export async function startWebhookHost(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	dependencies: Partial<ReceiveDependencies>;
	workflowId?: string;
	nodeId?: string;
}): Promise<WebhookHost> {
	const trigger = new NorceCheckoutNotificationTrigger(options.dependencies);
	const nodeTypes = onlyNodeType(trigger);
	const node = placedNode(
		trigger,
		{
			id: options.nodeId ?? 'notification-trigger',
			name: 'Norce Checkout Notification Trigger',
			type: TRIGGER_TYPE,
			webhookId: 'b6f1c0de-0000-4000-8000-00000000f00d',
		},
		options.parameters,
	);
	const workflowId = options.workflowId ?? 'notification-workflow';
	let stored: IDataObject = {};
	const workflowFromStore = () =>
		new Workflow({
			id: workflowId,
			name: 'Order placed → ERP',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: structuredClone(stored),
		});
	const logs: WebhookHost['logs'] = [];
	const logger = Object.fromEntries(
		['error', 'warn', 'info', 'debug'].map((level) => [
			level,
			(message: string) => logs.push({ level, message }),
		]),
	);
	const emitted: Emitted[] = [];
	const answers: number[] = [];
	const calls = { answered: 0, finished: 0 };

	/** Answers like n8n: what the node answered, or 500 when it threw before answering. */
	function onCall(body: unknown, response: JsonResponse, url: string) {
		const recorded: JsonResponse = {
			...response,
			get headersSent() {
				return response.headersSent;
			},
			get statusCode() {
				return response.statusCode;
			},
			status(code: number) {
				response.status(code);
				return recorded;
			},
			json(value: unknown) {
				answers.push(response.statusCode);
				calls.answered++;
				response.json(value);
				return recorded;
			},
		};
		// n8n runs calls to the test URL (a listening editor) in manual mode.
		void handle(body, recorded, url.startsWith('/webhook-test/') ? 'manual' : 'webhook').then(
			() => calls.finished++,
			(error: Error) => {
				calls.finished++;
				logs.push({ level: 'thrown', message: error.message });
				if (!response.headersSent) {
					answers.push(500);
					response.status(500).end();
				}
			},
		);
	}

	const additionalData = (httpRequest?: object, httpResponse?: object) =>
		serverData(options.credentials, {
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			httpRequest,
			httpResponse,
		});

	async function handle(body: unknown, response: object, mode: WorkflowExecuteMode) {
		const workflow = workflowFromStore();
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'norce',
			webhookDescription: trigger.description.webhooks![0],
			workflowId,
		} as unknown as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData({ body, headers: {}, params: {}, query: {} }, response),
			mode,
			webhookData,
			[],
			null,
		);
		Object.defineProperty(context, 'logger', { value: logger });
		const result = await trigger.webhook.call(context as unknown as IWebhookFunctions);
		// n8n saves the static data once the call is answered, if the node changed it.
		if ((workflow.staticData as IDataObject).__dataChanged === true) {
			const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			delete saved.__dataChanged;
			stored = saved;
		}
		if (result.workflowData) emitted.push({ items: result.workflowData[0], at: Date.now() });
	}

	const server = await startWebhookServer(onCall);
	const baseUrl = server.url;
	const webhookUrl = NodeHelpers.getNodeWebhookUrl(
		`${baseUrl}/webhook`,
		workflowId,
		node,
		'norce',
		false,
	);

	return {
		webhookUrl,
		emitted,
		answers,
		calls,
		logs,
		get storedStaticData() {
			return stored;
		},
		async hook(method, mode = 'trigger') {
			const workflow = workflowFromStore();
			const context = new HookContext(workflow, node, additionalData(), mode, 'activate', {
				isTest: mode === 'manual',
			} as unknown as IWebhookData);
			const methods = trigger.webhookMethods.default;
			return await methods[method].call(context as unknown as IHookFunctions);
		},
		items() {
			return emitted.flatMap(({ items }) => items.map(({ json }) => json));
		},
		async close() {
			await server.close();
		},
	};
}

// The workflows of the queue-mode suite.
//
// Parent ("nightly reconciliation"): Webhook → Get Many (Return All, Simplify) → Loop Over Items
// (500) → Aggregate the ids → HTTP Request POST {batch, orderIds} to the child's production
// webhook → back to the loop. Each call of a production webhook becomes an execution of its own
// that main puts on the Bull queue for any free worker (webhook-helpers.js → WorkflowRunner.run,
// mode 'webhook' → enqueueExecution → ScalingService.addJob). An Execute Workflow node would not
// spread the work: executeWorkflow (workflow-execute-additional-data.js) runs the sub-workflow
// with `new WorkflowExecute(...)` inside the process, i.e. the worker, that runs the parent.
//
// Child ("one batch"): Webhook (answers at once, "onReceived") → Split Out the ids → Validate
// (One Summary per Order) → Postgres upsert into reconciliation(order_id, valid, worker).
// `worker` is `process.pid` of the process that evaluates the expression: n8n's expression
// engine exposes a read-only subset of `process` (arch, platform, pid, ppid, …; expression.js) to
// every expression, so this needs no change to N8N_BLOCK_ENV_ACCESS_IN_NODE (its default blocks
// `$env` and `process.env`). The upsert makes a re-sent batch safe for the table.
import crypto from 'node:crypto';
import { CREDENTIAL_TYPE, NODE_TYPE } from '../../e2e/lib/n8n.mjs';
import { connectionsOf } from '../../e2e/lib/workflows.mjs';

export const TRIGGER_TYPE = 'n8n-nodes-norce-checkout.norceCheckoutTrigger';
export const NOTIFICATION_TRIGGER_TYPE =
	'n8n-nodes-norce-checkout.norceCheckoutNotificationTrigger';
export const NOTIFICATION_TRIGGER = 'When an order changes status';
export const START_PATH = 'norce-queue-reconcile';
export const BATCH_PATH = 'norce-queue-batch';
export const BATCH_SIZE = 500;
export const TABLE = 'reconciliation';
// n8n 2.8.4 refuses a `*` in the seconds field ("at least a minute"), not a list of seconds;
// 2.41.1 refuses anything there but one fixed second (isSubMinuteCron, n8n-workflow cron.js).
export const EVERY_5_SECONDS = '0,5,10,15,20,25,30,35,40,45,50,55 * * * * *';
export const EVERY_MINUTE = '0 * * * * *';

export const TABLE_DDL = `CREATE TABLE ${TABLE} (order_id text PRIMARY KEY, valid boolean NOT NULL, worker text NOT NULL)`;

function node(name, type, typeVersion, position, parameters, extra = {}) {
	return { id: crypto.randomUUID(), name, type, typeVersion, position, parameters, ...extra };
}

/**
 * A Webhook node for POSTs to `path`, answered at once ("onReceived"). It has a webhookId: without
 * one n8n prefixes the path with `<workflowId>/<node name>/`.
 */
function postWebhook(name, position, path, options = {}) {
	return node(
		name,
		'n8n-nodes-base.webhook',
		2,
		position,
		{ httpMethod: 'POST', path, responseMode: 'onReceived', options },
		{ webhookId: crypto.randomUUID() },
	);
}

const credentialRef = (type, credential) => ({
	[type]: { id: credential.id, name: credential.name },
});

/** A node of this package's `type` (the action node unless given) using the Norce credential. */
function norceNode(name, position, parameters, credential, { type = NODE_TYPE, extra = {} } = {}) {
	return node(name, type, 1, position, parameters, {
		...extra,
		credentials: credentialRef(CREDENTIAL_TYPE, credential),
	});
}

/** A workflow as the editor's REST API takes it, its nodes connected by [from, to, output] links. */
const workflow = (name, nodes, links) => ({
	name,
	nodes,
	connections: connectionsOf(links),
	settings: { executionOrder: 'v1' },
});

/** Names of the nodes the checks read. */
export const PARENT = {
	start: 'Nightly start',
	list: 'List orders',
	loop: 'Batches of 500',
	ids: 'Collect ids',
	send: 'Queue batch',
};
export const CHILD = {
	hook: 'Batch received',
	split: 'One item per order',
	validate: 'Validate order',
	record: 'Record result',
};

export function parentWorkflow({ norceCredential, batchUrl }) {
	const nodes = [
		postWebhook(PARENT.start, [0, 300], START_PATH),
		norceNode(
			PARENT.list,
			[220, 300],
			{
				resource: 'order',
				operation: 'getMany',
				returnAll: true,
				simplify: true,
				filters: {},
				options: {},
			},
			norceCredential,
		),
		node(PARENT.loop, 'n8n-nodes-base.splitInBatches', 3, [440, 300], {
			batchSize: BATCH_SIZE,
			options: {},
		}),
		node(PARENT.ids, 'n8n-nodes-base.aggregate', 1, [660, 400], {
			aggregate: 'aggregateIndividualFields',
			fieldsToAggregate: {
				fieldToAggregate: [
					{ fieldToAggregate: 'id', renameField: true, outputFieldName: 'orderIds' },
				],
			},
			options: {},
		}),
		node(PARENT.send, 'n8n-nodes-base.httpRequest', 4.2, [880, 400], {
			method: 'POST',
			url: batchUrl,
			sendBody: true,
			specifyBody: 'json',
			// $runIndex: the how-many-th run of this node = the batch number (0-based)
			jsonBody: '={{ JSON.stringify({ batch: $runIndex, orderIds: $json.orderIds }) }}',
			options: {},
		}),
	];
	return workflow('queue: nightly reconciliation (parent)', nodes, [
		[PARENT.start, PARENT.list],
		[PARENT.list, PARENT.loop],
		[PARENT.loop, PARENT.ids, 1],
		[PARENT.ids, PARENT.send],
		[PARENT.send, PARENT.loop],
	]);
}

export function childWorkflow({ norceCredential, postgresCredential }) {
	const nodes = [
		// answered once the execution is queued: its id, so a failed batch can be found again
		postWebhook(CHILD.hook, [0, 300], BATCH_PATH, {
			responseData: '={{ JSON.stringify({ executionId: $execution.id }) }}',
		}),
		node(CHILD.split, 'n8n-nodes-base.splitOut', 1, [220, 300], {
			fieldToSplitOut: 'body.orderIds',
			include: 'noOtherFields',
			options: { destinationFieldName: 'orderId' },
		}),
		norceNode(
			CHILD.validate,
			[440, 300],
			{
				resource: 'order',
				operation: 'validate',
				orderId: '={{ $json.orderId }}',
				output: 'summary',
				options: {},
			},
			norceCredential,
		),
		node(
			CHILD.record,
			'n8n-nodes-base.postgres',
			2.6,
			[660, 300],
			{
				operation: 'upsert',
				schema: { __rl: true, mode: 'list', value: 'public' },
				table: { __rl: true, mode: 'name', value: TABLE },
				columns: {
					mappingMode: 'defineBelow',
					value: {
						order_id: '={{ $json.orderId }}',
						valid: '={{ $json.valid }}',
						worker: '={{ String(process.pid) }}',
					},
					matchingColumns: ['order_id'],
					schema: [
						{
							id: 'order_id',
							displayName: 'order_id',
							required: true,
							defaultMatch: false,
							display: true,
							type: 'string',
							canBeUsedToMatch: true,
						},
						{
							id: 'valid',
							displayName: 'valid',
							required: true,
							defaultMatch: false,
							display: true,
							type: 'boolean',
							canBeUsedToMatch: false,
						},
						{
							id: 'worker',
							displayName: 'worker',
							required: true,
							defaultMatch: false,
							display: true,
							type: 'string',
							canBeUsedToMatch: false,
						},
					],
				},
				options: {},
			},
			{ credentials: credentialRef('postgres', postgresCredential) },
		),
	];
	return workflow('queue: one batch (child)', nodes, [
		[CHILD.hook, CHILD.split],
		[CHILD.split, CHILD.validate],
		[CHILD.validate, CHILD.record],
	]);
}

/** As test/e2e/trigger.test.mjs: the trigger on `cron` → POST each event to a receiver. */
export function triggerWorkflow({ event, norceCredential, receiverUrl, cron = EVERY_5_SECONDS }) {
	return workflow(
		`queue: trigger ${event}`,
		[
			norceNode(
				'Norce Checkout Trigger',
				[0, 300],
				{
					event,
					pollTimes: { item: [{ mode: 'custom', cronExpression: cron }] },
					options: {},
				},
				norceCredential,
				{ type: TRIGGER_TYPE },
			),
			node('Post event', 'n8n-nodes-base.httpRequest', 4.2, [220, 300], {
				method: 'POST',
				// pid: which process ran the execution (a worker, not main)
				url: `={{ '${receiverUrl}?workflow=${event}&pid=' + process.pid }}`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify($json) }}',
				options: {},
			}),
		],
		[['Norce Checkout Trigger', 'Post event']],
	);
}

/**
 * As test/e2e/notification-trigger.test.mjs: the Notification Trigger (Verify on, `statuses`)
 * → POST each item to a receiver, the URL naming the process (pid) and the execution that ran
 * the HTTP Request node, so each item can be matched with the worker log that started it.
 */
export function notificationWorkflow({ norceCredential, receiverUrl, webhookId, statuses }) {
	return workflow(
		'queue: notification trigger',
		[
			norceNode(
				NOTIFICATION_TRIGGER,
				[0, 300],
				{ statuses, options: { verify: true } },
				norceCredential,
				{ type: NOTIFICATION_TRIGGER_TYPE, extra: { webhookId } },
			),
			node('Post item', 'n8n-nodes-base.httpRequest', 4.2, [220, 300], {
				method: 'POST',
				url: `={{ '${receiverUrl}?workflow=notification&pid=' + process.pid + '&execution=' + $execution.id }}`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify($json) }}',
				options: {},
			}),
		],
		[[NOTIFICATION_TRIGGER, 'Post item']],
	);
}

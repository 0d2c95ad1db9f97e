// Context of the queue-mode suite for one n8n version: sandbox (in this process, 20,000
// generated orders, latency 0), Redis, PostgreSQL, main + 2 workers, the credentials and
// workflows (created through the REST API, published with the editor's activate call), a receiver
// for the trigger; helpers to start a reconciliation run and read what n8n and the sandbox saw.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureN8n } from '../../e2e/lib/install.mjs';
import { CREDENTIAL_TYPE } from '../../e2e/lib/n8n.mjs';
import { startHttpReceiver } from '../../e2e/lib/receivers.mjs';
import { loadSandboxModule } from '../../e2e/lib/suite.mjs';
import { getTarball } from '../../e2e/lib/package.mjs';
import { log, mkdirp, waitFor } from '../../e2e/lib/util.mjs';
import { N8N_DATABASE, QueueCluster, SHOP_DATABASE } from './cluster.mjs';
import { startPostgres, startRedis } from './services.mjs';
import {
	BATCH_PATH,
	CHILD,
	EVERY_5_SECONDS,
	EVERY_MINUTE,
	PARENT,
	START_PATH,
	TABLE,
	TABLE_DDL,
	childWorkflow,
	parentWorkflow,
	triggerWorkflow,
} from './workflows.mjs';

export const QUEUE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS_DIR = path.join(QUEUE_DIR, '.artifacts');
export const ORDERS = 20_000;
export const WORKERS = ['worker-1', 'worker-2'];
export const TRIGGER_EVENTS = ['orderCreated', 'orderStatusChanged'];
export const ORDERS_PATH = '/checkout/order/api/v0/checkout/orders';
const VALIDATE_PATH = new RegExp(`^${ORDERS_PATH}/([^/]+)/validate$`);

/** Starts everything; on a failure part-way, stops what was started and rethrows. */
export async function startQueueSuite(entry) {
	const ctx = { entry, closed: false, figures: { n8n: entry.n8n } };
	ctx.close = () => closeQueueSuite(ctx);
	try {
		const started = Date.now();
		ctx.logDir = mkdirp(path.join(ARTIFACTS_DIR, entry.n8n, 'logs'));
		for (const f of fs.readdirSync(ctx.logDir)) fs.rmSync(path.join(ctx.logDir, f));
		const { startSandbox } = loadSandboxModule();
		// a key of this run, so finding it anywhere cannot be a coincidence
		const apiKey = `norce-queue-key-${crypto.randomBytes(12).toString('hex')}`;
		ctx.sandbox = await startSandbox({
			port: 0,
			latencyMs: 0,
			orders: [],
			generated: ORDERS,
			apiKey,
			record: true,
		});
		ctx.install = await ensureN8n(entry);
		ctx.flatted = createRequire(path.join(ctx.install.dir, 'package.json'))('flatted');
		[ctx.pg, ctx.redis] = await Promise.all([
			startPostgres({ logDir: ctx.logDir }),
			startRedis({ logDir: ctx.logDir }),
		]);
		ctx.cluster = await new QueueCluster({
			install: ctx.install,
			pg: ctx.pg,
			redis: ctx.redis,
			logDir: ctx.logDir,
		}).init({ tarball: await getTarball() });
		await ctx.pg.query(TABLE_DDL, { database: SHOP_DATABASE });
		// main first: it runs the migrations of the fresh database (workers would race for them)
		ctx.main = await ctx.cluster.startMain();
		await Promise.all(WORKERS.map((name) => ctx.cluster.startWorker(name)));
		ctx.receiver = await startHttpReceiver();
		await createWorkflows(ctx);
		ctx.figures.startupMs = Date.now() - started;
		log(`queue suite for n8n ${entry.n8n} up in ${ctx.figures.startupMs} ms`);
	} catch (e) {
		await closeQueueSuite(ctx);
		throw e;
	}
	return ctx;
}

async function closeQueueSuite(ctx) {
	if (ctx.closed) return;
	ctx.closed = true;
	try {
		mkdirp(path.join(ARTIFACTS_DIR, ctx.entry.n8n));
		fs.writeFileSync(
			path.join(ARTIFACTS_DIR, ctx.entry.n8n, 'figures.json'),
			`${JSON.stringify(ctx.figures, null, 2)}\n`,
		);
	} catch {
		/* best effort */
	}
	await ctx.cluster?.stop().catch(() => {});
	await ctx.receiver?.close().catch(() => {});
	await Promise.all([ctx.pg?.stop().catch(() => {}), ctx.redis?.stop().catch(() => {})]);
	ctx.cluster?.cleanup();
	await ctx.sandbox?.close().catch(() => {});
}

/**
 * Whether this n8n refuses polls more often than once a minute (its n8n-workflow has
 * isSubMinuteCron: 2.41.1 does, 2.8.4 does not). Then the trigger polls every minute.
 */
export function refusesSubMinutePolls(install) {
	const cron = path.join(install.dir, 'node_modules', 'n8n-workflow', 'dist', 'cjs', 'cron.js');
	return fs.existsSync(cron) && fs.readFileSync(cron, 'utf8').includes('isSubMinuteCron');
}

async function createWorkflows(ctx) {
	const { main, sandbox, pg } = ctx;
	ctx.norceCredential = await main.rest('POST', '/credentials', {
		name: 'Norce sandbox',
		type: CREDENTIAL_TYPE,
		data: {
			environment: 'custom',
			slug: '',
			baseUrl: sandbox.baseUrl,
			merchant: sandbox.merchant,
			channel: sandbox.channels[0],
			apiKey: sandbox.apiKey,
		},
	});
	ctx.postgresCredential = await main.rest('POST', '/credentials', {
		name: 'Shop database',
		type: 'postgres',
		data: {
			host: pg.host,
			port: pg.port,
			database: SHOP_DATABASE,
			user: pg.user,
			password: pg.password,
			ssl: 'disable',
		},
	});
	ctx.batchUrl = `${main.baseUrl}/webhook/${BATCH_PATH}`;
	ctx.pollSeconds = refusesSubMinutePolls(ctx.install) ? 60 : 5;
	const cron = ctx.pollSeconds === 60 ? EVERY_MINUTE : EVERY_5_SECONDS;
	const definitions = {
		child: childWorkflow({
			norceCredential: ctx.norceCredential,
			postgresCredential: ctx.postgresCredential,
		}),
		parent: parentWorkflow({ norceCredential: ctx.norceCredential, batchUrl: ctx.batchUrl }),
		...Object.fromEntries(
			TRIGGER_EVENTS.map((event) => [
				event,
				triggerWorkflow({
					event,
					norceCredential: ctx.norceCredential,
					receiverUrl: ctx.receiver.url,
					cron,
				}),
			]),
		),
	};
	ctx.workflows = {};
	for (const [key, definition] of Object.entries(definitions))
		await publishWorkflow(ctx, key, definition);
	// the editor's activate answers before every process has the webhooks (2.41.1): wait for them
	await waitFor(
		async () => {
			const rows = await n8nQuery(
				ctx,
				`SELECT "webhookPath" FROM webhook_entity WHERE method = 'POST'`,
			);
			const paths = rows.map(([p]) => p);
			return [START_PATH, BATCH_PATH].every((p) => paths.includes(p));
		},
		{ timeoutMs: 120_000, intervalMs: 500, what: 'the production webhooks to be registered' },
	);
}

/**
 * Creates the workflow and publishes it with the editor's activate call; `ctx.workflows[key]`
 * is its id. The call may answer before main has run the trigger's activation (2.41.1).
 */
export async function publishWorkflow(ctx, key, definition) {
	const wf = await ctx.main.rest('POST', '/workflows', definition);
	await ctx.main.rest('POST', `/workflows/${wf.id}/activate`, { versionId: wf.versionId });
	ctx.workflows[key] = wf.id;
	return wf;
}

/** The editor's deactivate call (unpublish). */
export async function unpublishWorkflow(ctx, key) {
	await ctx.main.rest('POST', `/workflows/${ctx.workflows[key]}/deactivate`, {});
}

/** The workflow's static data as stored in workflow_entity (undefined when none). */
export async function storedStaticData(ctx, key) {
	// raw: the keys of our node's memory contain '|', psql's column separator
	const text = await n8nQuery(
		ctx,
		`SELECT "staticData" FROM workflow_entity WHERE id = '${ctx.workflows[key]}'`,
		{ raw: true },
	);
	return text ? JSON.parse(text) : undefined;
}

export function n8nQuery(ctx, sql, options = {}) {
	return ctx.pg.query(sql, { database: N8N_DATABASE, ...options });
}

export function shopQuery(ctx, sql) {
	return ctx.pg.query(sql, { database: SHOP_DATABASE });
}

/** The triggers' polls: order lists by `created` (Get Many of the runs sends no order_by). */
export function polls(ctx) {
	return ctx.sandbox.requests.filter(
		(q) => q.method === 'GET' && q.path === ORDERS_PATH && q.query.order_by === 'created',
	).length;
}

/** Validate calls per order id, from the sandbox's request log (from request number `from` on). */
export function validateCounts(ctx, from = 0) {
	const counts = new Map();
	for (const q of ctx.sandbox.requests.slice(from)) {
		const m = q.method === 'POST' && q.path.match(VALIDATE_PATH);
		if (m) {
			const id = decodeURIComponent(m[1]);
			counts.set(id, (counts.get(id) ?? 0) + 1);
		}
	}
	return counts;
}

export async function maxExecutionId(ctx) {
	const [[id]] = await n8nQuery(ctx, 'SELECT COALESCE(MAX(id), 0) FROM execution_entity');
	return Number(id);
}

/** Executions of `workflow` ('parent' | 'child' | …) with an id above `fromId`. */
export async function executions(ctx, workflow, fromId) {
	const rows = await n8nQuery(
		ctx,
		`SELECT id, status, mode, extract(epoch from "startedAt") * 1000, extract(epoch from "stoppedAt") * 1000
		 FROM execution_entity WHERE "workflowId" = '${ctx.workflows[workflow]}' AND id > ${fromId} ORDER BY id`,
	);
	return rows.map(([id, status, mode, startedAt, stoppedAt]) => ({
		id,
		status,
		mode,
		startedAt: startedAt ? Number(startedAt) : undefined,
		stoppedAt: stoppedAt ? Number(stoppedAt) : undefined,
	}));
}

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);
export const isFinal = (e) => FINAL.has(e.status);

/** The run data of an execution, as n8n stored it (flatted). */
export async function executionData(ctx, id) {
	const text = await n8nQuery(
		ctx,
		`SELECT data FROM execution_data WHERE "executionId" = ${Number(id)}`,
		{ raw: true },
	);
	return ctx.flatted.parse(text);
}

/** POST the parent's production webhook; resolves with the id the next executions are above. */
export async function startReconciliation(ctx) {
	const fromId = await maxExecutionId(ctx);
	const r = await fetch(`${ctx.main.baseUrl}/webhook/${START_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	const text = await r.text();
	if (r.status !== 200) throw new Error(`start webhook → HTTP ${r.status}: ${text.slice(0, 300)}`);
	return { fromId, startedAt: Date.now() };
}

/** The parent's finished execution, read: batch number → { executionId, orderIds }. */
export async function parentBatches(ctx, fromId) {
	const [parent] = await executions(ctx, 'parent', fromId);
	if (!parent || parent.status !== 'success')
		throw new Error(`parent execution: ${JSON.stringify(parent)}`);
	const runData = (await executionData(ctx, parent.id)).resultData.runData;
	return runData[PARENT.send].map((run, batch) => {
		const answer = run.data.main[0][0].json;
		const body = typeof answer.data === 'string' ? JSON.parse(answer.data) : answer;
		return {
			batch,
			executionId: String(body.executionId),
			orderIds: runData[PARENT.ids][batch].data.main[0][0].json.orderIds,
		};
	});
}

/** POST one batch to the child's production webhook, as the parent does. Resolves with its execution id. */
export async function sendBatch(ctx, { batch, orderIds }) {
	const r = await fetch(ctx.batchUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ batch, orderIds }),
	});
	const text = await r.text();
	if (r.status !== 200) throw new Error(`batch webhook → HTTP ${r.status}: ${text.slice(0, 300)}`);
	return String(JSON.parse(text).executionId);
}

/** Waits until the parent and `children` child executions above fromId are final. */
export async function waitForRun(ctx, fromId, { children, timeoutMs = 15 * 60_000 }) {
	return waitFor(
		async () => {
			const [parent] = await executions(ctx, 'parent', fromId);
			if (parent && parent.status !== 'success' && isFinal(parent))
				throw new Error(`the parent execution ended with ${parent.status}`);
			const kids = await executions(ctx, 'child', fromId);
			return parent?.status === 'success' && kids.length >= children && kids.every(isFinal)
				? { parent, children: kids }
				: false;
		},
		{ timeoutMs, intervalMs: 1000, what: `the parent and ${children} batch executions to end` },
	);
}

/** rows of the reconciliation table: order id → { valid, worker } */
export async function tableRows(ctx) {
	const rows = await shopQuery(ctx, `SELECT order_id, valid, worker FROM ${TABLE}`);
	return new Map(rows.map(([id, valid, worker]) => [id, { valid: valid === 't', worker }]));
}

/** Which worker's log says it started each execution: execution id → worker name. */
export function executionWorkers(ctx) {
	const byExecution = new Map();
	for (const name of ctx.cluster.workers.keys())
		for (const id of ctx.cluster.startedExecutions(name)) byExecution.set(id, name);
	return byExecution;
}

/** Where a secret occurs: execution data, workflows, credentials (stored encrypted), every log. */
export async function secretOccurrences(ctx, secret) {
	const found = [];
	const count = async (table, column) => {
		const [[n]] = await n8nQuery(
			ctx,
			`SELECT count(*) FROM ${table} WHERE ${column}::text LIKE '%${secret}%'`,
		);
		if (Number(n)) found.push(`${n} row(s) of ${table}.${column}`);
	};
	await count('execution_data', 'data');
	await count('execution_data', '"workflowData"');
	await count('workflow_entity', 'nodes');
	await count('credentials_entity', 'data');
	for (const { file, text } of ctx.cluster.allLogs())
		if (text.includes(secret)) found.push(`log ${file}`);
	return found;
}

export { CHILD, PARENT, TABLE };

// n8n in queue mode (Redis + PostgreSQL, `n8n start` + two `n8n worker`) running the nightly
// reconciliation of 20,000 orders with this package: every order validated once, both workers
// busy; a worker killed with SIGKILL mid-run and the failed batches re-sent; the Norce Checkout
// Trigger polling on main; the Notification Trigger's webhook on main (publish beside a foreign
// entry, deliveries, a repeat, a forged call, unpublish) with its executions on the workers.
// Every wait is on an event (rows, execution states, log lines, polls, receiver hits, the
// sandbox's delivery log) with a generous overall timeout; no pass criterion is a duration.
// See test/queue/README.md.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, it } from 'node:test';
import { describeEachVersion } from '../e2e/lib/suite.mjs';
import { fmtMs, log, waitFor } from '../e2e/lib/util.mjs';
import {
	ORDERS,
	ORDERS_PATH,
	TABLE,
	TRIGGER_EVENTS,
	WORKERS,
	executionData,
	executionWorkers,
	executions,
	isFinal,
	maxExecutionId,
	n8nQuery,
	parentBatches,
	polls,
	publishWorkflow,
	secretOccurrences,
	sendBatch,
	shopQuery,
	startQueueSuite,
	startReconciliation,
	storedStaticData,
	tableRows,
	unpublishWorkflow,
	validateCounts,
	waitForRun,
} from './lib/suite.mjs';
import { BATCH_SIZE, NOTIFICATION_TRIGGER, notificationWorkflow } from './lib/workflows.mjs';

const BATCHES = ORDERS / BATCH_SIZE;
const RUN_TIMEOUT_MS = 15 * 60_000;

/** The sandbox's script: generated order o_gen_<i> answers i % 4 validations, 400 (invalid) when odd. */
const expectedValid = (orderId) => (Number(orderId.slice('o_gen_'.length)) % 4) % 2 === 0;

/** Another integrator's notification, already in the channel's document before we publish. */
const FOREIGN = {
	reference: 'wms-sync',
	description: 'WMS — pick list (åäö)',
	scope: '/state/currentStatus',
	schema: { enum: ['processing', 'accepted'] },
	invoke: 'https://wms.example.com/norce/{order_id}',
	adapterId: 'wms-adapter',
};
const FOREIGN_DOCUMENT = {
	id: 'static_notifications',
	active: true,
	comment: 'kept as it is',
	order: { notifications: [FOREIGN] },
};
const WATCHED = ['processing', 'completed'];
const FORGED_ID = 'o_forgedqueueforgedqueue01';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const count = (values) => {
	const counts = {};
	for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
	return counts;
};

/**
 * POST /rest/executions/:id/retry, what the editor's Retry does: the new execution's status and
 * how many validate calls it made (the sandbox's log). Never throws.
 */
async function tryN8nRetry(ctx, executionId) {
	const from = ctx.sandbox.requests.length;
	let timer;
	try {
		const answer = await Promise.race([
			ctx.main.rest('POST', `/executions/${executionId}/retry`, { loadWorkflow: false }),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('no answer in 2 minutes')), 120_000);
			}),
		]);
		return {
			retryOf: executionId,
			id: answer?.id,
			status: answer?.status,
			validateCalls: validateCounts(ctx, from).size,
		};
	} catch (e) {
		return { retryOf: executionId, error: e.message.slice(0, 200) };
	} finally {
		clearTimeout(timer);
	}
}

describeEachVersion('queue mode, main + 2 workers', (entry) => {
	let ctx;
	const figure = (t, key, value) => {
		ctx.figures[key] = value;
		t.diagnostic(`${key}: ${JSON.stringify(value)}`);
	};
	const received = (event) =>
		ctx.receiver.received.filter(
			(r) => new URL(r.url, 'http://x').searchParams.get('workflow') === event,
		);

	before(async () => {
		ctx = await startQueueSuite(entry);
	});
	after(async () => {
		if (ctx) log(`n8n ${entry.n8n} figures: ${JSON.stringify(ctx.figures)}`);
		await ctx?.close();
	});

	it('reconciles 20,000 orders in 40 queued batches on both workers, each order once', async (t) => {
		const fromRequest = ctx.sandbox.requests.length;
		const run = await startReconciliation(ctx);
		const { parent, children } = await waitForRun(ctx, run.fromId, {
			children: BATCHES,
			timeoutMs: RUN_TIMEOUT_MS,
		});
		const observedMs = Date.now() - run.startedAt;

		assert.equal(children.length, BATCHES, 'one execution per batch');
		assert.deepEqual(
			children.filter((c) => c.status !== 'success'),
			[],
			'every batch execution succeeded',
		);
		assert.ok(children.every((c) => c.mode === 'webhook'));

		// the batches partition the 20,000 orders; each answer names its own execution
		const batches = await parentBatches(ctx, run.fromId);
		assert.equal(batches.length, BATCHES);
		assert.deepEqual(batches.map((b) => b.executionId).sort(), children.map((c) => c.id).sort());
		const ids = [...ctx.sandbox.orders.keys()].sort();
		assert.equal(ids.length, ORDERS);
		assert.ok(batches.every((b) => b.orderIds.length === BATCH_SIZE));
		assert.deepEqual(batches.flatMap((b) => b.orderIds).sort(), ids);

		// the table: every order once (primary key), none missing, the sandbox's verdict
		const rows = await tableRows(ctx);
		assert.equal(rows.size, ORDERS);
		assert.deepEqual(
			ids.filter((id) => !rows.has(id)),
			[],
			'no order missing',
		);
		assert.deepEqual(
			ids.filter((id) => rows.get(id).valid !== expectedValid(id)),
			[],
			'valid as the sandbox answered',
		);

		// the sandbox's request log: each order validated exactly once
		const counts = validateCounts(ctx, fromRequest);
		assert.equal(counts.size, ORDERS);
		assert.deepEqual(
			[...counts].filter(([, n]) => n !== 1),
			[],
			'no order validated twice',
		);

		// who did what: the worker logs, and the pid each row was written with
		const byExecution = executionWorkers(ctx);
		const pidOf = Object.fromEntries(WORKERS.map((w) => [w, ctx.cluster.workers.get(w).pid]));
		for (const b of batches) {
			const worker = byExecution.get(b.executionId);
			assert.ok(worker, `execution ${b.executionId} (batch ${b.batch}) in no worker's log`);
			const writers = new Set(b.orderIds.map((id) => rows.get(id).worker));
			assert.deepEqual(
				[...writers],
				[String(pidOf[worker])],
				`batch ${b.batch}: rows written by the worker that ran it`,
			);
		}
		const share = count(batches.map((b) => byExecution.get(b.executionId)));
		for (const w of WORKERS) assert.ok(share[w] > 0, `${w} ran no batch: ${JSON.stringify(share)}`);
		const rowsByPid = count([...rows.values()].map((r) => r.worker));
		const n8nWallMs = Math.max(...children.map((c) => c.stoppedAt)) - parent.startedAt;

		figure(t, 'run', {
			orders: ORDERS,
			batches: BATCHES,
			rows: rows.size,
			validations: [...counts.values()].reduce((a, n) => a + n, 0),
			validatedTwice: 0,
			batchesPerWorker: share,
			rowsPerWorkerPid: rowsByPid,
			wallTime: fmtMs(n8nWallMs),
			wallMs: n8nWallMs,
			observedMs,
			ordersPerSecond: Math.round(ORDERS / (n8nWallMs / 1000)),
		});
	});

	it('loses the batches of a worker killed with SIGKILL mid-run; n8n marks them failed; re-sent, the set is complete', async (t) => {
		const victim = 'worker-2';
		const survivor = 'worker-1';
		await shopQuery(ctx, `TRUNCATE ${TABLE}`);
		const fromRequest = ctx.sandbox.requests.length;
		const run = await startReconciliation(ctx);

		// mid-run: the parent has queued every batch and its job is done (else the kill could hit
		// the parent), the victim has finished a batch of this run and is running at least two
		let childIds;
		let runningAtKill = [];
		await waitFor(
			async () => {
				if (!childIds) {
					const [parent] = await executions(ctx, 'parent', run.fromId);
					if (parent?.status !== 'success') return false;
					const done = WORKERS.some((w) => ctx.cluster.finishedExecutions(w).includes(parent.id));
					if (!done) return false;
					childIds = new Set((await executions(ctx, 'child', run.fromId)).map((c) => c.id));
				}
				const finished = new Set(ctx.cluster.finishedExecutions(victim));
				const started = ctx.cluster.startedExecutions(victim).filter((id) => childIds.has(id));
				runningAtKill = started.filter((id) => !finished.has(id));
				if (runningAtKill.length >= 2 && started.length > runningAtKill.length) return true;
				const kids = await executions(ctx, 'child', run.fromId);
				if (kids.length === BATCHES && kids.every(isFinal))
					throw new Error(`the run ended before ${victim} could be killed mid-run`);
				return false;
			},
			{ timeoutMs: RUN_TIMEOUT_MS, intervalMs: 100, what: `${victim} running batches` },
		);
		const validatedAtKill = validateCounts(ctx, fromRequest).size;
		const killedAt = Date.now();
		await ctx.cluster.killWorker(victim);
		// its log is complete now: what it had started and not finished
		const finished = new Set(ctx.cluster.finishedExecutions(victim));
		const victimRan = ctx.cluster.startedExecutions(victim).filter((id) => childIds.has(id));
		const startedNotFinished = victimRan.filter((id) => !finished.has(id));

		// Bull notices the dead worker's jobs once their lock expires (the survivor's stalled-job
		// check); with maxStalledCount 0 they fail, and main marks their executions failed
		const { children } = await waitForRun(ctx, run.fromId, {
			children: BATCHES,
			timeoutMs: RUN_TIMEOUT_MS,
		});
		const failed = children.filter((c) => c.status !== 'success');
		assert.ok(failed.length > 0, 'the killed worker had running batches: some must fail');
		assert.ok(
			failed.every((c) => ['error', 'crashed'].includes(c.status)),
			JSON.stringify(failed),
		);
		const survivorRan = new Set(ctx.cluster.startedExecutions(survivor));
		assert.deepEqual(
			failed.filter((c) => survivorRan.has(c.id)),
			[],
			'only executions of the killed worker failed',
		);
		const stored = await executionData(ctx, failed[0].id);
		const errorMessage = stored.resultData?.error?.message;
		assert.ok(errorMessage, 'the failed execution carries an error');
		// what n8n kept to retry from: nothing (the error replaced the run data)
		const keptForRetry = {
			nodeExecutionStack: stored.executionData?.nodeExecutionStack?.length ?? 0,
			nodesWithRunData: Object.keys(stored.resultData?.runData ?? {}).length,
		};

		// n8n's own Retry (the executions list's button): reported, not a pass criterion
		const retry = await tryN8nRetry(ctx, failed[0].id);

		// re-run: send the failed batches again, as the parent did (its run data says which)
		const batches = await parentBatches(ctx, run.fromId);
		const batchOf = new Map(batches.map((b) => [b.executionId, b]));
		const resent = failed.map((c) => batchOf.get(c.id));
		assert.ok(resent.every(Boolean), 'every failed execution is a batch the parent sent');
		const rerunIds = [];
		for (const b of resent) rerunIds.push(await sendBatch(ctx, b));
		const reruns = await waitFor(
			async () => {
				const kids = (await executions(ctx, 'child', run.fromId)).filter((c) =>
					rerunIds.includes(c.id),
				);
				return kids.length === rerunIds.length && kids.every(isFinal) ? kids : false;
			},
			{ timeoutMs: RUN_TIMEOUT_MS, intervalMs: 1000, what: 'the re-sent batches' },
		);
		assert.deepEqual(
			reruns.filter((c) => c.status !== 'success'),
			[],
			'every re-sent batch succeeded',
		);

		const ids = [...ctx.sandbox.orders.keys()];
		const rows = await tableRows(ctx);
		assert.deepEqual(
			ids.filter((id) => !rows.has(id)),
			[],
			'no order missing after the re-run',
		);
		assert.equal(rows.size, ORDERS);
		const counts = validateCounts(ctx, fromRequest);
		assert.deepEqual(
			ids.filter((id) => !counts.get(id)),
			[],
			'every order validated',
		);
		const inResent = new Set(resent.flatMap((b) => b.orderIds));
		const twice = [...counts].filter(([, n]) => n > 1);
		assert.deepEqual(
			twice.filter(([id]) => !inResent.has(id)),
			[],
			'orders validated more than once all belong to the re-sent batches',
		);
		assert.ok(
			twice.every(([, n]) => n === 2),
			'no order validated more than twice',
		);

		const byExecution = executionWorkers(ctx);
		const killToFailedMs = Math.max(...failed.map((c) => c.stoppedAt ?? killedAt)) - killedAt;
		figure(t, 'sigkill', {
			killed: victim,
			runningAtKill,
			victimBatchesDone: victimRan.length - startedNotFinished.length,
			startedNotFinished,
			ordersValidatedAtKill: validatedAtKill,
			failedExecutions: failed.map((c) => ({ id: c.id, status: c.status })),
			errorMessage,
			keptForRetry,
			n8nRetry: retry,
			killToFailed: fmtMs(killToFailedMs),
			resentBatches: resent.map((b) => b.batch),
			rows: rows.size,
			missing: 0,
			validatedTwice: twice.length,
			validations: [...counts.values()].reduce((a, n) => a + n, 0),
			batchesPerWorker: count(
				children
					.filter((c) => c.status === 'success')
					.concat(reruns)
					.map((c) => byExecution.get(c.id) ?? '?'),
			),
		});
	});

	it('polls with the Norce Checkout Trigger on main and fires each event once, also after a worker restart', async (t) => {
		// the killed worker's replacement: pollers live on main, the cursor in its static data
		const restarted = await ctx.cluster.startWorker('worker-3');
		// both triggers have polled since their activation (minutes ago): their cursors are set
		await waitFor(
			async () => {
				const refused = ctx.cluster.readLog('main').match(/problem activating the workflow: .*/);
				if (refused) throw new Error(`n8n did not activate a trigger: ${refused[0]}`);
				return polls(ctx) >= 2 * TRIGGER_EVENTS.length;
			},
			{ timeoutMs: 5 * 60_000, intervalMs: 250, what: 'the first polls of the triggers' },
		);
		const orders = [0, 1, 2].map(() => ctx.sandbox.createOrder({}));
		ctx.sandbox.setOrderStatus(orders[0].id, 'processing');
		await waitFor(
			async () =>
				received('orderCreated').length >= 3 && received('orderStatusChanged').length >= 1,
			{ timeoutMs: 5 * 60_000, intervalMs: 250, what: 'the events at the receiver' },
		);
		// more polls of each trigger (two at 5 s, one at a minute): nothing may fire again
		const seen = polls(ctx);
		const more = ctx.pollSeconds < 60 ? 2 : 1;
		await waitFor(async () => polls(ctx) >= seen + more * TRIGGER_EVENTS.length, {
			timeoutMs: 5 * 60_000,
			intervalMs: 250,
			what: 'more polls',
		});

		assert.deepEqual(
			received('orderCreated')
				.map((e) => e.json.orderId)
				.sort(),
			orders.map((o) => o.id).sort(),
		);
		assert.deepEqual(
			received('orderStatusChanged').map((e) => [
				e.json.orderId,
				e.json.previousStatus,
				e.json.status,
			]),
			[[orders[0].id, 'checkout', 'processing']],
		);
		// polls happen on main (the only process with active pollers); the executions are jobs
		const pids = ctx.receiver.received.map((r) =>
			new URL(r.url, 'http://x').searchParams.get('pid'),
		);
		const workerOf = (pid) => ctx.cluster.workerByPid(pid)?.name;
		assert.ok(
			pids.every((pid) => workerOf(pid) && !ctx.cluster.workers.get(workerOf(pid)).killed),
			`events posted by pids ${JSON.stringify(pids)}`,
		);
		figure(t, 'trigger', {
			createdEvents: received('orderCreated').length,
			statusEvents: received('orderStatusChanged').length,
			duplicates: 0,
			pollEverySeconds: ctx.pollSeconds,
			polls: polls(ctx),
			restartedWorkerPid: restarted.pid,
			eventsPostedBy: count(pids.map(workerOf)),
		});
	});

	it('receives Norce notifications on main, runs each as a job on a worker: every change once, repeats and forged calls nothing', async (t) => {
		const { sandbox } = ctx;
		const channel = sandbox.channels[0];
		const webhookId = crypto.randomUUID();
		const document = () => sandbox.configuration.get(channel);
		const entries = () => document()?.order?.notifications ?? [];
		const ours = () => entries().filter((e) => String(e.invoke).includes(webhookId));
		const items = () => received('notification');
		const toOurs = (e) => String(sandbox.deliveries.invokeOf(e)).includes(webhookId);
		const ourEvents = () => sandbox.notificationEvents.filter(toOurs);
		const fromRequest = sandbox.requests.length;
		const readsOf = (id) =>
			sandbox.requests
				.slice(fromRequest)
				.filter((r) => r.method === 'GET' && r.path === `${ORDERS_PATH}/${id}`).length;

		sandbox.configuration.put(channel, FOREIGN_DOCUMENT);
		sandbox.deliveries.setRetryDelays([50, 100]);
		// created before publishing: Norce copies no entry of ours into it
		const olderOrder = sandbox.createOrder({});
		const fromId = await maxExecutionId(ctx);
		await publishWorkflow(
			ctx,
			'notification',
			notificationWorkflow({
				norceCredential: ctx.norceCredential,
				receiverUrl: ctx.receiver.url,
				webhookId,
				statuses: WATCHED,
			}),
		);
		const workflowId = ctx.workflows.notification;
		await waitFor(
			async () => {
				if (ours().length !== 1) return false;
				const [[hooks]] = await n8nQuery(
					ctx,
					`SELECT count(*) FROM webhook_entity WHERE "workflowId" = '${workflowId}'`,
				);
				return Number(hooks) === 1;
			},
			{ timeoutMs: 2 * 60_000, intervalMs: 250, what: 'our entry and the production webhook' },
		);
		assert.equal(entries().length, 2);
		assert.equal(JSON.stringify(entries()[0]), JSON.stringify(FOREIGN), 'foreign entry as it was');
		assert.deepEqual(
			{ ...document(), order: undefined },
			{ ...FOREIGN_DOCUMENT, order: undefined },
			'every other field of the document as it was',
		);
		assert.deepEqual(ours()[0], {
			description:
				'n8n workflow "queue: notification trigger" (Norce Checkout Notification Trigger)',
			reference: ours()[0].reference,
			scope: '/state/currentStatus',
			schema: { enum: WATCHED },
			invoke: `${ctx.main.baseUrl}/webhook/${webhookId}/norce`,
		});

		const orders = [0, 1, 2, 3].map(() => sandbox.createOrder({}));
		// Norce calls nobody of ours for these: an order older than our entry, a status not watched
		sandbox.setOrderStatus(olderOrder.id, 'processing');
		sandbox.setOrderStatus(orders[3].id, 'declined');
		assert.deepEqual(
			ourEvents(),
			[],
			'no delivery of ours for an older order or an unwatched status',
		);
		// one change at a time: each its own delivery, read-back on main, job on a worker
		const changes = [
			[orders[0].id, 'processing'],
			[orders[1].id, 'processing'],
			[orders[1].id, 'completed'],
		];
		for (const [orderId, status] of changes) {
			sandbox.setOrderStatus(orderId, status);
			await waitFor(
				async () => items().some(({ json }) => json.orderId === orderId && json.status === status),
				{
					timeoutMs: 2 * 60_000,
					intervalMs: 50,
					what: `the ${status} of ${orderId} at the receiver`,
				},
			);
		}
		// the first change, processed long since (its item is at the receiver), delivered again
		// with the same payload, as Norce's retry does …
		const first = ourEvents().find((e) => e.orderId === orders[0].id);
		const repeat = await sandbox.deliveries
			.redeliver(first)
			.then(() => sandbox.deliveries.log.at(-1));
		assert.equal(repeat.statusCode, 200);
		// … and someone who learned the URL posts an order Norce does not know (a bare order, the
		// other shape the trigger accepts)
		const forgedChange = { status: 'processing', timeStamp: new Date().toISOString() };
		const forged = await fetch(ours()[0].invoke, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				id: FORGED_ID,
				state: { currentStatus: 'processing', transitions: [forgedChange] },
			}),
		});
		assert.equal(forged.status, 200);
		// both read back by main (the trigger's one request each), then a last change as a fence
		await waitFor(async () => readsOf(orders[0].id) >= 2 && readsOf(FORGED_ID) >= 1, {
			timeoutMs: 60_000,
			intervalMs: 50,
			what: 'the read-backs of the repeat and the forged call',
		});
		sandbox.setOrderStatus(orders[2].id, 'processing');
		changes.push([orders[2].id, 'processing']);
		await waitFor(async () => items().some((e) => e.json.orderId === orders[2].id), {
			timeoutMs: 2 * 60_000,
			intervalMs: 50,
			what: 'the last change at the receiver',
		});
		const runs = await waitFor(
			async () => {
				const all = await executions(ctx, 'notification', fromId);
				return all.length >= changes.length && all.every(isFinal) ? all : false;
			},
			{ timeoutMs: 2 * 60_000, intervalMs: 250, what: 'the executions of our workflow to end' },
		);
		await sandbox.deliveries.settled();

		// each change once, in n8n and at the receiver; nothing of the repeat or the forged call
		assert.equal(runs.length, changes.length, 'one execution per change');
		assert.deepEqual(
			runs.filter((r) => r.status !== 'success' || r.mode !== 'webhook'),
			[],
			'every execution a successful webhook execution',
		);
		const got = items().map((e) => [e.json.orderId, e.json.previousStatus, e.json.status]);
		assert.deepEqual(
			[...got].sort(),
			[
				[orders[0].id, 'checkout', 'processing'],
				[orders[1].id, 'checkout', 'processing'],
				[orders[1].id, 'processing', 'completed'],
				[orders[2].id, 'checkout', 'processing'],
			].sort(),
		);
		const duplicates = got.length - new Set(got.map((g) => g.join('|'))).size;
		const forgedItems = items().filter((e) => e.json.orderId === FORGED_ID).length;
		assert.equal(duplicates, 0);
		assert.equal(forgedItems, 0);
		assert.equal(readsOf(FORGED_ID), 1, 'a forged call costs one read');

		// who ran what: main enqueued each execution (its log), a live worker started it (its
		// log) and its HTTP Request node posted the item (the pid and execution in the URL)
		const enqueued = new Set(ctx.cluster.enqueuedExecutions());
		const byExecution = executionWorkers(ctx);
		const posts = items().map((e) => {
			const query = new URL(e.url, 'http://x').searchParams;
			return { pid: query.get('pid'), execution: query.get('execution') };
		});
		assert.deepEqual(posts.map((p) => p.execution).sort(), runs.map((r) => r.id).sort());
		for (const { pid, execution } of posts) {
			assert.ok(enqueued.has(execution), `main's log enqueued execution ${execution}`);
			const worker = ctx.cluster.workers.get(byExecution.get(execution));
			assert.ok(worker && !worker.killed, `execution ${execution} started by a live worker`);
			assert.equal(
				pid,
				String(worker.pid),
				`execution ${execution}: item posted by ${worker.name}`,
			);
		}
		// webhook() ran on main: the forged call's log line is in main's log and no worker's
		const ignored = `a call about order "${FORGED_ID}", which Norce does not know`;
		assert.ok(ctx.cluster.readLog('main').includes(ignored), "main's log names the forged call");
		for (const name of ctx.cluster.workers.keys())
			assert.ok(!ctx.cluster.readLog(name).includes(ignored), `${name}'s log does not`);

		// the dedupe memory: written by webhook() on main and saved there into the workflow's
		// static data; the workers pass the trigger's items through and never save it
		const expectedKeys = changes.map(([orderId, status]) => {
			const transition = sandbox.orders
				.get(orderId)
				.state.transitions.find((tr) => tr.status === status);
			return `${orderId}|${status}|${Date.parse(transition.timeStamp)}`;
		});
		const remembered = await waitFor(
			async () => {
				const keys = Object.keys(
					(await storedStaticData(ctx, 'notification'))?.[`node:${NOTIFICATION_TRIGGER}`]
						?.remembered ?? {},
				);
				return keys.length >= expectedKeys.length ? keys : false;
			},
			{ timeoutMs: 60_000, intervalMs: 250, what: "the trigger's static data" },
		);
		assert.deepEqual([...remembered].sort(), [...expectedKeys].sort());

		// delivery POST started (sandbox) → item at the receiver (a worker's HTTP Request node)
		const delays = ourEvents().map((event) => {
			const attempt = sandbox.deliveries.log.find((a) => a.eventId === event.id);
			const arrival = items().find(
				(r) => r.json.orderId === event.orderId && r.json.changedAt === event.createdAt,
			);
			return arrival.at - attempt.startedAt;
		});

		// unpublishing removes ours, leaves the foreign entry, never DELETEs the document
		await unpublishWorkflow(ctx, 'notification');
		await waitFor(async () => ours().length === 0, {
			timeoutMs: 2 * 60_000,
			intervalMs: 250,
			what: 'our entry to be removed',
		});
		assert.equal(entries().length, 1);
		assert.equal(JSON.stringify(entries()[0]), JSON.stringify(FOREIGN), 'foreign entry intact');
		const configurationCalls = sandbox.requests
			.slice(fromRequest)
			.filter((r) => r.path.includes('/configurations/static_notifications'))
			.map((r) => r.method);
		assert.ok(configurationCalls.includes('PUT'), 'the configuration calls are in the request log');
		assert.ok(!configurationCalls.includes('DELETE'), 'the document is never deleted');

		figure(t, 'notificationTrigger', {
			changes: changes.length,
			deliveriesToOurs: sandbox.deliveries.log.filter((a) => a.invoke.includes(webhookId)).length,
			repeatedDeliveries: 1,
			forgedCalls: 1,
			executions: runs.length,
			items: items().length,
			duplicates,
			forged: forgedItems,
			executionsPerWorker: count(runs.map((r) => byExecution.get(r.id))),
			// evidence per execution: mode (its row), who enqueued it and who started it (the
			// logs), which pid posted its item (the receiver)
			whoRanWhat: runs.map((r) => ({
				execution: r.id,
				mode: r.mode,
				enqueuedBy: enqueued.has(r.id) ? 'main' : '?',
				startedBy: byExecution.get(r.id),
				postedByPid: posts.find((p) => p.execution === r.id)?.pid,
			})),
			configurationCalls,
			staticDataKeys: remembered.length,
			deliveryToItemMs: delays,
			deliveryToItemMedianMs: median(delays),
		});
	});

	it('keeps the API key and the database password out of every execution, workflow and log', async (t) => {
		const key = await secretOccurrences(ctx, ctx.sandbox.apiKey);
		const password = await secretOccurrences(ctx, ctx.pg.password);
		assert.deepEqual(key, [], 'the Norce API key');
		assert.deepEqual(password, [], 'the PostgreSQL password');
		const [[executionsChecked]] = await n8nQuery(ctx, 'SELECT count(*) FROM execution_data');
		figure(t, 'secrets', {
			executionsChecked: Number(executionsChecked),
			logsChecked: ctx.cluster.allLogs().map((l) => l.file),
			found: 0,
		});
	});
});

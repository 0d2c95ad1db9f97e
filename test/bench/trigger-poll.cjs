// The trigger's poll over many new orders, in n8n-core's own PollContext (test/helpers/pollRuntime,
// the package's n8n-core devDependency), against an in-process sandbox. Run by run.mjs as
//   node --expose-gc test/bench/trigger-poll.cjs '{"orders":10000,"repeat":3}'
// Prints one JSON line: per repetition the time of the poll that finds all orders, its heap
// (retained while the emitted items are held, and the peak), and the time of the next, empty poll.
//
// The cost of a poll (README, "Cost of a poll"): not a timed test, a measurement printed as a table,
//   node --expose-gc test/bench/trigger-poll.cjs '{"cost":[1000,10000,100000]}'
// N orders in the window (90 % still in checkout, the rest processing), Order Status Changed with
// the default statuses: the activation poll, then a poll a minute later that finds 5 changes;
// Order Created for comparison. Requests and time per poll; "at 50 ms" is the requests times 50 ms,
// what they cost against Norce at that latency.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

// The helpers are TypeScript: transpile them on load (no type check; that is npm run typecheck).
// '.ts' first, so `X.node` finds X.node.ts before the codex X.node.json.
const others = Object.entries(require.extensions);
for (const [extension] of others) delete require.extensions[extension];
require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
		},
		fileName: filename,
	});
	module._compile(outputText, filename);
};
for (const [extension, load] of others) require.extensions[extension] = load;

const root = path.resolve(__dirname, '..', '..');
const { startSandbox } = require(path.join(root, 'test/sandbox'));
const { createPoller } = require(path.join(root, 'test/helpers/pollRuntime.ts'));
const { stopN8nBackgroundServices } = require(path.join(root, 'test/helpers/n8nRuntime.ts'));
const { DEFAULT_RETRY_TIMING } = require(path.join(root, 'shared/transport/index.ts'));

const { orders = 10000, repeat = 3 } = JSON.parse(process.argv[2] ?? '{}');
const gc = () => {
	global.gc();
	global.gc();
};

async function once() {
	// the orders exist before the measurement (in this process: their heap is not the poll's)
	const sandbox = await startSandbox({ record: false, generated: orders });
	try {
		const first = Date.parse(sandbox.orders.get('o_gen_000001').created);
		const clock = { now: first - 1000 };
		const poller = createPoller({
			parameters: { event: 'orderCreated', options: {} },
			credentials: {
				environment: 'custom',
				baseUrl: sandbox.baseUrl,
				slug: '',
				merchant: sandbox.merchant,
				channel: sandbox.channels[0],
				apiKey: sandbox.apiKey,
			},
			dependencies: { timing: DEFAULT_RETRY_TIMING, now: () => clock.now },
		});
		await poller.poll(); // trigger mode: sets the cursor before the first order
		await poller.poll('manual'); // one list request: warms the sandbox's list index and the code
		clock.now = first + orders * 60_000 + 1000; // after the last generated order
		sandbox.resetStats();
		gc();
		const before = process.memoryUsage().heapUsed;
		let peak = before;
		const timer = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().heapUsed);
		}, 5);
		const t0 = process.hrtime.bigint();
		const result = await poller.poll();
		const ms = Number(process.hrtime.bigint() - t0) / 1e6;
		clearInterval(timer);
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		gc();
		// the emitted items (still referenced below) and the grown static data
		const retained = process.memoryUsage().heapUsed - before;
		const emitted = result?.[0]?.length ?? 0;
		const requests = sandbox.stats.total;
		clock.now += 60_000;
		const t1 = process.hrtime.bigint();
		const next = await poller.poll();
		const emptyMs = Number(process.hrtime.bigint() - t1) / 1e6;
		return {
			ms,
			emitted,
			requests,
			retained,
			peak: peak - before,
			stateBytes: JSON.stringify(poller.staticData).length,
			emptyMs,
			emptyEmitted: next?.[0]?.length ?? 0,
		};
	} finally {
		await sandbox.close();
	}
}

/** Requests and time of one poll. */
async function measured(sandbox, poller) {
	sandbox.resetStats();
	const t0 = process.hrtime.bigint();
	const result = await poller.poll();
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	return { requests: sandbox.stats.total, ms, emitted: result?.[0]?.length ?? 0 };
}

async function cost(orders) {
	const sandbox = await startSandbox({ record: false, generated: orders });
	try {
		const channel = sandbox.channels[0];
		// Only the generated orders: the demo orders are dated later in 2026.
		for (const id of [...sandbox.orders.keys()])
			if (!id.startsWith('o_gen_')) sandbox.orders.delete(id);
		const generated = [...sandbox.orders.values()];
		generated.forEach((order, index) => {
			// 9 in 10 abandoned in checkout: created, never changed.
			if (index % 10 !== 0)
				order.state = {
					currentStatus: 'checkout',
					transitions: [{ status: 'checkout', timeStamp: order.created }],
				};
		});
		const last = Math.max(...generated.map((order) => Date.parse(order.created)));
		const first = Math.min(...generated.map((order) => Date.parse(order.created)));
		const clock = { now: last + 60_000 };
		const lookbackDays = Math.ceil((clock.now - first) / 86_400_000) + 1;
		const credentials = {
			environment: 'custom',
			baseUrl: sandbox.baseUrl,
			slug: '',
			merchant: sandbox.merchant,
			channel,
			apiKey: sandbox.apiKey,
		};
		const rows = {};
		for (const event of ['orderStatusChanged', 'orderCreated']) {
			const poller = createPoller({
				parameters: { event, options: { lookbackDays } },
				credentials,
				dependencies: { timing: DEFAULT_RETRY_TIMING, now: () => clock.now },
			});
			const activation = await measured(sandbox, poller);
			clock.now += 60_000;
			for (const order of generated.slice(-50, -45))
				sandbox.setOrderStatus(order.id, 'completed', new Date(clock.now - 1000).toISOString());
			sandbox.createOrder({ created: new Date(clock.now - 500).toISOString() });
			const steady = await measured(sandbox, poller);
			rows[event] = { activation, steady, stateBytes: JSON.stringify(poller.staticData).length };
		}
		return { orders: generated.length, lookbackDays, ...rows };
	} finally {
		await sandbox.close();
	}
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

(async () => {
	const costSizes = JSON.parse(process.argv[2] ?? '{}').cost;
	if (costSizes) {
		const lines = [
			'| orders in the window | event | poll | requests | time (sandbox, no latency) | at 50 ms a request | events |',
			'| ---: | --- | --- | ---: | ---: | ---: | ---: |',
		];
		for (const size of costSizes) {
			const row = await cost(size);
			for (const event of ['orderStatusChanged', 'orderCreated'])
				for (const poll of ['activation', 'steady']) {
					const m = row[event][poll];
					lines.push(
						`| ${row.orders.toLocaleString('en-US')} | ${event} | ${poll === 'steady' ? 'next (1 min)' : 'activation'} | ${m.requests} | ${fmt(m.ms)} | ${fmt(m.requests * 50)} | ${m.emitted} |`,
					);
				}
		}
		stopN8nBackgroundServices();
		process.stdout.write(`${lines.join('\n')}\n`);
		process.exit(0);
	}
	const runs = [];
	for (let r = 0; r < repeat; r++) runs.push(await once());
	stopN8nBackgroundServices();
	process.stdout.write(`${JSON.stringify({ orders, runs })}\n`);
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});

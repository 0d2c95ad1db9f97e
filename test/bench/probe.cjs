// Preloaded into the n8n process (NODE_OPTIONS="--require probe.cjs [--expose-gc]") by the bench.
// Wraps execute() of the Norce node (and of the HTTP Request node) so a measurement covers
// exactly one execution of the measured node, inside real n8n with its real helpers:
//   BENCH_PROBE=heap  gc() before and after execute (the result is still held): retained heap
//                     growth, plus the peak heapUsed sampled every 5 ms during execute
//   BENCH_PROBE=cpu   V8 CPU profile (inspector Profiler, 100 µs sampling) of execute only
// Each execution appends one JSON line to BENCH_PROBE_OUT (cpu: also writes a .cpuprofile).
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const mode = process.env.BENCH_PROBE;
const out = process.env.BENCH_PROBE_OUT;
const TARGETS = { NorceCheckoutOrder: 'norce', HttpRequestV3: 'httpRequest', NorceBench: 'bench' };
let seq = 0;

function fullGc() {
	if (typeof global.gc !== 'function') return;
	global.gc();
	global.gc();
}

/**
 * The heap after gc, once it stops shrinking: n8n may still be releasing an earlier execution
 * (its run data is freed once saving it ends), which would otherwise count as this one shrinking.
 */
async function settledHeap() {
	let heap = Infinity;
	for (let i = 0; i < 20; i++) {
		await new Promise((resolve) => setTimeout(resolve, 25));
		fullGc();
		const now = process.memoryUsage().heapUsed;
		if (now >= heap * 0.995) return now;
		heap = now;
	}
	return heap;
}

function countItems(result) {
	let n = 0;
	for (const output of result ?? []) n += output?.length ?? 0;
	return n;
}

function profilerSession() {
	const inspector = require('node:inspector');
	const session = new inspector.Session();
	session.connect();
	const post = (method, params) =>
		new Promise((resolve, reject) =>
			session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
		);
	return { session, post };
}

function wrap(proto, kind) {
	if (proto.__benchWrapped) return;
	proto.__benchWrapped = true;
	const original = proto.execute;
	proto.execute = wrapped(original, kind);
}

/** A node whose execute is an instance property (set in its constructor): wrap each instance. */
function wrapClass(C, kind) {
	if (C.__benchWrapped) return C;
	const Wrapped = class extends C {
		constructor(...args) {
			super(...args);
			if (typeof this.execute === 'function') this.execute = wrapped(this.execute, kind);
		}
	};
	Wrapped.__benchWrapped = true;
	return Wrapped;
}

function wrapped(original, kind) {
	return async function benchExecute(...args) {
		const id = ++seq;
		const nodeName = this.getNode?.().name;
		if (kind === 'bench' && nodeName !== 'Measured') return original.apply(this, args);
		const itemsIn = this.getInputData?.().length;
		if (mode === 'heap') {
			const before = await settledHeap();
			let peak = before;
			const timer = setInterval(() => {
				const h = process.memoryUsage().heapUsed;
				if (h > peak) peak = h;
			}, 5);
			const t0 = process.hrtime.bigint();
			const result = await original.apply(this, args);
			const ms = Number(process.hrtime.bigint() - t0) / 1e6;
			clearInterval(timer);
			const beforeGc = process.memoryUsage().heapUsed;
			if (beforeGc > peak) peak = beforeGc;
			fullGc();
			const after = process.memoryUsage().heapUsed;
			fs.appendFileSync(
				out,
				`${JSON.stringify({ id, kind, nodeName, itemsIn, itemsOut: countItems(result), before, after, peak, ms, gc: typeof global.gc === 'function' })}\n`,
			);
			return result;
		}
		if (mode === 'cpu') {
			const { session, post } = profilerSession();
			await post('Profiler.enable');
			await post('Profiler.setSamplingInterval', { interval: 100 });
			await post('Profiler.start');
			const t0 = process.hrtime.bigint();
			const result = await original.apply(this, args);
			const ms = Number(process.hrtime.bigint() - t0) / 1e6;
			const { profile } = await post('Profiler.stop');
			session.disconnect();
			const file = path.join(
				path.dirname(out),
				`${kind}-${nodeName}-${id}.cpuprofile`.replace(/[^\w.-]+/g, '_'),
			);
			fs.writeFileSync(file, JSON.stringify(profile));
			fs.appendFileSync(
				out,
				`${JSON.stringify({ id, kind, nodeName, itemsIn, itemsOut: countItems(result), ms, profile: file })}\n`,
			);
			return result;
		}
		return original.apply(this, args);
	};
}

if (mode && out) {
	const load = Module._load;
	Module._load = function benchLoad(request, parent, isMain) {
		const exported = load.apply(this, arguments);
		if (exported && typeof exported === 'object') {
			for (const [cls, kind] of Object.entries(TARGETS)) {
				const C = exported[cls];
				if (typeof C !== 'function' || !C.prototype) continue;
				if (typeof C.prototype.execute === 'function') wrap(C.prototype, kind);
				else exported[cls] = wrapClass(C, kind);
			}
		}
		return exported;
	};
}

'use strict';
// The figures of the PR text, outside n8n: stock and patched @n8n/backend-network side by side in
// one process (STOCK_DIR, PATCHED_DIR; check.mjs --figures sets them up), `httpRequest` against a
// local HTTP and HTTPS server, interleaved rounds, medians. Per request: wall time, CPU of the
// process (client and server together, both in this process) and the connections the server saw;
// after a run: the connections still open (idle sockets left behind).
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const N = Number(process.env.REQUESTS ?? 200);
const load = (dir) => require(path.join(dir, 'dist/http/axios/request.js')).httpRequest;
const variants = { stock: load(process.env.STOCK_DIR), patched: load(process.env.PATCHED_DIR) };
require(
	path.join(process.env.STOCK_DIR, 'dist/http/axios/config.js'),
).configureGlobalAxiosDefaults();

function certificate() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-'));
	const args = 'req -x509 -newkey rsa:2048 -nodes -days 1 -keyout k.pem -out c.pem -subj /CN=x';
	execFileSync('openssl', [...args.split(' '), '-addext', 'subjectAltName=IP:127.0.0.1'], {
		cwd: dir,
		stdio: 'pipe',
	});
	const pair = { key: fs.readFileSync(`${dir}/k.pem`), cert: fs.readFileSync(`${dir}/c.pem`) };
	fs.rmSync(dir, { recursive: true, force: true });
	return pair;
}

async function server(secure, tls) {
	const seen = { connections: 0 };
	const answer = (req, res) => res.end('{"ok":true}');
	const s = secure ? https.createServer(tls, answer) : http.createServer(answer);
	s.on(secure ? 'secureConnection' : 'connection', () => seen.connections++);
	await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
	const open = () => new Promise((resolve) => s.getConnections((e, n) => resolve(n)));
	return { s, seen, open, url: `${secure ? 'https' : 'http'}://127.0.0.1:${s.address().port}/` };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(request, target, c, extra) {
	target.seen.connections = 0;
	const cpu = process.cpuUsage();
	const t = process.hrtime.bigint();
	let next = 0;
	await Promise.all(
		Array.from({ length: c }, async () => {
			while (next++ < N) await request({ method: 'GET', url: target.url, json: true, ...extra });
		}),
	);
	const ms = Number(process.hrtime.bigint() - t) / 1e6;
	const used = process.cpuUsage(cpu);
	await new Promise((resolve) => setImmediate(resolve));
	return {
		ms: ms / N,
		cpu: (used.user + used.system) / 1000 / N,
		connections: target.seen.connections,
		openAfter: await target.open(),
	};
}

(async () => {
	const tls = certificate();
	const targets = { http: await server(false), https: await server(true, tls) };
	const cases = [];
	for (const proto of ['http', 'https'])
		for (const c of [1, 5])
			for (const [label, extra] of [
				['default', {}],
				['agentOptions.keepAlive', { agentOptions: { keepAlive: true } }],
			])
				cases.push({
					proto,
					c,
					label,
					extra: { ...extra, agentOptions: { ...extra.agentOptions, ca: tls.cert } },
				});
	const results = [];
	for (const k of cases) {
		const rows = { stock: [], patched: [] };
		for (let r = 0; r < ROUNDS; r++)
			for (const name of r % 2 ? ['patched', 'stock'] : ['stock', 'patched']) {
				// each round starts with no open connection left from the one before
				targets[k.proto].s.closeAllConnections();
				await new Promise((resolve) => setTimeout(resolve, 50)); // the clients see the close
				rows[name].push(await run(variants[name], targets[k.proto], k.c, k.extra));
			}
		const m = (name, key) => median(rows[name].map((x) => x[key]));
		const ratio = median(rows.stock.map((s, i) => rows.patched[i].ms / s.ms));
		results.push({
			...k,
			extra: undefined,
			stock: Object.fromEntries(
				['ms', 'cpu', 'connections', 'openAfter'].map((key) => [key, m('stock', key)]),
			),
			patched: Object.fromEntries(
				['ms', 'cpu', 'connections', 'openAfter'].map((key) => [key, m('patched', key)]),
			),
			ratio,
		});
	}
	console.log(
		`${N} requests per run, ${ROUNDS} interleaved rounds, medians; load ${os
			.loadavg()
			.map((x) => x.toFixed(1))
			.join(' ')}, Node ${process.versions.node}\n`,
	);
	console.log(
		'| proto | C | agentOptions | ms/request stock → patched | patched ÷ stock | CPU ms/request stock → patched | connections stock → patched | open after the run stock → patched |',
	);
	console.log('|---|---:|---|---|---:|---|---|---|');
	const f = (x) => x.toFixed(2);
	for (const x of results)
		console.log(
			`| ${x.proto} | ${x.c} | ${x.label === 'default' ? '(ca only)' : 'keepAlive: true'} | ${f(x.stock.ms)} → ${f(x.patched.ms)} | **${f(x.ratio)}** | ${f(x.stock.cpu)} → ${f(x.patched.cpu)} | ${x.stock.connections} → ${x.patched.connections} | ${x.stock.openAfter} → ${x.patched.openAfter} |`,
		);
	for (const t of Object.values(targets)) {
		t.s.closeAllConnections();
		t.s.close();
	}
})();

'use strict';
// The test of the upstream change (keep-alive-agents.patch), counting connections at the server.
// Runs with `node --test` against an unpacked, patched @n8n/backend-network 1.15.1 whose
// directory is in BACKEND_NETWORK_DIR (docs/upstream/check.mjs sets it up); against the stock
// package every test but the last fails. Upstream it becomes
// packages/@n8n/backend-network/src/http/__tests__/node-agents.keep-alive.test.ts (vitest: the
// same describe/it, assert → expect).
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const dns = require('node:dns');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { after, before, beforeEach, describe, it } = require('node:test');

const PKG = process.env.BACKEND_NETWORK_DIR;
if (!PKG) throw new Error('BACKEND_NETWORK_DIR: the unpacked @n8n/backend-network to test');
const { httpRequest, convertN8nRequestToAxios } = require(
	path.join(PKG, 'dist/http/axios/request.js'),
);
const nodeAgents = require(path.join(PKG, 'dist/http/node-agents.js'));
// as n8n does at start-up: axios's own proxy handling off, agents set by the interceptor too
require(path.join(PKG, 'dist/http/axios/config.js')).configureGlobalAxiosDefaults();

// --- servers that count what reaches them ------------------------------------------------------
function tls() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keep-alive-test-'));
	const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
	const selfSigned = (name, cn, extra = []) => {
		const args = `req -x509 -newkey rsa:2048 -nodes -days 1 -keyout ${name}.key -out ${name}.pem`;
		openssl(...args.split(' '), '-subj', `/CN=${cn}`, ...extra);
		return {
			key: fs.readFileSync(path.join(dir, `${name}.key`)),
			cert: fs.readFileSync(path.join(dir, `${name}.pem`)),
		};
	};
	const server = selfSigned('server', '127.0.0.1', ['-addext', 'subjectAltName=IP:127.0.0.1']);
	const client = selfSigned('client', 'client a');
	const client2 = selfSigned('client2', 'client b');
	fs.rmSync(dir, { recursive: true, force: true });
	return { server, client, client2 };
}

/** A server that answers every request with where it came from; counts connections. */
async function origin(secure, tlsOptions) {
	const seen = { connections: 0, requests: [] };
	const handler = (req, res) => {
		if (req.url.startsWith('/redirect?to=')) {
			res.writeHead(302, { location: decodeURIComponent(req.url.slice('/redirect?to='.length)) });
			res.end();
			return;
		}
		const peer = req.socket.getPeerCertificate?.();
		const entry = { url: req.url, socket: req.socket, clientCert: peer?.subject?.CN ?? null };
		seen.requests.push(entry);
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ url: req.url, clientCert: entry.clientCert }));
	};
	const server = secure
		? https.createServer({ ...tlsOptions, requestCert: true, rejectUnauthorized: false }, handler)
		: http.createServer(handler);
	server.on(secure ? 'secureConnection' : 'connection', () => {
		seen.connections++;
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `${secure ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
	return { server, url, seen, close: () => (server.closeAllConnections(), server.close()) };
}

/** A plain HTTP forward proxy (absolute-form requests); counts connections and requests. */
async function forwardProxy() {
	const seen = { connections: 0, requests: 0 };
	const server = http.createServer((req, res) => {
		seen.requests++;
		const upstream = http.request(
			req.url,
			{ method: req.method, headers: req.headers, agent: false },
			(answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	server.on('connection', () => seen.connections++);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		seen,
		port: server.address().port,
		close: () => (server.closeAllConnections(), server.close()),
	};
}

const get = (url, extra = {}, ssrf) =>
	httpRequest({ method: 'GET', url, json: true, ...extra }, ssrf);

/** An SSRF policy like SsrfProtectionService's, blocking the hosts given, counting checks. */
function policy(blockedHosts = []) {
	const checks = [];
	return {
		checks,
		validateUrl: async () => ({ ok: true }),
		validateRedirectSync: () => {},
		createSecureLookup: () => dns.lookup,
		validateConnectionHost(host) {
			checks.push(host);
			return blockedHosts.includes(host)
				? { ok: false, error: new Error(`SSRF policy blocks ${host}`) }
				: { ok: true };
		},
	};
}

// --- tests -------------------------------------------------------------------------------------
const N = 20;
let certs;
let plain;
let secure;
before(async () => {
	certs = tls();
	plain = await origin(false);
	secure = await origin(true, certs.server);
});
after(() => {
	nodeAgents.nodeAgentCache?.clear(); // absent in the stock package
	plain.close();
	secure.close();
});
beforeEach(() => {
	// every test starts without pooled agents, and counts from zero
	nodeAgents.nodeAgentCache?.clear();
	for (const o of [plain, secure]) {
		o.server.closeAllConnections();
		Object.assign(o.seen, { connections: 0, requests: [] });
	}
});

describe('one origin, sequential requests', () => {
	it(`${N} requests over HTTP open 1 connection`, async () => {
		for (let i = 0; i < N; i++) assert.equal((await get(`${plain.url}/r${i}`)).url, `/r${i}`);
		assert.equal(plain.seen.requests.length, N);
		assert.equal(plain.seen.connections, 1);
	});

	it(`${N} requests over HTTPS do 1 TLS handshake`, async () => {
		const ca = { agentOptions: { ca: certs.server.cert } };
		for (let i = 0; i < N; i++) await get(`${secure.url}/r${i}`, ca);
		assert.equal(secure.seen.requests.length, N);
		assert.equal(secure.seen.connections, 1);
	});

	it('also through an SSRF policy; its connect-time guard checked the one socket once', async () => {
		const ssrf = policy();
		for (let i = 0; i < N; i++) await get(`${plain.url}/r${i}`, {}, ssrf);
		assert.equal(plain.seen.connections, 1);
		assert.deepEqual(ssrf.checks, ['127.0.0.1']);
	});

	it('the pooled agent keeps the guard: a new connection to a blocked host is refused', async () => {
		const ssrf = policy(['127.0.0.2']);
		await get(`${plain.url}/allowed`, {}, ssrf);
		// same protocol, proxy, policy and options: the same cached agent, a new socket
		await assert.rejects(
			get(`http://127.0.0.2:${new URL(plain.url).port}/x`, {}, ssrf),
			/SSRF policy blocks 127\.0\.0\.2/,
		);
		assert.equal(plain.seen.requests.length, 1);
	});

	it('idle sockets close after FREE_SOCKET_TIMEOUT_MS, below 5 s server keep-alive', async () => {
		await get(`${plain.url}/one`);
		const agent = convertN8nRequestToAxios({ method: 'GET', url: plain.url }).httpAgent;
		assert.equal(agent.keepAlive, true);
		assert.equal(agent.options.timeout, nodeAgents.FREE_SOCKET_TIMEOUT_MS);
		assert.ok(nodeAgents.FREE_SOCKET_TIMEOUT_MS < 5000);
	});
});

describe('separate pools', () => {
	it('only the target protocol gets an agent', () => {
		const h = convertN8nRequestToAxios({ method: 'GET', url: plain.url });
		const s = convertN8nRequestToAxios({ method: 'GET', url: secure.url });
		assert.ok(h.httpAgent instanceof http.Agent);
		assert.equal(h.httpsAgent, undefined);
		assert.ok(s.httpsAgent instanceof https.Agent);
		assert.equal(s.httpAgent, undefined);
	});

	it('different agent options never share a connection (mTLS identities included)', async () => {
		const variants = {
			insecure: { skipSslCertificateValidation: true },
			ca: { agentOptions: { ca: certs.server.cert } },
			clientA: { agentOptions: { ca: certs.server.cert, ...certs.client } },
			clientB: { agentOptions: { ca: certs.server.cert, ...certs.client2 } },
		};
		const want = { insecure: null, ca: null, clientA: 'client a', clientB: 'client b' };
		for (let round = 0; round < 3; round++)
			for (const [name, extra] of Object.entries(variants)) {
				const answer = await get(`${secure.url}/${name}`, extra);
				assert.equal(answer.clientCert, want[name], `${name}, round ${round}`);
			}
		assert.equal(secure.seen.connections, 4);
		const socketsOf = (name) =>
			new Set(secure.seen.requests.filter((r) => r.url === `/${name}`).map((r) => r.socket));
		for (const name of Object.keys(variants)) assert.equal(socketsOf(name).size, 1, name);
		// equal options in new objects (fresh Buffers) are the same pool
		await get(`${secure.url}/clientA`, {
			agentOptions: {
				ca: Buffer.from(certs.server.cert),
				key: Buffer.from(certs.client.key),
				cert: Buffer.from(certs.client.cert),
			},
		});
		assert.equal(secure.seen.connections, 4);
	});

	it('an SSRF policy and none do not share a connection', async () => {
		await get(`${plain.url}/a`, {}, policy());
		await get(`${plain.url}/b`);
		await get(`${plain.url}/c`, {}, policy());
		assert.equal(plain.seen.connections, 3); // two policy objects, and none
	});

	it('a proxy setting change means no reuse across it (custom proxy, then env proxy)', async () => {
		const proxy = await forwardProxy();
		const envBefore = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy };
		try {
			const direct = async () => get(`${plain.url}/direct`);
			const viaProxy = async () =>
				get(`${plain.url}/proxied`, {
					proxy: { host: '127.0.0.1', port: proxy.port, protocol: 'http' },
				});
			await direct();
			await direct();
			assert.equal(proxy.seen.requests, 0);
			await viaProxy();
			await viaProxy();
			assert.equal(proxy.seen.requests, 2);
			assert.equal(proxy.seen.connections, 1); // the proxy connection is pooled too
			await direct();
			assert.equal(proxy.seen.requests, 2);
			const socketOf = (url) =>
				new Set(plain.seen.requests.filter((r) => r.url === url).map((r) => r.socket));
			assert.equal(socketOf('/direct').size, 1);
			for (const s of socketOf('/proxied')) assert.ok(!socketOf('/direct').has(s));

			// the environment's proxy is looked up per request: set it, and the next request goes
			// through the proxy instead of the pooled direct socket
			process.env.HTTP_PROXY = process.env.http_proxy = `http://127.0.0.1:${proxy.port}`;
			await get(`${plain.url}/env`);
			assert.equal(proxy.seen.requests, 3);
			delete process.env.HTTP_PROXY;
			delete process.env.http_proxy;
			await direct();
			assert.equal(proxy.seen.requests, 3);
			assert.equal(socketOf('/direct').size, 1);
		} finally {
			for (const [k, v] of Object.entries(envBefore))
				if (v === undefined) delete process.env[k];
				else process.env[k] = v;
			proxy.close();
		}
	});

	it("a redirect to the other protocol gets that protocol's agent, with the request's options", async () => {
		const target = `${secure.url}/landed`;
		const answer = await get(`${plain.url}/redirect?to=${encodeURIComponent(target)}`, {
			skipSslCertificateValidation: true,
		});
		assert.equal(answer.url, '/landed');
		await get(`${secure.url}/again`, { skipSslCertificateValidation: true });
		assert.equal(secure.seen.connections, 1);
	});
});

describe('bounded', () => {
	it(`keeps at most MAX_CACHED_NODE_AGENTS agents and closes the idle sockets of the evicted`, async () => {
		const max = nodeAgents.MAX_CACHED_NODE_AGENTS;
		for (let i = 0; i <= max; i++)
			await get(`${plain.url}/k${i}`, { agentOptions: { keepAliveMsecs: 1000 + i } });
		assert.equal(plain.seen.connections, max + 1);
		assert.equal(nodeAgents.nodeAgentCache.size, max);
		// the least recently used (the first) is retired; its idle socket is closed
		const first = plain.seen.requests[0].socket;
		await new Promise((resolve) => (first.destroyed ? resolve() : first.once('close', resolve)));
		await new Promise((resolve) => setImmediate(resolve));
		const open = plain.seen.requests.slice(1).filter((r) => !r.socket.destroyed);
		assert.equal(open.length, max);
	});
});

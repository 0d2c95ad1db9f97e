// @ts-check
'use strict';
/**
 * Listeners that are not Norce, for the transport's hostile-world tests: one that records
 * every request it gets (where a leaked key would land) and answers as the test says: a
 * decompression bomb, a drip, an HTML page. Plain JS: the n8n lint rules forbid node:http
 * and process in TS.
 */
const http = require('node:http');
const https = require('node:https');
const tls = require('node:tls');
const zlib = require('node:zlib');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

/** @typedef {import('./hostile').Behaviour} Behaviour */

/** @param {http.ServerResponse} res @param {number} bytes */
function bomb(res, bytes) {
	res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
	const gzip = zlib.createGzip({ level: 9 });
	gzip.pipe(res);
	const chunk = Buffer.alloc(1024 * 1024, 0x20); // spaces: valid JSON whitespace, compresses ~1000:1
	let sent = 0;
	const pump = () => {
		while (sent < bytes) {
			sent += chunk.length;
			if (!gzip.write(chunk)) return gzip.once('drain', pump);
		}
		gzip.end();
	};
	res.on('close', () => gzip.destroy());
	pump();
}

/** @param {http.ServerResponse} res @param {Set<() => void>} stops */
function drip(res, stops) {
	res.writeHead(200, { 'content-type': 'application/json' });
	res.write('[');
	// One byte whenever the previous one has left: the answer never ends, and the
	// connection is never silent for long, so only a deadline on the whole attempt ends it.
	let stopped = false;
	const stop = () => {
		stopped = true;
	};
	stops.add(stop);
	const next = () => {
		if (stopped || res.destroyed) return;
		res.write(' ', () => setTimeout(next, 20));
	};
	res.on('close', () => stops.delete(stop));
	next();
}

/** @type {{ key: Buffer, cert: Buffer } | undefined} */
let certificate;
/** A throw-away self-signed certificate for 127.0.0.1, made once per process with openssl. */
function selfSigned() {
	if (certificate) return certificate;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'norce-tls-'));
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1',
			'-days',
			'1',
			'-keyout',
			'key.pem',
			'-out',
			'cert.pem',
		],
		{ cwd: dir, stdio: 'pipe' },
	);
	certificate = {
		key: fs.readFileSync(path.join(dir, 'key.pem')),
		cert: fs.readFileSync(path.join(dir, 'cert.pem')),
	};
	fs.rmSync(dir, { recursive: true, force: true });
	return certificate;
}

/**
 * Lets this process's HTTPS clients accept the self-signed certificate, for the https tests
 * only: n8n's client takes no CA option, and jest's copy of process.env does not reach Node's
 * TLS defaults, so tls.connect is wrapped. `restore()` undoes it.
 */
function trustSelfSigned() {
	const original = tls.connect;
	/** @type {any} */ (tls).connect = function connect(/** @type {any[]} */ ...args) {
		for (const arg of args) if (arg && typeof arg === 'object') arg.rejectUnauthorized = false;
		return /** @type {any} */ (original).apply(this, args);
	};
	return () => {
		tls.connect = original;
	};
}

/** @param {{ tls?: boolean }} [options] */
async function startHostile(options = {}) {
	/** @type {Array<{method: string, url: string, headers: http.IncomingHttpHeaders}>} */
	const requests = [];
	/** @type {Behaviour} */
	let behaviour = { kind: 'json', status: 200, body: { stolen: true } };
	/** @type {Set<() => void>} */
	const stops = new Set();
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	const onRequest = (req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
		req.resume();
		const b = behaviour;
		if (b.kind === 'bomb') return bomb(res, b.bytes);
		if (b.kind === 'drip') return drip(res, stops);
		if (b.kind === 'html') {
			res.writeHead(b.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
			return res.end(
				'<!doctype html><html><head><title>Sign in</title></head><body><form></form></body></html>',
			);
		}
		if (b.kind === 'computed') {
			res.writeHead(200, { 'content-type': 'application/json' });
			return res.end(JSON.stringify(b.body(new URL(req.url ?? '/', 'http://127.0.0.1'))));
		}
		if (b.kind === 'text') {
			res.writeHead(b.status ?? 200, { 'content-type': b.contentType ?? 'text/plain' });
			return res.end(b.body);
		}
		res.writeHead(b.status ?? 200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(b.body));
	};
	const server = options.tls
		? https.createServer(selfSigned(), onRequest)
		: http.createServer(onRequest);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${address.port}`;
	return {
		origin,
		port: address.port,
		requests,
		/** @param {Behaviour} next */
		answer(next) {
			behaviour = next;
		},
		reset() {
			requests.length = 0;
			behaviour = { kind: 'json', status: 200, body: { stolen: true } };
		},
		async close() {
			for (const stop of stops) stop();
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

module.exports = { startHostile, selfSigned, trustSelfSigned };

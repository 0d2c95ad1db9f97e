// @ts-check
'use strict';
/**
 * A pass-through HTTP proxy in front of the sandbox that holds chosen requests until the test
 * releases them. "Item 0 is answered last" or "three requests are in flight at once" then
 * become events the test controls instead of delays that a busy machine may reorder.
 * Requests are forwarded byte for byte (method, raw path, headers, body), so the sandbox
 * records exactly what the node sent. Plain JS: the n8n lint rules forbid node:http in TS.
 */
const http = require('node:http');

/**
 * @typedef {{method: string, url: string, release(): void}} HeldRequest
 * @param {string} targetUrl the sandbox's url, e.g. http://127.0.0.1:4010
 */
async function startGate(targetUrl) {
	const target = new URL(targetUrl);
	/** @type {HeldRequest[]} */
	const held = [];
	/** @type {Array<{count: number, resolve: (held: HeldRequest[]) => void}>} */
	let waiters = [];
	/** @type {(request: {method: string, url: string}) => boolean} */
	let shouldHold = () => false;
	const state = { maxHeld: 0, forwarded: 0 };
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();

	const notify = () => {
		const ready = waiters.filter((waiter) => held.length >= waiter.count);
		waiters = waiters.filter((waiter) => held.length < waiter.count);
		for (const waiter of ready) waiter.resolve([...held]);
	};

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const forward = () => {
				state.forwarded++;
				const upstream = http.request(
					{
						host: target.hostname,
						port: target.port,
						method: req.method,
						path: req.url,
						headers: req.headers,
					},
					(answer) => {
						res.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(res);
					},
				);
				// A dropped upstream connection is passed on as a dropped connection.
				upstream.on('error', () => res.socket?.destroy());
				upstream.end(body);
			};
			const request = { method: req.method ?? 'GET', url: req.url ?? '/' };
			if (!shouldHold(request)) return forward();
			/** @type {HeldRequest} */
			const entry = {
				...request,
				release() {
					const index = held.indexOf(entry);
					if (index === -1) return;
					held.splice(index, 1);
					forward();
				},
			};
			held.push(entry);
			state.maxHeld = Math.max(state.maxHeld, held.length);
			notify();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `http://127.0.0.1:${port}`;

	return {
		url,
		baseUrl: `${url}/checkout/order`,
		get held() {
			return [...held];
		},
		get maxHeld() {
			return state.maxHeld;
		},
		get forwarded() {
			return state.forwarded;
		},
		/** @param {(request: {method: string, url: string}) => boolean} predicate */
		hold(predicate) {
			shouldHold = predicate;
		},
		/** @param {number} count @returns {Promise<HeldRequest[]>} */
		whenHeld(count) {
			return new Promise((resolve) => {
				waiters.push({ count, resolve });
				notify();
			});
		},
		releaseAll() {
			for (const entry of [...held]) entry.release();
		},
		reset() {
			shouldHold = () => false;
			this.releaseAll();
			state.maxHeld = 0;
			state.forwarded = 0;
		},
		/** @returns {Promise<void>} */
		close() {
			return new Promise((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
		},
	};
}

module.exports = { startGate };

// @ts-check
'use strict';
/**
 * Local "Norce Checkout sandbox": a zero-dependency HTTP server imitating the
 * Norce Checkout Order API v0 and the Notification Service, with request
 * recording, latency, fault injection and a rate limiter. See README.md.
 *
 * Request pipeline (non-control requests):
 *   arrive → count + record → pick fault (rules, then random) → rate-limit check
 *   → read body → latency → fault (drop/hang/delay/answer) → auth → route → answer
 * All decisions are taken on arrival, so a seed gives the same outcome per request order.
 */

const http = require('node:http');
const https = require('node:https');
const { DEMO, DEFAULT_MERCHANT, demoOrders } = require('./orders');
const { DEMO_NIGHT, relativeDemoOrders } = require('./relative-dates');
const {
	generateOrders,
	generatedOrderId,
	generatedOrderValidation,
} = require('./generated-orders');
const { OrderListIndex } = require('./order-list');
const { FaultRules, RandomFaults, RateLimiter, answerFault } = require('./faults');
const { answerError } = require('./responses');
const { matchRoute, handleApi } = require('./routes');
const { handleControl } = require('./control');
const { IdSource } = require('./derive');
const { NotificationEventStore } = require('./notification-events');
const { demoNotificationEvents } = require('./demo-events');
const { createControls, initialSettings } = require('./sandbox-controls');
const { ConfigurationStore } = require('./configuration');
const { Deliveries } = require('./delivery');

/**
 * @typedef {import('./index').SandboxOptions} SandboxOptions
 * @typedef {import('./index').Sandbox} Sandbox
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').SandboxStats} SandboxStats
 * @typedef {import('./index').RecordedRequest} RecordedRequest
 * @typedef {import('./index').RandomFaultsConfig} RandomFaultsConfig
 * @typedef {import('./index').SandboxConfig} SandboxConfig
 * @typedef {import('./index').FaultRule} FaultRule
 * @typedef {import('./responses').Exchange} Exchange
 * @typedef {import('./routes').Route} Route
 */

const DEFAULTS = Object.freeze({
	apiKey: 'sandbox-secret-key',
	merchant: DEFAULT_MERCHANT,
	channels: Object.freeze(['se', 'no']),
	host: '127.0.0.1',
	latencyMs: 0,
	maxLimit: 100,
	seed: 42,
});

/** Larger bodies are answered 413 (the API only takes tiny JSON bodies). */
const MAX_BODY_BYTES = 1024 * 1024;
const CONTROL_PREFIX = '/__sandbox';

/** @param {number | undefined} value @param {string} name */
function checkMs(value, name) {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
		throw new TypeError(`${name} must be a non-negative number`);
	return value;
}

/**
 * `a=1&b=2&b=3` → `{a: '1', b: ['2', '3']}`.
 * @param {string} rawQuery @returns {Record<string, string | string[]>}
 */
function parseQuery(rawQuery) {
	/** @type {Record<string, string | string[]>} */
	const query = {};
	if (rawQuery === '') return query;
	for (const [key, value] of new URLSearchParams(rawQuery)) {
		if (key === '__proto__') continue;
		const previous = query[key];
		if (previous === undefined) query[key] = value;
		else if (Array.isArray(previous)) previous.push(value);
		else query[key] = [previous, value];
	}
	return query;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {(body: string, tooLarge: boolean) => void} done
 */
function readBody(req, done) {
	/** @type {Buffer[]} */
	const chunks = [];
	let size = 0;
	req.on('data', (/** @type {Buffer} */ chunk) => {
		size += chunk.length;
		if (size <= MAX_BODY_BYTES) chunks.push(chunk);
	});
	req.on('end', () =>
		done(chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8'), size > MAX_BODY_BYTES),
	);
	req.on('error', () => {}); // client aborted; 'close' on the response does the bookkeeping
}

/**
 * Starts a sandbox server. Resolves once it listens.
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
	const apiKey = options.apiKey ?? DEFAULTS.apiKey;
	const merchant = options.merchant ?? DEFAULTS.merchant;
	const channels = Object.freeze([...(options.channels ?? DEFAULTS.channels)]);
	if (channels.length === 0 || channels.some((c) => typeof c !== 'string' || c === '')) {
		throw new TypeError('channels must be a non-empty array of non-empty strings');
	}
	const host = options.host ?? DEFAULTS.host;
	const maxLimit = options.maxLimit ?? DEFAULTS.maxLimit;
	const generated = options.generated ?? 0;
	if (!Number.isInteger(generated) || generated < 0)
		throw new TypeError('generated must be a non-negative integer');
	const seed = options.seed ?? DEFAULTS.seed;
	const record = options.record ?? true;
	initialSettings(options); // throws early on a bad createOrderResponse / stateUpdateStatus / eventOrderQuery

	// Seed orders are cloned so callers' objects are never mutated and reset() can restore them.
	let pristineOrders = options.orders ? structuredClone(options.orders) : undefined;
	/** @returns {SandboxOrder[]} */
	const seedOrders = () =>
		pristineOrders ? structuredClone(pristineOrders) : demoOrders(merchant);
	if (options.demoNow !== undefined && !pristineOrders) {
		if (!Number.isFinite(options.demoNow)) throw new TypeError('demoNow must be a time in ms');
		pristineOrders = relativeDemoOrders({ now: options.demoNow, merchant });
	}

	const pristineEvents = options.notificationEvents
		? structuredClone(options.notificationEvents)
		: undefined;
	const ids = new IdSource();
	const events = new NotificationEventStore(ids);
	const configuration = new ConfigurationStore(ids);
	const deliveries = new Deliveries(configuration);

	/** @type {Map<string, SandboxOrder>} */
	const orders = new Map();
	const loadOrders = () => {
		orders.clear();
		const seeded = seedOrders();
		for (const order of seeded) {
			if (!order || typeof order.id !== 'string')
				throw new TypeError('every order needs a string id');
			orders.set(order.id, order);
		}
		for (const order of generateOrders(generated, merchant, channels[0]))
			orders.set(order.id, order);
		ids.reset();
		events.load(
			pristineEvents ? structuredClone(pristineEvents) : demoNotificationEvents(seeded, merchant),
		);
	};
	loadOrders();

	/** @type {RecordedRequest[]} */
	const requests = [];
	/** @type {SandboxStats} */
	const stats = { total: 0, inFlight: 0, maxInFlight: 0, dropped: 0, byStatus: {} };
	const faultRules = new FaultRules();
	let latencyMs = checkMs(options.latencyMs ?? DEFAULTS.latencyMs, 'latencyMs');
	/** @type {RateLimiter | undefined} */
	let rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit.perSecond) : undefined;
	/** @type {RandomFaults | undefined} */
	let randomFaults = options.randomFaults
		? new RandomFaults(options.randomFaults, seed)
		: undefined;
	let closed = false;
	/** @type {Promise<void> | undefined} */
	let closing;

	/** Pending latency/delay timers, cleared by close() so nothing keeps the process alive. */
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();
	/** @param {number} ms @returns {Promise<void>} */
	const wait = (ms) =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	/** Norce's clock (ms): the host's unless a test sets another (setClock), e.g. skewed. */
	/** @type {() => number} */
	let clock = Date.now;

	/** @type {import('./routes').ApiContext} */
	const apiContext = {
		apiKey,
		merchant,
		channels,
		maxLimit,
		orders,
		listIndex: new OrderListIndex(orders),
		settings: initialSettings(options),
		ids,
		events,
		configuration,
		deliveries,
		now: () => new Date(clock()).toISOString(),
	};
	const controls = createControls(apiContext);

	/**
	 * @param {Exchange} ex @param {Route} route @param {FaultRule | undefined} fault @param {boolean} rateLimited
	 * @param {string} rawQuery @param {string} body @param {boolean} tooLarge
	 */
	async function respond(ex, route, fault, rateLimited, rawQuery, body, tooLarge) {
		if (latencyMs > 0) await wait(latencyMs);
		if (fault) {
			if (fault.kind === 'hang') return; // never answered; close() destroys the socket
			if (fault.kind === 'delay') await wait(fault.ms);
			else return answerFault(ex, fault);
		}
		if (closed) return;
		if (rateLimited)
			return answerError(
				ex,
				429,
				'too-many-requests',
				'Rate limit exceeded. Retry after 1 second.',
				{ 'retry-after': '1' },
			);
		if (tooLarge)
			return answerError(
				ex,
				413,
				'payload-too-large',
				`Request body exceeds ${MAX_BODY_BYTES} bytes.`,
			);
		if (!route.api) {
			if (configuration.handle(ex, apiContext, body)) return;
			return answerError(ex, 404, 'not-found', `No route for ${ex.req.method} ${ex.path}.`);
		}
		const query = ex.record ? ex.record.query : parseQuery(rawQuery);
		return handleApi(ex, route, apiContext, query, body);
	}

	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	function onRequest(req, res) {
		const rawPath = req.url || '/';
		const queryStart = rawPath.indexOf('?');
		const path = queryStart === -1 ? rawPath : rawPath.slice(0, queryStart);
		const rawQuery = queryStart === -1 ? '' : rawPath.slice(queryStart + 1);
		const method = req.method || 'GET';

		if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
			readBody(req, (body) =>
				handleControl(req, res, path, body, {
					sandbox,
					getConfig,
					listFaults: () => faultRules.list(),
				}),
			);
			return;
		}

		stats.total += 1;
		stats.inFlight += 1;
		if (stats.inFlight > stats.maxInFlight) stats.maxInFlight = stats.inFlight;
		// 'close' fires once the answer is sent or the connection is gone (drop, client abort, close()).
		res.once('close', () => {
			stats.inFlight -= 1;
		});

		/** @type {RecordedRequest | undefined} */
		let recorded;
		if (record) {
			recorded = {
				method,
				rawPath,
				path,
				query: parseQuery(rawQuery),
				rawQuery,
				headers: { ...req.headers },
				body: '',
				status: null,
			};
			requests.push(recorded);
		}
		/** @type {Exchange} */
		const ex = { req, res, path, record: recorded, stats };

		const route = matchRoute(method, path);
		const target = {
			method,
			operation: route.operation,
			orderId: route.orderId,
			eventId: route.eventId,
		};
		let fault = faultRules.take(target);
		if (!fault && randomFaults) fault = randomFaults.decide(target);

		if (fault && fault.kind === 'drop') {
			stats.dropped += 1;
			if (recorded) recorded.status = 0;
			// resetAndDestroy sends a TCP RST (ECONNRESET on the client); 'close' mode ends with FIN.
			if (fault.mode === 'close') req.socket.destroy();
			else req.socket.resetAndDestroy();
			return;
		}
		const rateLimited =
			(!fault || fault.kind === 'delay') && rateLimiter !== undefined && !rateLimiter.tryTake();

		readBody(req, (body, tooLarge) => {
			if (recorded) recorded.body = body;
			respond(ex, route, fault, rateLimited, rawQuery, body, tooLarge).catch((error) => {
				answerError(
					ex,
					500,
					'internal-server-error',
					`Sandbox error: ${error instanceof Error ? error.message : String(error)}`,
				);
			});
		});
	}

	/** @returns {SandboxConfig} */
	function getConfig() {
		return {
			latencyMs,
			rateLimit: rateLimiter ? { perSecond: rateLimiter.perSecond } : null,
			randomFaults: randomFaults ? { ...randomFaults.config } : null,
			record,
			createOrderResponse: apiContext.settings.createOrderResponse,
			stateUpdateStatus: apiContext.settings.stateUpdateStatus,
			eventOrderQuery: apiContext.settings.eventOrderQuery,
		};
	}

	// `tls: {key, cert}` serves HTTPS (the bench's TLS rows); plain HTTP otherwise.
	const server = options.tls
		? https.createServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
		: http.createServer(onRequest);
	/** Open sockets, destroyed on close() so keep-alive connections never hold a test process. */
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		// Node's default accept queue (511) overflows when a client opens ~1,500 connections at
		// once (the bench's unbatched HTTP Request node); the kernel then drops SYNs and the client
		// waits a 1 s retransmit. A production front end accepts such a burst: 4096 (the kernel caps
		// it at net.core.somaxconn).
		server.listen({ port: options.port ?? 0, host, backlog: 4096 }, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `${options.tls ? 'https' : 'http'}://${address.family === 'IPv6' || address.family === /** @type {any} */ (6) ? `[${address.address}]` : address.address}:${address.port}`;

	/** @type {Sandbox} */
	const sandbox = {
		url,
		baseUrl: `${url}/checkout/order`,
		notificationBaseUrl: `${url}/checkout/notification`,
		port: address.port,
		apiKey,
		merchant,
		channels,
		requests,
		stats,
		orders,
		notificationEvents: events.events,
		configurationBaseUrl: `${url}/checkout/configuration`,
		configuration,
		deliveries,
		...controls,
		clearRequests() {
			requests.length = 0; // in place: callers may hold the array
		},
		resetStats() {
			stats.total = 0;
			stats.maxInFlight = stats.inFlight;
			stats.dropped = 0;
			for (const key of Object.keys(stats.byStatus))
				delete stats.byStatus[/** @type {any} */ (key)];
		},
		reset() {
			loadOrders();
			configuration.reset();
			deliveries.reset();
			// Back to the configuration given to startSandbox (random faults re-seeded).
			faultRules.clear();
			randomFaults = options.randomFaults
				? new RandomFaults(options.randomFaults, seed)
				: undefined;
			rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit.perSecond) : undefined;
			latencyMs = checkMs(options.latencyMs ?? DEFAULTS.latencyMs, 'latencyMs');
			apiContext.settings = initialSettings(options);
			clock = Date.now;
			sandbox.clearRequests();
			sandbox.resetStats();
		},
		addFault(rule) {
			return faultRules.add(rule);
		},
		removeFault(id) {
			return faultRules.remove(id);
		},
		clearFaults() {
			faultRules.clear();
		},
		setLatency(ms) {
			latencyMs = checkMs(ms, 'latencyMs');
		},
		setRateLimit(perSecond) {
			rateLimiter =
				perSecond === undefined || perSecond === null ? undefined : new RateLimiter(perSecond);
		},
		setRandomFaults(config) {
			randomFaults = config ? new RandomFaults(config, seed) : undefined;
		},
		setClock(now) {
			if (now !== undefined && typeof now !== 'function')
				throw new TypeError('setClock needs a function returning ms, or undefined');
			clock = now ?? Date.now;
		},
		close() {
			if (!closing) {
				closed = true;
				deliveries.close();
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				closing = new Promise((resolve) => {
					server.close(() => resolve());
					server.closeAllConnections();
					for (const socket of sockets) socket.destroy();
				});
			}
			return closing;
		},
	};
	return sandbox;
}

module.exports = {
	startSandbox,
	DEFAULTS,
	DEMO,
	DEMO_NIGHT,
	demoOrders,
	relativeDemoOrders,
	generatedOrderId,
	generatedOrderValidation,
};

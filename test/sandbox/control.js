// @ts-check
'use strict';
/**
 * Control API under /__sandbox for other processes (n8n e2e runs, `npm run dev`).
 * No auth; not recorded, not counted in stats, no latency or faults.
 */

const { JSON_TYPE } = require('./responses');

/**
 * @typedef {object} ControlTarget
 * @property {import('./index').Sandbox} sandbox
 * @property {() => import('./index').SandboxConfig} getConfig
 * @property {() => unknown} listFaults
 */

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} value */
function send(res, status, value) {
	const body = value === undefined ? '' : JSON.stringify(value);
	res.writeHead(status, {
		'content-type': JSON_TYPE,
		'content-length': String(Buffer.byteLength(body)),
	});
	res.end(body);
}

/** @param {string} body @returns {{ok: true, value: any} | {ok: false}} */
function parseJson(body) {
	if (body.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch {
		return { ok: false };
	}
}

/**
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {string} path raw path without query @param {string} body @param {ControlTarget} target
 */
function handleControl(req, res, path, body, target) {
	const { sandbox } = target;
	const method = req.method || 'GET';
	const segments = path
		.split('/')
		.slice(2)
		.map((segment) => {
			try {
				return decodeURIComponent(segment);
			} catch {
				return segment;
			}
		});
	const [resource, id, sub] = segments;
	const route = `${method} ${resource || ''}${id !== undefined ? '/:id' : ''}${sub !== undefined ? `/${sub}` : ''}`;
	const json = parseJson(body);
	if (!json.ok) return send(res, 400, { code: 'bad-request', message: 'Body must be JSON.' });

	try {
		switch (route) {
			case 'GET health':
				return send(res, 200, {
					ok: true,
					url: sandbox.url,
					baseUrl: sandbox.baseUrl,
					orders: sandbox.orders.size,
				});
			case 'GET requests':
				return send(res, 200, sandbox.requests);
			case 'DELETE requests':
				sandbox.clearRequests();
				return send(res, 200, { ok: true });
			case 'GET stats':
				return send(res, 200, sandbox.stats);
			case 'DELETE stats':
				sandbox.resetStats();
				return send(res, 200, { ok: true });
			case 'POST reset':
				sandbox.reset();
				return send(res, 200, { ok: true });
			case 'GET faults':
				return send(res, 200, target.listFaults());
			case 'POST faults':
				return send(res, 200, { id: sandbox.addFault(json.value) });
			case 'DELETE faults':
				sandbox.clearFaults();
				return send(res, 200, { ok: true });
			case 'DELETE faults/:id':
				return sandbox.removeFault(/** @type {string} */ (id))
					? send(res, 200, { ok: true })
					: send(res, 404, { code: 'not-found', message: `Fault ${id} not found.` });
			case 'GET config':
				return send(res, 200, target.getConfig());
			case 'POST config': {
				const config = json.value;
				if ('latencyMs' in config) sandbox.setLatency(config.latencyMs);
				if ('rateLimit' in config) {
					const rate = config.rateLimit;
					sandbox.setRateLimit(
						rate === null || rate === undefined
							? undefined
							: typeof rate === 'number'
								? rate
								: rate.perSecond,
					);
				}
				if ('randomFaults' in config)
					sandbox.setRandomFaults(config.randomFaults === null ? undefined : config.randomFaults);
				if ('createOrderResponse' in config)
					sandbox.setCreateOrderResponse(config.createOrderResponse);
				if ('stateUpdateStatus' in config) sandbox.setStateUpdateStatus(config.stateUpdateStatus);
				if ('eventOrderQuery' in config) sandbox.setEventOrderQuery(config.eventOrderQuery);
				return send(res, 200, target.getConfig());
			}
			case 'GET orders/:id': {
				// Internal view (includes the scripted `validation`), e.g. to assert a reference update.
				const order = sandbox.orders.get(/** @type {string} */ (id));
				return order
					? send(res, 200, order)
					: send(res, 404, { code: 'order-not-found', message: `Order with id:${id} not found.` });
			}
			case 'POST orders':
				// Creates an order as given (`created`, `status`, `channel`, `id`, `validation` + Order fields).
				return send(res, 200, sandbox.createOrder(json.value));
			case 'POST orders/:id/state': {
				const { status, currentStatus, timeStamp } = json.value;
				const order = sandbox.setOrderStatus(
					/** @type {string} */ (id),
					status ?? currentStatus,
					timeStamp,
				);
				return send(res, 200, order);
			}
			case 'GET events':
				return send(res, 200, sandbox.notificationEvents);
			case 'POST events':
				return send(res, 200, sandbox.addNotificationEvent(json.value));
			case 'GET configuration/:id':
				return send(res, 200, sandbox.configuration.get(/** @type {string} */ (id)) ?? null);
			case 'PUT configuration/:id':
				sandbox.configuration.put(/** @type {string} */ (id), json.value);
				return send(res, 200, sandbox.configuration.get(/** @type {string} */ (id)));
			case 'POST configuration-access':
				sandbox.configuration.setAccess(json.value.access);
				return send(res, 200, { access: sandbox.configuration.access });
			case 'GET deliveries':
				return send(res, 200, sandbox.deliveries.log);
			case 'POST deliveries/:id': {
				// Norce's retry of one event: the same payload delivered again.
				const event = sandbox.notificationEvents.find((e) => e.id === id);
				if (!event) return send(res, 404, { code: 'not-found', message: `Event ${id} not found.` });
				sandbox.deliveries.redeliver(event).then(() => send(res, 200, event));
				return undefined;
			}
			default:
				return send(res, 404, {
					code: 'not-found',
					message: `No control route for ${method} ${path}.`,
				});
		}
	} catch (error) {
		// Invalid fault rules / config values are caller errors (some carry a status: 404, 409).
		const status = /** @type {any} */ (error).status || 400;
		return send(res, status, {
			code: status === 404 ? 'not-found' : status === 409 ? 'conflict' : 'bad-request',
			message: error instanceof Error ? error.message : String(error),
		});
	}
}

module.exports = { handleControl };

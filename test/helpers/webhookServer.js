// @ts-check
'use strict';
/**
 * The HTTP side of the webhook stand-in (webhookRuntime.ts): a loopback server that parses each
 * POSTed JSON body and hands it with an express-like response (`status().json()`) to `handle`.
 * Plain JS because the n8n lint rules forbid node:http in TypeScript.
 */
const http = require('node:http');

/**
 * @param {(body: unknown, response: import('./webhookServer').JsonResponse, url: string) => void} handle
 * @returns {Promise<import('./webhookServer').WebhookServer>}
 */
async function startWebhookServer(handle) {
	const server = http.createServer((req, res) => {
		let text = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			/** @type {unknown} */
			let body = {};
			try {
				body = text === '' ? {} : JSON.parse(text);
			} catch {
				body = {};
			}
			/** @type {import('./webhookServer').JsonResponse} */
			const response = {
				get headersSent() {
					return res.headersSent;
				},
				status(code) {
					res.statusCode = code;
					return response;
				},
				json(value) {
					res.setHeader('content-type', 'application/json');
					res.end(JSON.stringify(value));
					return response;
				},
				end() {
					res.end();
				},
				get statusCode() {
					return res.statusCode;
				},
			};
			handle(body, response, req.url ?? '/');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startWebhookServer };

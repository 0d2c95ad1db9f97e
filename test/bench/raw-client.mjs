#!/usr/bin/env node
// Contender 3: a raw keep-alive HTTP client making the node's calls (validate N orders) with at
// most `c` requests in flight. Runs as its own process (like n8n), prints one JSON line.
//   node raw-client.mjs '<json config>'   config: {baseUrl, apiKey, merchant, channel, ids, c}
import http from 'node:http';

const cfg = JSON.parse(process.argv[2]);
const { baseUrl, apiKey, merchant, channel, ids, c } = cfg;
const url = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: c });
const headers = {
	Authorization: `Bearer ${apiKey}`,
	'x-merchant': merchant,
	'x-channel': channel,
	Accept: 'application/json',
};

function validate(id) {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: url.hostname,
				port: url.port,
				method: 'POST',
				path: `${url.pathname}/api/v0/checkout/orders/${encodeURIComponent(id)}/validate`,
				headers,
				agent,
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (body += d));
				res.on('end', () => {
					let parsed;
					try {
						parsed = body === '' ? [] : JSON.parse(body);
					} catch {
						parsed = undefined;
					}
					resolve({ status: res.statusCode, body: parsed });
				});
			},
		);
		req.on('error', reject);
		req.end();
	});
}

const byStatus = {};
let validations = 0;
let next = 0;
const started = process.hrtime.bigint();
await Promise.all(
	Array.from({ length: Math.min(c, ids.length) }, async () => {
		while (next < ids.length) {
			const id = ids[next++];
			const r = await validate(id);
			byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
			const list = Array.isArray(r.body) ? r.body : (r.body?.errors ?? []);
			// the same per-item output shape as the node's "one item per validation"
			for (const v of list) if (v) validations += Object.keys({ orderId: id, ...v }).length > 0;
		}
	}),
);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
agent.destroy();
process.stdout.write(`${JSON.stringify({ ms, byStatus, validations, n: ids.length })}\n`);

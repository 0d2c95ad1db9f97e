#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Starts the Norce Checkout sandbox as its own process (for real n8n e2e runs,
 * demos, `npm run dev`). Prints ONE JSON line with the URLs once listening.
 *
 *   node test/sandbox/cli.js [--port 4010] [--host 127.0.0.1] [--latency 20]
 *     [--api-key K] [--merchant M] [--channels se,no] [--generated N]
 *     [--rate-limit R] [--seed S] [--max-limit L] [--no-record] [--exit-on-stdin-close]
 *     [--create-order-response object|string] [--state-update-status 200|202] [--dates now|fixed]
 */

const { startSandbox } = require('./index');

const USAGE = `Usage: node test/sandbox/cli.js [options]
  --port <n>               port (default 0 = any free port)
  --host <h>               host (default 127.0.0.1)
  --latency <ms>           delay every API answer (default 0)
  --api-key <key>          bearer token to accept (default sandbox-secret-key)
  --merchant <m>           x-merchant to accept (default norce-demo)
  --channels <a,b>         x-channel values to accept (default se,no)
  --generated <n>          add n generated orders o_gen_000001… (default 0)
  --rate-limit <r>         answer 429 above r requests/second
  --seed <s>               seed for random faults (default 42)
  --max-limit <n>          highest accepted 'limit' (default 100)
  --no-record              do not record requests (stats are still counted)
  --create-order-response <object|string>
                           body of POST /orders: {"id":"o_…"} (default) or "o_…"
  --state-update-status <200|202>
                           status of PUT …/state (default 200)
  --dates <now|fixed>      date the demo orders relative to now, so a trigger's test run has
                           recent orders and status changes (default), or keep their fixed
                           2026 dates (as the jest tests do)
  --exit-on-stdin-close    stop when stdin closes (when started by another process)`;

/** @param {string[]} argv @returns {{options: import('./index').SandboxOptions, exitOnStdinClose: boolean}} */
function parseArgs(argv) {
	/** @type {import('./index').SandboxOptions} */
	const options = {};
	let exitOnStdinClose = false;
	let dates = 'now';
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		const number = () => {
			const text = value();
			const parsed = Number(text);
			if (text.trim() === '' || !Number.isFinite(parsed))
				throw new Error(`${flag} needs a number, got '${text}'`);
			return parsed;
		};
		switch (flag) {
			case '--port':
				options.port = number();
				break;
			case '--host':
				options.host = value();
				break;
			case '--latency':
				options.latencyMs = number();
				break;
			case '--api-key':
				options.apiKey = value();
				break;
			case '--merchant':
				options.merchant = value();
				break;
			case '--channels':
				options.channels = value()
					.split(',')
					.map((c) => c.trim())
					.filter(Boolean);
				break;
			case '--generated':
				options.generated = number();
				break;
			case '--rate-limit':
				options.rateLimit = { perSecond: number() };
				break;
			case '--seed':
				options.seed = number();
				break;
			case '--max-limit':
				options.maxLimit = number();
				break;
			case '--no-record':
				options.record = false;
				break;
			case '--create-order-response': {
				const shape = value();
				if (shape !== 'object' && shape !== 'string')
					throw new Error(`${flag} must be 'object' or 'string'`);
				options.createOrderResponse = shape;
				break;
			}
			case '--state-update-status': {
				const status = number();
				if (status !== 200 && status !== 202) throw new Error(`${flag} must be 200 or 202`);
				options.stateUpdateStatus = status;
				break;
			}
			case '--dates':
				dates = value();
				if (dates !== 'now' && dates !== 'fixed')
					throw new Error(`${flag} must be 'now' or 'fixed'`);
				break;
			case '--exit-on-stdin-close':
				exitOnStdinClose = true;
				break;
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown option ${flag}`);
		}
	}
	if (dates === 'now') options.demoNow = Date.now();
	return { options, exitOnStdinClose };
}

async function main() {
	/** @type {ReturnType<typeof parseArgs>} */
	let parsed;
	try {
		parsed = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
		process.exit(2);
	}
	const sandbox = await startSandbox(parsed.options);
	process.stdout.write(
		`${JSON.stringify({
			url: sandbox.url,
			baseUrl: sandbox.baseUrl,
			apiKey: sandbox.apiKey,
			merchant: sandbox.merchant,
			channels: sandbox.channels,
			notificationBaseUrl: sandbox.notificationBaseUrl,
		})}\n`,
	);

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	if (parsed.exitOnStdinClose) {
		process.stdin.on('end', stop);
		process.stdin.on('close', stop);
		process.stdin.resume();
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});

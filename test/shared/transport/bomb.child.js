// @ts-check
'use strict';
/**
 * Child process for answer.test.ts: sends one read through the transport and n8n-core's own
 * HTTP helper to the URL in argv[2] (a decompression bomb) and prints, as JSON on the last
 * line, the error and how far the process's resident memory rose. A process of its own, so
 * nothing else of the test run is in the figure.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

// The transport's TypeScript, compiled on load (jest is not in this process).
require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2019,
			esModuleInterop: true,
		},
		fileName: filename,
	});
	/** @type {any} */ (module)._compile(outputText, filename);
};

const root = path.resolve(__dirname, '../../..');
const { createNorceClient } = require(path.join(root, 'shared/transport/client.ts'));
const {
	httpRequest,
} = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions');

async function main() {
	const baseUrl = process.argv[2];
	const node = {
		id: 'n',
		name: 'Norce',
		type: 'norce',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const context = { getNode: () => node, helpers: { httpRequest } };
	const session = { connection: { baseUrl, merchant: 'm', channel: 'se', token: 'sk_dummy' } };
	const client = createNorceClient(
		context,
		session,
		{ channel: 'se', maxRetries: 0, timeoutMs: 120_000 },
		{ timing: { baseDelayMs: 1, maxDelayMs: 1, random: Math.random } },
	);
	/** @type {any} */ (global).gc?.();
	const before = process.memoryUsage().rss;
	let message;
	try {
		await client.request({
			method: 'GET',
			path: ['orders', 'o_1'],
			safeToRepeat: true,
			subject: 'order "o_1"',
		});
		message = 'no error';
	} catch (error) {
		message = /** @type {Error} */ (error).message;
	}
	const peak = process.resourceUsage().maxRSS * 1024;
	console.log(JSON.stringify({ message, before, peak, rise: peak - before }));
}

main().catch((error) => {
	console.log(JSON.stringify({ message: `child failed: ${error.stack}` }));
});

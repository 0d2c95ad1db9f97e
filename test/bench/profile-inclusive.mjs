#!/usr/bin/env node
// Inclusive (total) time per function in a .cpuprofile written by the bench's probe: how much of
// execute() is spent below each of our functions and below n8n's request helpers.
//   node test/bench/profile-inclusive.mjs <file.cpuprofile> [name-regex]
import fs from 'node:fs';

const [file, pattern] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const re = new RegExp(
	pattern ??
		'^(router|forEachIndex|worker|getRequestSettings|getConcurrency|getIdParameter|createNorceClient|request|send|execute|authenticate|norceConnection|openNorceSession|httpRequestWithAuthentication|httpRequest|invokeAxios|convertN8nRequestToAxios|setAxiosAgents|createHttpProxyAgent|getNodeParameter|_getNodeParameter|getParameterValue|validateValueAgainstSchema|dispatchHttpRequest|connect|Socket.connect|getProxyForUrl|getEnv|requestWithAuthentication|proxyRequestToAxios|sleep)$',
);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
let total = 0;
let idle = 0;
for (let i = 0; i < p.samples.length; i++) {
	const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
	total += dt;
	const leaf = byId.get(p.samples[i]);
	if (leaf.callFrame.functionName === '(idle)') idle += dt;
	const seen = new Set();
	for (let id = p.samples[i]; id !== undefined; id = parent.get(id)) {
		const cf = byId.get(id).callFrame;
		if (!re.test(cf.functionName)) continue;
		const pkg =
			(cf.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g) ?? [])
				.pop()
				?.replace('node_modules/', '') ?? (cf.url.startsWith('node:') ? 'node' : '');
		const key = `${cf.functionName} [${pkg}${cf.url ? `:${cf.url.split('/').pop()}` : ''}]`;
		if (seen.has(key)) continue;
		seen.add(key);
		incl.set(key, (incl.get(key) ?? 0) + dt);
	}
}
console.log(
	`total ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${(total - idle).toFixed(0)} ms`,
);
for (const [k, ms] of [...incl.entries()].sort((a, b) => b[1] - a[1]))
	console.log(
		`${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / (total - idle)).toFixed(1).padStart(5)} % of busy  ${k}`,
	);

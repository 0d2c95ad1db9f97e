// Per-suite context for the node:test files: matrix, sandbox, n8n instance, imports.
import { createRequire } from 'node:module';
import { describe } from 'node:test';
import { ensureN8n, resolveMatrix } from './install.mjs';
import { N8nInstance } from './n8n.mjs';
import { getTarball } from './package.mjs';
import { log } from './util.mjs';

const require = createRequire(import.meta.url);

export function loadSandboxModule() {
	return require('../../sandbox');
}

/** The matrix to test: E2E_MATRIX (JSON, from run.mjs) or E2E_N8N_VERSIONS / versions.json. */
export function e2eMatrix() {
	if (process.env.E2E_MATRIX) return JSON.parse(process.env.E2E_MATRIX);
	return resolveMatrix();
}

export function versionLabel(entry) {
	return `n8n ${entry.n8n} (Node ${entry.node === 'system' ? process.versions.node : entry.node})`;
}

/**
 * One `describe` per n8n version of the matrix, titled `<title> on <version>`: every suite runs
 * its tests against each version. `body(entry)` declares them for the version `entry`.
 */
export function describeEachVersion(title, body) {
	for (const entry of e2eMatrix())
		describe(`${title} on ${versionLabel(entry)}`, () => body(entry));
}

/**
 * Start a sandbox and a fresh n8n instance with the packed package installed (like the
 * Community Nodes screen unless `installPackage` says otherwise, see N8nInstance.init).
 * Returns { sandbox, n8n, install, close() }.
 */
export async function startSuite(entry, name, { sandboxOptions = {}, installPackage } = {}) {
	const { startSandbox } = loadSandboxModule();
	const ctx = { closed: false };
	try {
		ctx.sandbox = await startSandbox({ port: 0, latencyMs: 0, record: true, ...sandboxOptions });
		ctx.install = await ensureN8n(entry);
		ctx.n8n = await new N8nInstance(ctx.install, name).init({
			tarball: await getTarball(),
			installPackage,
		});
	} catch (e) {
		await closeSuite(ctx);
		throw e;
	}
	ctx.close = () => closeSuite(ctx);
	return ctx;
}

async function closeSuite(ctx) {
	if (ctx.closed) return;
	ctx.closed = true;
	if (ctx.server) await ctx.server.stop().catch(() => {});
	if (ctx.n8n) {
		if (process.env.E2E_VERBOSE) log(`${ctx.n8n.name}: ${ctx.n8n.timingSummary()}`);
		await ctx.n8n.cleanup();
	}
	if (ctx.sandbox) await ctx.sandbox.close().catch(() => {});
}

/** Sandbox requests recorded while `fn` ran. */
export async function recording(sandbox, fn) {
	const from = sandbox.requests.length;
	const result = await fn();
	return { result, requests: sandbox.requests.slice(from) };
}

export const ORDERS_PATH = '/checkout/order/api/v0/checkout/orders';

// Small helpers shared by the E2E harness. Node built-ins only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const ARTIFACTS_DIR = path.join(E2E_DIR, '.artifacts');

/** `--name=value` / `--flag` command-line arguments as an object; anything else exits with 2. */
export function parseArgs(argv = process.argv.slice(2)) {
	return Object.fromEntries(
		argv.map((arg) => {
			const match = arg.match(/^--([^=]+)(?:=(.*))?$/);
			if (!match) {
				console.error(`unknown argument ${arg}`);
				process.exit(2);
			}
			return [match[1], match[2] ?? true];
		}),
	);
}

export function log(...args) {
	process.stderr.write(`[e2e] ${args.join(' ')}\n`);
}

export function fmtMs(ms) {
	if (ms < 1000) return `${Math.round(ms)} ms`;
	const s = ms / 1000;
	if (s < 60) return `${s.toFixed(1)} s`;
	return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; we close the probe socket again). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Child processes: every child we start is tracked and killed (whole process group) on exit.
const children = new Set();

function killTree(child, signal = 'SIGKILL') {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

export function killAllChildren() {
	for (const c of children) killTree(c);
	children.clear();
}

/**
 * Runs an entry script's `main` and ends it as every entry script does: with the code `main`
 * returns (when it returns one), or 1 and the stack when it throws (after `errorPrefix`); every
 * child we started is killed either way, so no n8n, worker or sandbox outlives the script.
 */
export function runMain(main, errorPrefix) {
	main().then(
		(code) => {
			killAllChildren();
			if (typeof code === 'number') process.exitCode = code;
		},
		(e) => {
			killAllChildren();
			console.error(errorPrefix ? `${errorPrefix} ${e.stack ?? e}` : (e.stack ?? e));
			process.exitCode = 1;
		},
	);
}

let hooksInstalled = false;
function installExitHooks() {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.on('exit', killAllChildren);
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(sig, () => {
			killAllChildren();
			process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
		});
	}
}

/** `uid` / `gid` of run() and startProcess() options (root running a program as another user). */
function userOf({ uid, gid }) {
	return { ...(uid === undefined ? {} : { uid }), ...(gid === undefined ? {} : { gid }) };
}

/**
 * Run a command to completion. Output is captured (and optionally appended to logFile / echoed).
 * Always resolves with { code, signal, stdout, stderr, ms } unless `check` is set.
 * The child gets its own process group so a timeout kills grandchildren too.
 */
export function run(cmd, args, opts = {}) {
	const { cwd, env, timeoutMs = 10 * 60_000, logFile, echo = false, input, check = false } = opts;
	installExitHooks();
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd,
			env: env ?? process.env,
			...userOf(opts),
			detached: true,
			stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		children.add(child);
		let stdout = '';
		let stderr = '';
		const logStream = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		if (logStream) logStream.write(`\n$ ${cmd} ${args.join(' ')}\n`);
		child.stdout.on('data', (d) => {
			stdout += d;
			logStream?.write(d);
			if (echo) process.stderr.write(d);
		});
		child.stderr.on('data', (d) => {
			stderr += d;
			logStream?.write(d);
			if (echo) process.stderr.write(d);
		});
		if (input !== undefined) child.stdin.end(input);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killTree(child);
		}, timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			children.delete(child);
			logStream?.end();
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			children.delete(child);
			// kill any stragglers left in the group (e.g. task runners)
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* group empty */
			}
			logStream?.end();
			const res = { code, signal, stdout, stderr, ms: Date.now() - started, timedOut };
			if (timedOut) res.stderr += `\n[e2e] killed after timeout of ${fmtMs(timeoutMs)}`;
			if (check && code !== 0) {
				const err = new Error(
					`${path.basename(cmd)} ${args.join(' ')} exited with ${code ?? signal}${
						timedOut ? ` (timeout ${fmtMs(timeoutMs)})` : ''
					}\n${tail(stderr || stdout, 40)}`,
				);
				err.result = res;
				reject(err);
				return;
			}
			resolve(res);
		});
	});
}

/** Start a long-running child (server). Returns { child, output(), stop() }. */
export function startProcess(cmd, args, opts = {}) {
	const { cwd, env, logFile } = opts;
	installExitHooks();
	const child = spawn(cmd, args, {
		cwd,
		env: env ?? process.env,
		...userOf(opts),
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.add(child);
	let out = '';
	const logStream = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	const onData = (d) => {
		out += d;
		if (out.length > 2_000_000) out = out.slice(-1_000_000);
		logStream?.write(d);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise((resolve) =>
		child.on('close', (code, signal) => {
			children.delete(child);
			logStream?.end();
			resolve({ code, signal });
		}),
	);
	return {
		child,
		exited,
		output: () => out,
		async stop(graceMs = 5000) {
			if (child.exitCode !== null || child.signalCode !== null) return exited;
			killTree(child, 'SIGTERM');
			const t = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
			const r = await exited;
			clearTimeout(t);
			killTree(child, 'SIGKILL');
			return r;
		},
	};
}

export function tail(text, lines = 30) {
	return String(text ?? '')
		.trimEnd()
		.split('\n')
		.slice(-lines)
		.join('\n');
}

export function mkdirp(p) {
	fs.mkdirSync(p, { recursive: true });
	return p;
}

export function readJson(p) {
	return JSON.parse(fs.readFileSync(p, 'utf8'));
}

export function writeJson(p, data) {
	fs.writeFileSync(p, JSON.stringify(data, null, 2) + '\n');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns a truthy value or the bounded timeout expires. */
export async function waitFor(
	fn,
	{ timeoutMs = 60_000, intervalMs = 250, what = 'condition' } = {},
) {
	const deadline = Date.now() + timeoutMs;
	let lastErr;
	while (Date.now() < deadline) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			lastErr = e;
		}
		await sleep(intervalMs);
	}
	throw new Error(
		`Timed out after ${fmtMs(timeoutMs)} waiting for ${what}${lastErr ? `: ${lastErr.message}` : ''}`,
	);
}

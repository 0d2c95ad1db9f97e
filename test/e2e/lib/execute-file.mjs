// `n8n execute --id --rawOutput` for executions with LARGE run data (the 10,000-item soak of
// reliability.test.mjs). N8nInstance.execute() reads stdout through a pipe; n8n logs the run
// data and then calls process.exit(), and writes to a pipe are asynchronous in Node, so a run
// data of several MB arrives cut off (seen: 4.6 of ~8 MB, exit code 0, n8n 2.41.1). Here the
// child's stdout/stderr are FILES, to which Node writes synchronously: nothing is lost at exit.
// execute-batch is no alternative for long runs: it cancels every workflow after 3 minutes
// (ExecuteBatch.executionTimeout, "Workflow execution timed out.").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseExecuteOutput } from './n8n.mjs';
import { fmtMs, tail } from './util.mjs';

const running = new Set();
let hooked = false;
function killGroup(child) {
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		/* gone */
	}
}
function hookExit() {
	if (hooked) return;
	hooked = true;
	process.on('exit', () => {
		for (const c of running) killGroup(c);
	});
}

/**
 * Like N8nInstance.execute(), with stdout/stderr going to files in the user folder.
 * Resolves with { ok, code, signal, data, stdout, stderr, ms, stdoutBytes, describe() }.
 */
export async function executeToFile(n8n, workflowId, { timeoutMs = 10 * 60_000 } = {}) {
	hookExit();
	const outFile = path.join(n8n.userFolder, `execute-${workflowId}.stdout`);
	const errFile = path.join(n8n.userFolder, `execute-${workflowId}.stderr`);
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	const started = Date.now();
	const child = spawn(
		n8n.install.node.node,
		[n8n.install.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
		{
			cwd: n8n.userFolder,
			// 2.x prints the run data through its logger at level info
			env: { ...n8n.env, N8N_LOG_LEVEL: 'info' },
			detached: true,
			stdio: ['ignore', out, err],
		},
	);
	fs.closeSync(out);
	fs.closeSync(err);
	running.add(child);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		killGroup(child);
	}, timeoutMs);
	const { code, signal } = await new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (c, s) => resolve({ code: c, signal: s }));
	});
	clearTimeout(timer);
	running.delete(child);
	killGroup(child); // stragglers (task runners)
	const ms = Date.now() - started;
	const stdout = fs.readFileSync(outFile, 'utf8');
	const stderr = fs.readFileSync(errFile, 'utf8');
	const data = parseExecuteOutput(stdout) ?? parseExecuteOutput(stderr);
	n8n.timings.push({ what: `execute ${workflowId} (output to file)`, ms, code, signal });
	n8n.saveArtifact(
		`execute-${workflowId}.json`,
		data ?? { code, signal, stdoutTail: tail(stdout, 40), stderrTail: tail(stderr, 40) },
	);
	return {
		ok: code === 0 && !!data,
		code,
		signal,
		data,
		stdout,
		stderr,
		ms,
		stdoutBytes: stdout.length,
		describe: () =>
			`exit ${code ?? signal}${timedOut ? ` (killed after ${fmtMs(timeoutMs)})` : ''}, ${stdout.length} bytes of stdout\n--- stdout (tail) ---\n${tail(stdout, 15)}\n--- stderr (tail) ---\n${tail(stderr, 15)}`,
	};
}

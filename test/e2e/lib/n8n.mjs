// One throw-away n8n "instance" (user folder + SQLite) per suite, driven through n8n's CLI,
// plus installation of the packed community package exactly like n8n's Community Nodes screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	ARTIFACTS_DIR,
	fmtMs,
	freePort,
	log,
	mkdirp,
	readJson,
	run,
	tail,
	writeJson,
} from './util.mjs';

export const PACKAGE_NAME = 'n8n-nodes-norce-checkout';
export const NODE_TYPE = `${PACKAGE_NAME}.norceCheckoutOrder`;
export const CREDENTIAL_TYPE = 'norceApi';

/** Environment shared by CLI, server and dev mode. Everything is local; no telemetry. */
export function baseEnv(userFolder, brokerPort) {
	return {
		N8N_USER_FOLDER: userFolder,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_ENABLED: 'true',
		N8N_RUNNERS_MODE: 'internal',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-secret',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'warn',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NO_COLOR: '1',
	};
}

/**
 * Install the packed package into <userFolder>/.n8n/nodes the way n8n's
 * CommunityPackagesService.downloadPackage does (2.8.4 and 2.41.1 are identical here):
 *   npm pack <pkg>@<ver>  (we already have the tarball)
 *   tar -xzf <tgz> -C nodes/node_modules/<pkg> --strip-components=1
 *   drop devDependencies, peerDependencies, optionalDependencies from its package.json
 *   npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
 *               --ignore-scripts=true --package-lock=false      (cwd: the package dir)
 *   nodes/package.json dependencies[<pkg>] = <version>
 * n8n loads every nodes/node_modules/n8n-nodes-* at start (community-packages module loadDir);
 * the installed_packages DB row only feeds the Settings > Community nodes list.
 */
export async function installCommunityPackage({ userFolder, tarball, env }) {
	const nodesDir = mkdirp(path.join(userFolder, '.n8n', 'nodes'));
	const pkgDir = mkdirp(path.join(nodesDir, 'node_modules', PACKAGE_NAME));
	await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { check: true });
	const pj = readJson(path.join(pkgDir, 'package.json'));
	const { devDependencies, peerDependencies, optionalDependencies, ...kept } = pj;
	writeJson(path.join(pkgDir, 'package.json'), kept);
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: pkgDir, env, check: true, timeoutMs: 180_000 },
	);
	writeJson(path.join(nodesDir, 'package.json'), {
		name: 'installed-nodes',
		private: true,
		dependencies: { [PACKAGE_NAME]: kept.version },
	});
	return { pkgDir, version: kept.version, droppedPeerDependencies: peerDependencies ?? {} };
}

/** Parse the JSON that `n8n execute --rawOutput` prints after its log lines. */
export function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l.startsWith('{'));
	if (start < 0) return undefined;
	const body = lines.slice(start);
	// the run data is pretty-printed: its closing brace is a `}` at column 0
	for (let end = body.length - 1; end >= 0; end--) {
		if (!body[end].startsWith('}')) continue;
		try {
			return JSON.parse(body.slice(0, end + 1).join('\n'));
		} catch {
			/* try an earlier closing brace */
		}
	}
	return undefined;
}

export class N8nInstance {
	/**
	 * @param install result of ensureN8n()
	 * @param name    suite name (used for artifacts)
	 */
	constructor(install, name) {
		this.install = install;
		this.name = name;
		this.timings = [];
	}

	/** `installPackage`: installCommunityPackage (default) or readme-install.mjs#installAsReadme. */
	async init({ tarball, installPackage = installCommunityPackage }) {
		this.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `e2e-n8n-${this.install.n8nVersion}-`));
		this.brokerPort = await freePort();
		this.env = this.install.env(baseEnv(this.userFolder, this.brokerPort));
		this.pkg = await installPackage({
			userFolder: this.userFolder,
			tarball,
			env: this.env,
		});
		this.artifactsDir = path.join(
			ARTIFACTS_DIR,
			`${this.install.n8nVersion}`,
			this.name.replace(/[^a-z0-9.-]+/gi, '_'),
		);
		return this;
	}

	/** Run an n8n CLI command with this instance's environment. */
	async cli(args, { timeoutMs = 180_000, label, env = {} } = {}) {
		const r = await run(this.install.node.node, [this.install.n8nBin, ...args], {
			cwd: this.userFolder,
			env: { ...this.env, ...env },
			timeoutMs,
		});
		this.timings.push({ what: label ?? args[0], ms: r.ms, code: r.code, signal: r.signal });
		return r;
	}

	writeTmp(name, data) {
		const dir = mkdirp(path.join(this.userFolder, 'import'));
		const p = path.join(dir, name);
		writeJson(p, data);
		return p;
	}

	/** Import an array of credentials ({id, name, type, data}) in one CLI call. */
	async importCredentials(creds) {
		const file = this.writeTmp(`credentials-${Date.now()}.json`, creds);
		const r = await this.cli(['import:credentials', `--input=${file}`], {
			label: 'import:credentials',
		});
		if (r.code !== 0)
			throw new Error(
				`n8n import:credentials failed (${r.code}):\n${tail(r.stdout + r.stderr, 30)}`,
			);
		return r;
	}

	/** Import an array of workflows in one CLI call. */
	async importWorkflows(workflows) {
		const file = this.writeTmp(`workflows-${Date.now()}.json`, workflows);
		const r = await this.cli(['import:workflow', `--input=${file}`], { label: 'import:workflow' });
		if (r.code !== 0)
			throw new Error(`n8n import:workflow failed (${r.code}):\n${tail(r.stdout + r.stderr, 30)}`);
		return r;
	}

	/** Publish (activate) each workflow, as `n8n start` then runs its triggers and webhooks. */
	async publishWorkflows(workflows) {
		for (const w of workflows) {
			const r = await this.cli(['publish:workflow', `--id=${w.id}`], { label: 'publish:workflow' });
			if (r.code !== 0) throw new Error(`publish:workflow failed: ${r.stdout}${r.stderr}`);
		}
	}

	/**
	 * `n8n execute --id --rawOutput`. Resolves with { ok, code, data (IRun or undefined), stdout,
	 * stderr, ms }. A failed execution (exit 1) still carries its run data (n8n logs it).
	 */
	async execute(workflowId, { timeoutMs = 180_000 } = {}) {
		// 2.x prints the run data through its logger at level info (also for failed executions)
		const r = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			timeoutMs,
			label: `execute ${workflowId}`,
			env: { N8N_LOG_LEVEL: 'info' },
		});
		const data = parseExecuteOutput(r.stdout) ?? parseExecuteOutput(r.stderr);
		// Seen once under load with 2.41.1 on Node 24: the process died by a signal AFTER printing the
		// complete, finished run data. Such a run counts (with a warning): the workflow itself ran.
		const crashedAtExit =
			r.code === null && !r.timedOut && data?.finished === true && !data?.data?.resultData?.error;
		if (crashedAtExit)
			log(
				`warning: n8n ${this.install.n8nVersion} execute ${workflowId} exited by signal ${r.signal} after printing finished run data`,
			);
		const res = {
			ok: r.code === 0 || crashedAtExit,
			code: r.code,
			signal: r.signal,
			data,
			stdout: r.stdout,
			stderr: r.stderr,
			ms: r.ms,
		};
		res.describe = () =>
			`exit ${r.code ?? r.signal}${r.timedOut ? ' (timeout)' : ''}\n--- stdout (tail) ---\n${tail(r.stdout, 15)}\n--- stderr (tail) ---\n${tail(r.stderr, 15)}`;
		this.saveArtifact(`execute-${workflowId}.json`, data ?? { stdout: r.stdout, stderr: r.stderr });
		return res;
	}

	/**
	 * Run many workflows in ONE n8n process (`n8n execute-batch`, sequential), reading each
	 * workflow's full run data from its snapshot file. Workflows whose execution failed get no
	 * snapshot (execute-batch only keeps the error message), so they are re-run one by one with
	 * `execute --id`, which prints the run data of failed executions too.
	 * Resolves with Map(workflowId → result as from execute()).
	 */
	async executeMany(workflowIds, { timeoutMs = 15 * 60_000 } = {}) {
		const bad = workflowIds.filter((id) => !/\d/.test(id));
		if (bad.length)
			throw new Error(`execute-batch ignores workflow ids without a digit: ${bad.join(', ')}`);
		const snapDir = fs.mkdtempSync(path.join(this.userFolder, 'snapshots-'));
		const outFile = path.join(this.userFolder, `batch-${Date.now()}.json`);
		const r = await this.cli(
			[
				'execute-batch',
				`--ids=${workflowIds.join(',')}`,
				`--snapshot=${snapDir}`,
				`--output=${outFile}`,
				'--retries=0',
				'--concurrency=1',
			],
			{ timeoutMs, label: `execute-batch (${workflowIds.length})`, env: { N8N_LOG_LEVEL: 'info' } },
		);
		let summary;
		try {
			summary = readJson(outFile);
		} catch {
			summary = undefined;
		}
		this.saveArtifact(
			`execute-batch-${workflowIds.length}.json`,
			summary ?? { code: r.code, stdout: r.stdout, stderr: r.stderr },
		);
		const results = new Map();
		for (const id of workflowIds) {
			const snap = path.join(snapDir, `${id}-snapshot.json`);
			if (fs.existsSync(snap)) {
				const data = readJson(snap);
				const ok = data.finished === true && !data.data?.resultData?.error;
				const res = {
					ok,
					code: ok ? 0 : 1,
					data,
					stdout: '',
					stderr: '',
					ms: undefined,
					batch: true,
				};
				const info = summary?.executions?.find((e) => e.workflowId === id);
				res.describe = () =>
					`execute-batch: ${JSON.stringify(info ?? {})}\n--- batch stdout (tail) ---\n${tail(r.stdout, 15)}\n--- stderr ---\n${tail(r.stderr, 10)}`;
				this.saveArtifact(`execute-${id}.json`, data);
				results.set(id, res);
			}
		}
		for (const id of workflowIds) if (!results.has(id)) results.set(id, await this.execute(id));
		return results;
	}

	saveArtifact(name, data) {
		try {
			mkdirp(this.artifactsDir);
			fs.writeFileSync(
				path.join(this.artifactsDir, name),
				typeof data === 'string' ? data : JSON.stringify(data, null, 2),
			);
		} catch {
			/* artifacts are best effort */
		}
	}

	async cleanup() {
		if (this.timings.length) this.saveArtifact('timings.json', this.timings);
		if (this.userFolder && !process.env.E2E_KEEP_USER_FOLDER)
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		else if (this.userFolder) log(`kept user folder ${this.userFolder}`);
	}

	timingSummary() {
		return this.timings.map((t) => `${t.what}: ${fmtMs(t.ms)}`).join(', ');
	}
}

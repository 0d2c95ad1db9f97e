// n8n in queue mode on one machine: `n8n start` (main: editor, REST, production webhooks,
// triggers and pollers, and the Bull producer) plus `n8n worker` processes (Bull consumers that
// run the executions). All share one user folder (the package is installed there once, like a
// volume mounted on every container), the encryption key (workers decrypt the credentials), the
// PostgreSQL database and Redis. Each process has its own task-runner broker port; each worker
// its own health port (`/healthz/readiness`: DB connected and migrated, Redis connected).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseEnv, installCommunityPackage } from '../../e2e/lib/n8n.mjs';
import { N8nServer } from '../../e2e/lib/server.mjs';
import { freePort, log, startProcess, tail, waitFor } from '../../e2e/lib/util.mjs';

export const N8N_DATABASE = 'n8n';
export const SHOP_DATABASE = 'shop';

export class QueueCluster {
	/**
	 * @param install     ensureN8n() result
	 * @param pg, redis   startPostgres() / startRedis() results
	 * @param logDir      where each process's output goes (<name>.log)
	 * @param concurrency `n8n worker --concurrency`
	 */
	constructor({ install, pg, redis, logDir, concurrency = 5 }) {
		this.install = install;
		this.pg = pg;
		this.redis = redis;
		this.logDir = logDir;
		this.concurrency = concurrency;
		this.workers = new Map();
		this.timings = [];
	}

	/** Databases, the shared user folder with the package installed, the shared environment. */
	async init({ tarball }) {
		await this.pg.query(`CREATE DATABASE ${N8N_DATABASE}`);
		await this.pg.query(`CREATE DATABASE ${SHOP_DATABASE}`);
		this.userFolder = fs.mkdtempSync(
			path.join(os.tmpdir(), `n8n-queue-${this.install.n8nVersion}-`),
		);
		this.env = this.install.env({
			...baseEnv(this.userFolder, 0),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: this.redis.host,
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.pg.host,
			DB_POSTGRESDB_PORT: String(this.pg.port),
			DB_POSTGRESDB_DATABASE: N8N_DATABASE,
			DB_POSTGRESDB_USER: this.pg.user,
			DB_POSTGRESDB_PASSWORD: this.pg.password,
			// "Worker started execution …" / "Enqueued execution …" are info lines
			N8N_LOG_LEVEL: 'info',
		});
		this.pkg = await installCommunityPackage({
			userFolder: this.userFolder,
			tarball,
			env: this.env,
		});
		return this;
	}

	logFile(name) {
		return path.join(this.logDir, `${name}.log`);
	}

	/** `n8n start` in queue mode; owner set up; REST client = this.main. */
	async startMain({ timeoutMs = 5 * 60_000 } = {}) {
		const brokerPort = await freePort();
		const instance = {
			install: this.install,
			env: this.env,
			userFolder: this.userFolder,
			timings: this.timings,
		};
		const started = Date.now();
		this.main = await new N8nServer(instance).start({
			timeoutMs,
			logFile: this.logFile('main'),
			env: {
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				N8N_LOG_LEVEL: 'info',
				N8N_EVENTBUS_LOGWRITER_LOGBASENAME: 'n8nEventLog-main',
			},
		});
		await this.main.setupOwner();
		log(
			`n8n ${this.install.n8nVersion} main ready on ${this.main.baseUrl} in ${Date.now() - started} ms`,
		);
		return this.main;
	}

	/** `n8n worker --concurrency=N`, ready when its readiness endpoint answers 200. */
	async startWorker(name, { timeoutMs = 5 * 60_000 } = {}) {
		const [brokerPort, healthPort] = [await freePort(), await freePort()];
		const started = Date.now();
		const proc = startProcess(
			this.install.node.node,
			[this.install.n8nBin, 'worker', `--concurrency=${this.concurrency}`],
			{
				cwd: this.userFolder,
				env: {
					...this.env,
					N8N_RUNNERS_BROKER_PORT: String(brokerPort),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					// one event log per process in the shared folder (both would write n8nEventLog-worker.log)
					N8N_EVENTBUS_LOGWRITER_LOGBASENAME: `n8nEventLog-${name}`,
				},
				logFile: this.logFile(name),
			},
		);
		let exited = false;
		proc.exited.then(() => (exited = true));
		const worker = { name, proc, pid: proc.child.pid, healthPort, killed: false };
		this.workers.set(name, worker);
		await waitFor(
			async () => {
				if (exited) throw new Error(`n8n worker ${name} exited early:\n${tail(proc.output(), 40)}`);
				if (!/n8n worker is now ready/.test(proc.output())) return false;
				const r = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`).catch(() => null);
				return r?.status === 200;
			},
			{ timeoutMs, intervalMs: 500, what: `n8n worker ${name} to become ready` },
		).catch((e) => {
			throw new Error(`${e.message}\n--- ${name} output ---\n${tail(proc.output(), 40)}`);
		});
		worker.startMs = Date.now() - started;
		log(`n8n worker ${name} (pid ${worker.pid}) ready in ${worker.startMs} ms`);
		return worker;
	}

	workerByPid(pid) {
		return [...this.workers.values()].find((w) => String(w.pid) === String(pid));
	}

	/** The whole log of a process so far (the file: output() keeps only the last MB). */
	readLog(name) {
		try {
			return fs.readFileSync(this.logFile(name), 'utf8');
		} catch {
			return '';
		}
	}

	/** Execution ids a worker's log says it started ("Worker started execution 12 (job 7)"). */
	startedExecutions(name) {
		return [...this.readLog(name).matchAll(/Worker started execution (\d+) \(job/g)].map(
			(m) => m[1],
		);
	}

	/** Execution ids main's log says it put on the queue ("Enqueued execution 12 (job 7)"). */
	enqueuedExecutions() {
		return [...this.readLog('main').matchAll(/Enqueued execution (\d+) \(job/g)].map((m) => m[1]);
	}

	finishedExecutions(name) {
		return [...this.readLog(name).matchAll(/Worker finished execution (\d+) \(job/g)].map(
			(m) => m[1],
		);
	}

	/** SIGKILL the worker's whole process group (the worker and its task runner), no shutdown. */
	async killWorker(name) {
		const worker = this.workers.get(name);
		worker.killed = true;
		try {
			process.kill(-worker.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
		return worker.proc.exited;
	}

	/** Every log line written so far: our process logs plus n8n's own files in the user folder. */
	allLogs() {
		const texts = [];
		for (const f of fs.readdirSync(this.logDir))
			texts.push({ file: f, text: fs.readFileSync(path.join(this.logDir, f), 'utf8') });
		const n8nDir = path.join(this.userFolder, '.n8n');
		for (const f of fs.existsSync(n8nDir) ? fs.readdirSync(n8nDir) : [])
			if (f.endsWith('.log'))
				texts.push({ file: `.n8n/${f}`, text: fs.readFileSync(path.join(n8nDir, f), 'utf8') });
		return texts;
	}

	/** Workers first (SIGTERM: they finish running jobs up to the grace time), then main. */
	async stop() {
		await Promise.all([...this.workers.values()].map((w) => w.proc.stop(30_000).catch(() => {})));
		await this.main?.stop().catch(() => {});
	}

	cleanup() {
		if (this.userFolder && !process.env.E2E_KEEP_USER_FOLDER)
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		else if (this.userFolder) log(`kept user folder ${this.userFolder}`);
	}
}

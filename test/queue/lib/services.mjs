// Redis and PostgreSQL for the queue-mode suite: Debian's packages (apt-get when missing, as
// test/ui/run.mjs does for Chromium), each started on 127.0.0.1 on a free port with a throw-away
// data directory, in the foreground as a child of this process (its own process group), so it
// is stopped by PID at the end and killed with the rest (killAllChildren) on any failure.
// PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` user the
// Debian package creates (spawn uid/gid), otherwise as the current user.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmtMs, freePort, log, run, startProcess, tail, waitFor } from '../../e2e/lib/util.mjs';

const REDIS_SERVER = process.env.QUEUE_REDIS_SERVER || '/usr/bin/redis-server';
const PG_ROOT = '/usr/lib/postgresql';

/** Debian's PostgreSQL binaries: the newest /usr/lib/postgresql/<major>/bin with initdb. */
export function postgresBinDir() {
	if (process.env.QUEUE_PG_BIN) return process.env.QUEUE_PG_BIN;
	let majors = [];
	try {
		majors = fs
			.readdirSync(PG_ROOT)
			.filter((d) => fs.existsSync(path.join(PG_ROOT, d, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
	} catch {
		/* not installed */
	}
	return majors.length ? path.join(PG_ROOT, majors[0], 'bin') : undefined;
}

function psqlPath(binDir) {
	const own = path.join(binDir, 'psql');
	return fs.existsSync(own) ? own : 'psql';
}

/**
 * apt-get as root, or through `sudo -n` (no TTY in CI). Undefined: no way to install.
 * DPkg::Lock::Timeout: other jobs on the same machine may hold the dpkg lock for a while.
 */
async function aptGet() {
	const lock = ['-o', 'DPkg::Lock::Timeout=600'];
	if (typeof process.getuid === 'function' && process.getuid() === 0)
		return (args) => ['apt-get', [...lock, ...args]];
	const probe = await run('sudo', ['-n', 'true'], { timeoutMs: 10_000 }).catch(() => undefined);
	if (probe?.code !== 0) return undefined;
	return (args) => [
		'sudo',
		['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...lock, ...args],
	];
}

/** Installs Debian's redis-server and postgresql if missing. Returns what it did, with the time. */
export async function ensureServices() {
	const missing = [];
	if (!fs.existsSync(REDIS_SERVER)) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return { installed: [], ms: 0 };
	const apt = process.platform === 'linux' ? await aptGet() : undefined;
	if (!apt)
		throw new Error(
			`${missing.join(' and ')} missing; install Debian's packages (sudo apt-get install -y ${missing.join(' ')}), or set QUEUE_REDIS_SERVER / QUEUE_PG_BIN`,
		);
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const steps = [apt(['update']), apt(['install', '-y', '--no-install-recommends', ...missing])];
	for (const [cmd, cmdArgs] of steps) {
		log(`${cmd} ${cmdArgs.join(' ')} ...`);
		const r = await run(cmd, cmdArgs, { env, timeoutMs: 20 * 60_000 });
		if (r.code !== 0)
			throw new Error(
				`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.code}):\n${(r.stderr || r.stdout).slice(-3000)}`,
			);
	}
	if (!fs.existsSync(REDIS_SERVER) || !postgresBinDir())
		throw new Error(`apt-get installed ${missing.join(' ')} but the binaries are missing`);
	const ms = Date.now() - started;
	log(`installed ${missing.join(', ')} in ${fmtMs(ms)}`);
	return { installed: missing, ms };
}

/** { uid, gid } to run PostgreSQL with: the `postgres` user as root, else nothing (ourselves). */
function postgresUser() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	try {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		return { uid, gid };
	} catch {
		throw new Error(
			"running as root, and there is no `postgres` user to run PostgreSQL as (Debian's postgresql package creates it)",
		);
	}
}

/** Stop a foreground server: `signal` to its process group, SIGKILL after `graceMs`. */
async function stopGroup(proc, signal, graceMs) {
	const { child } = proc;
	if (child.exitCode !== null || child.signalCode !== null) return proc.exited;
	try {
		process.kill(-child.pid, signal);
	} catch {
		/* gone */
	}
	const timer = setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}, graceMs);
	const r = await proc.exited;
	clearTimeout(timer);
	return r;
}

/**
 * PostgreSQL in a throw-away cluster: initdb (superuser `n8n`, a random password, password
 * authentication over TCP), `postgres` in the foreground on 127.0.0.1:<free port>, no Unix socket,
 * no fsync (the data is thrown away). Returns { host, port, user, password, query(), stop() }.
 */
export async function startPostgres({ logDir }) {
	const binDir = postgresBinDir();
	if (!binDir) throw new Error('PostgreSQL is not installed (ensureServices first)');
	const owner = postgresUser();
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const dataDir = path.join(base, 'data');
	const pwFile = path.join(base, 'pw');
	const password = crypto.randomBytes(18).toString('base64url');
	fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
	if (owner.uid !== undefined) {
		fs.chownSync(base, owner.uid, owner.gid);
		fs.chownSync(pwFile, owner.uid, owner.gid);
	}
	fs.chmodSync(base, 0o700);
	const logFile = path.join(logDir, 'postgres.log');
	const init = await run(
		path.join(binDir, 'initdb'),
		[
			'-D',
			dataDir,
			'-U',
			'n8n',
			`--pwfile=${pwFile}`,
			'--auth-local=trust',
			'--auth-host=scram-sha-256',
			'-E',
			'UTF8',
			'--no-locale',
			'--no-sync',
		],
		{ ...owner, cwd: base, logFile, timeoutMs: 5 * 60_000 },
	);
	fs.rmSync(pwFile, { force: true });
	if (init.code !== 0)
		throw new Error(`initdb failed (exit ${init.code}):\n${tail(init.stderr + init.stdout, 20)}`);
	const port = await freePort();
	const proc = startProcess(
		path.join(binDir, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		{ ...owner, cwd: base, logFile },
	);
	let exited = false;
	proc.exited.then(() => (exited = true));
	const pg = {
		host: '127.0.0.1',
		port,
		user: 'n8n',
		password,
		pid: proc.child.pid,
		dataDir,
		/** psql -At: rows of `|`-separated fields; `raw`: psql's output as is (one value with `|` or newlines). */
		async query(sql, { database = 'postgres', raw = false } = {}) {
			const r = await run(
				psqlPath(binDir),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					'n8n',
					'-d',
					database,
					'-X',
					'-At',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ env: { ...process.env, PGPASSWORD: password }, timeoutMs: 120_000 },
			);
			if (r.code !== 0) throw new Error(`psql failed (exit ${r.code}): ${tail(r.stderr, 10)}`);
			if (raw) return r.stdout.replace(/\n$/, '');
			return r.stdout
				.split('\n')
				.filter((l) => l !== '')
				.map((l) => l.split('|'));
		},
		async stop() {
			// SIGINT = "fast" shutdown: disconnects clients, no waiting for them
			await stopGroup(proc, 'SIGINT', 15_000);
			fs.rmSync(base, { recursive: true, force: true });
		},
	};
	await waitFor(
		async () => {
			if (exited) throw new Error(`postgres exited early:\n${tail(proc.output(), 20)}`);
			await pg.query('select 1');
			return true;
		},
		{ timeoutMs: 120_000, intervalMs: 500, what: `PostgreSQL on port ${port}` },
	);
	return pg;
}

/** redis-server on 127.0.0.1:<free port>, nothing persisted (--save '', no AOF), own dir. */
export async function startRedis({ logDir }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const port = await freePort();
	const proc = startProcess(
		REDIS_SERVER,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--logfile',
			'',
		],
		{ cwd: dir, logFile: path.join(logDir, 'redis.log') },
	);
	let exited = false;
	proc.exited.then(() => (exited = true));
	await waitFor(
		async () => {
			if (exited) throw new Error(`redis-server exited early:\n${tail(proc.output(), 20)}`);
			return /Ready to accept connections/.test(proc.output());
		},
		{ timeoutMs: 60_000, intervalMs: 200, what: `redis-server on port ${port}` },
	);
	return {
		host: '127.0.0.1',
		port,
		pid: proc.child.pid,
		async stop() {
			await stopGroup(proc, 'SIGTERM', 10_000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

// Server mode: `n8n start` on a free loopback port, owner set up through the internal REST API
// (the same calls the editor UI makes), then REST calls with the auth cookie.
// Endpoints read from n8n 2.8.4 and 2.41.1 dist: POST /rest/owner/setup (skipAuth, issues the
// n8n-auth cookie), POST /rest/credentials, POST /rest/credentials/test
// ({ credentials: { id, name, type, data } }), GET /rest/community-packages.
import { freePort, startProcess, tail, waitFor } from './util.mjs';

const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd-not-secret',
};
const BROWSER_ID = 'e2e-browser-id';

/** Cookie-keeping client of n8n's internal REST API (what the editor calls). */
export class RestClient {
	constructor(baseUrl, { browserId = BROWSER_ID } = {}) {
		this.baseUrl = baseUrl;
		this.browserId = browserId;
		this.cookie = '';
	}

	async request(method, p, body) {
		const res = await fetch(`${this.baseUrl}${p}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const auth = (res.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}

	async rest(method, p, body) {
		const r = await this.request(method, `/rest${p}`, body);
		if (r.status >= 400)
			throw new Error(`${method} /rest${p} → HTTP ${r.status}: ${r.text.slice(0, 500)}`);
		return r.json?.data ?? r.json;
	}
}

export class N8nServer extends RestClient {
	constructor(instance) {
		super(undefined);
		this.instance = instance;
	}

	/** `env`: added to (and overriding) the server's environment; `logFile`: n8n's output, appended. */
	async start({ timeoutMs = 120_000, env: extraEnv = {}, logFile } = {}) {
		const inst = this.instance;
		this.port = await freePort();
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		const env = {
			...inst.env,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_LOG_LEVEL: 'info',
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_PUBLIC_API_DISABLED: 'false',
			...extraEnv,
		};
		const started = Date.now();
		this.proc = startProcess(inst.install.node.node, [inst.install.n8nBin, 'start'], {
			cwd: inst.userFolder,
			env,
			logFile,
		});
		let exited = false;
		this.proc.exited.then(() => (exited = true));
		await this.waitFor(
			async () => {
				if (exited) throw new Error(`n8n start exited early:\n${tail(this.proc.output(), 40)}`);
				// /healthz (and every path, with 200 "n8n is starting up") answers before the REST
				// controllers are mounted: wait until /rest/settings returns JSON
				const r = await fetch(`${this.baseUrl}/rest/settings`).catch(() => null);
				return r?.ok && (r.headers.get('content-type') ?? '').includes('application/json');
			},
			{ timeoutMs, intervalMs: 300, what: `n8n server on ${this.baseUrl} to become ready` },
			40,
		);
		this.startMs = Date.now() - started;
		inst.timings.push({ what: 'server start', ms: this.startMs, code: 0 });
		return this;
	}

	/** util's waitFor; on a timeout the error ends with n8n's last `outputLines` lines of output. */
	async waitFor(fn, options, outputLines = 60) {
		return waitFor(fn, options).catch((e) => {
			throw new Error(`${e.message}\n--- n8n output ---\n${tail(this.proc.output(), outputLines)}`);
		});
	}

	async setupOwner() {
		await this.rest('POST', '/owner/setup', OWNER);
		if (!this.cookie) throw new Error('owner setup did not return an n8n-auth cookie');
	}

	async createCredential({ name, type, data }) {
		return this.rest('POST', '/credentials', { name, type, data });
	}

	/** The editor's "Test" button: { status: 'OK' | 'Error', message }. */
	async testCredential({ id, name, type, data }) {
		return this.rest('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	async stop() {
		await this.proc?.stop(10_000);
	}
}

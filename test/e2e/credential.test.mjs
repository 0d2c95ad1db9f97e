// The credential's test request (the editor's "Test" button) in a running n8n server: owner set
// up through the REST API, credentials created and tested through POST /rest/credentials/test.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CREDENTIAL_TYPE, NODE_TYPE } from './lib/n8n.mjs';
import { N8nServer } from './lib/server.mjs';
import { e2eMatrix, startSuite, versionLabel } from './lib/suite.mjs';
import { makeId, norceCredential } from './lib/workflows.mjs';

const BAD_KEY = `wrong-key-${makeId('k')}`;

for (const entry of e2eMatrix()) {
	describe(`credential test (server mode) on ${versionLabel(entry)}`, () => {
		let ctx;
		let server;

		before(async () => {
			ctx = await startSuite(entry, 'credential');
			server = ctx.server = await new N8nServer(ctx.n8n).start();
			await server.setupOwner();
		});
		after(async () => {
			await ctx?.close();
		});

		it('the server loaded the community node and its credential type', async () => {
			const r = await server.request('GET', '/types/nodes.json');
			assert.equal(r.status, 200);
			const names = r.json.map((n) => n.name);
			assert.ok(names.includes(NODE_TYPE), `${NODE_TYPE} not in /types/nodes.json`);
			assert.ok(names.includes(`${NODE_TYPE}Tool`), 'the AI-tool variant is registered too');
			const c = await server.request('GET', '/types/credentials.json');
			assert.ok(c.json.some((t) => t.name === CREDENTIAL_TYPE));
		});

		it('a good API key: the test request succeeds against the sandbox', async () => {
			const cred = norceCredential({ id: undefined, name: 'Norce good', sandbox: ctx.sandbox });
			const created = await server.createCredential(cred);
			const from = ctx.sandbox.requests.length;
			const res = await server.testCredential({
				id: created.id,
				name: cred.name,
				type: cred.type,
				data: cred.data,
			});
			assert.equal(res.status, 'OK', JSON.stringify(res));
			const seen = ctx.sandbox.requests.slice(from);
			assert.ok(seen.length >= 1, 'the test request reached the sandbox');
			assert.ok(seen.every((q) => q.headers.authorization === `Bearer ${ctx.sandbox.apiKey}`));
			assert.ok(seen.every((q) => q.headers['x-merchant'] === ctx.sandbox.merchant));
		});

		it('a wrong API key: the test request fails with a clear message', async () => {
			const cred = norceCredential({
				id: undefined,
				name: 'Norce bad',
				sandbox: ctx.sandbox,
				apiKey: BAD_KEY,
			});
			const created = await server.createCredential(cred);
			const from = ctx.sandbox.requests.length;
			const res = await server.testCredential({
				id: created.id,
				name: cred.name,
				type: cred.type,
				data: cred.data,
			});
			assert.equal(res.status, 'Error', JSON.stringify(res));
			assert.match(
				res.message,
				/401|unauthori[sz]ed|authori[sz]ation|credential|api key|forbidden/i,
			);
			assert.ok(!res.message.includes(BAD_KEY), 'the key is not echoed in the message');
			const seen = ctx.sandbox.requests.slice(from);
			assert.ok(seen.length >= 1 && seen.every((q) => q.status === 401));
		});
	});
}

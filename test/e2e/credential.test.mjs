// The credential's test request (the editor's "Test" button) in a running n8n server: owner set
// up through the REST API, credentials created and tested through POST /rest/credentials/test.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CREDENTIAL_TYPE, NODE_TYPE } from './lib/n8n.mjs';
import { N8nServer } from './lib/server.mjs';
import { describeEachVersion, recording, startSuite } from './lib/suite.mjs';
import { makeId, norceCredential } from './lib/workflows.mjs';

const BAD_KEY = `wrong-key-${makeId('k')}`;

describeEachVersion('credential test (server mode)', (entry) => {
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

	/** Save `credential` as the editor does, then press its Test: n8n's answer, the requests it made. */
	const saveAndTest = async (credential) => {
		const created = await server.createCredential(credential);
		const { result, requests } = await recording(ctx.sandbox, () =>
			server.testCredential({ ...credential, id: created.id }),
		);
		return { res: result, seen: requests };
	};

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
		const { res, seen } = await saveAndTest(
			norceCredential({ name: 'Norce good', sandbox: ctx.sandbox }),
		);
		assert.equal(res.status, 'OK', JSON.stringify(res));
		assert.ok(seen.length >= 1, 'the test request reached the sandbox');
		assert.ok(seen.every((q) => q.headers.authorization === `Bearer ${ctx.sandbox.apiKey}`));
		assert.ok(seen.every((q) => q.headers['x-merchant'] === ctx.sandbox.merchant));
	});

	it('a wrong API key: the test request fails with a clear message', async () => {
		const { res, seen } = await saveAndTest(
			norceCredential({ name: 'Norce bad', sandbox: ctx.sandbox, apiKey: BAD_KEY }),
		);
		assert.equal(res.status, 'Error', JSON.stringify(res));
		assert.match(res.message, /401|unauthori[sz]ed|authori[sz]ation|credential|api key|forbidden/i);
		assert.ok(!res.message.includes(BAD_KEY), 'the key is not echoed in the message');
		assert.ok(seen.length >= 1 && seen.every((q) => q.status === 401));
	});
});

/**
 * Hostile input: ids, header values, references, slugs and base URLs that try to change the
 * path, the query, the headers or the host. Each is either percent-encoded into exactly one
 * path segment (the sandbox's raw path is checked byte for byte) or refused with a
 * NodeOperationError that names the parameter and the item, before any request leaves.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	NodeOperationError,
} from 'n8n-workflow';

import type { RunResult } from '../helpers/n8nRuntime';
import { API } from '../helpers/norceFixture';
import { DEMO } from '../sandbox';
import { recordFigures } from './figures';
import {
	account,
	expectErrorItemShape,
	runAndCheckSecrets,
	secretChecks,
	useReliabilitySandbox,
} from './support';

const norce = useReliabilitySandbox();

const figures = { encoded: 0, refusedBeforeRequest: 0, acceptedAndEscaped: 0 };
afterAll(() => recordFigures('hostile-input', { ...figures, secretChecks: secretChecks.runs }));

const OPTIONS = { maxRetries: 0, timeout: 2000, concurrency: 1 };

/** Runs `parameters` for a harmless item 0 and the hostile item 1, both ways n8n can run it. */
async function runBothWays(
	parameters: INodeParameters,
	items: IDataObject[],
	credentials?: ICredentialDataDecryptedObject,
) {
	const continued = await runAndCheckSecrets(norce, parameters, {
		items,
		onError: 'continueErrorOutput',
		credentials,
	});
	const requestsWhenContinued = norce.sandbox.requests.map(
		(request) => `${request.method} ${request.rawPath}`,
	);
	norce.sandbox.reset();
	const stopped = await runAndCheckSecrets(norce, parameters, { items, credentials });
	return { continued, stopped, requestsWhenContinued };
}

/** The run stopped on a NodeOperationError for `itemIndex`, and continue-on-fail paired it. */
function expectRefused(
	{ continued, stopped }: { continued: RunResult; stopped: RunResult },
	items: IDataObject[],
	itemIndex: number,
	texts: string[],
) {
	// n8n keeps the thrown error as a plain copy in the run data; its name survives.
	expect(stopped.error?.name).toBe('NodeOperationError');
	const error = stopped.error as unknown as NodeOperationError;
	const said = `${error.message} ${error.description ?? ''}`;
	for (const text of texts) expect(said).toContain(text);
	expect(error.context.itemIndex).toBe(itemIndex);

	expect(continued.error).toBeUndefined();
	const accounting = account(continued, items.length);
	expect(accounting.unpaired).toEqual([]);
	expect(accounting.lost).toEqual([]);
	expect(accounting.duplicated).toEqual([]);
	const errorItems = accounting.errors.get(itemIndex) ?? [];
	expect(errorItems).toHaveLength(1);
	expectErrorItemShape(errorItems[0], items[itemIndex]);
	for (const text of texts)
		expect(`${errorItems[0].json.error} ${errorItems[0].json.message ?? ''}`).toContain(text);
	figures.refusedBeforeRequest++;
}

const getById = { operation: 'get', orderId: '={{ $json.id }}', options: OPTIONS };
const ORDER_GET = { operation: 'get', orderId: DEMO.validOrderId, options: OPTIONS };

describe('order ids that need encoding reach the API as exactly one path segment', () => {
	const ENCODED: Array<[string, string, string]> = [
		['slash', 'a/b', 'a%2Fb'],
		['slash, query and fragment', 'a/b?c#d', 'a%2Fb%3Fc%23d'],
		['path traversal', '../../admin', '..%2F..%2Fadmin'],
		['query', 'a?x=1', 'a%3Fx%3D1'],
		['fragment', 'a#frag', 'a%23frag'],
		['percent', '100%', '100%25'],
		['already percent-encoded text', 'a%2Fb', 'a%252Fb'],
		['spaces (outer ones trimmed)', '  spaced id  ', 'spaced%20id'],
		['unicode and emoji', 'ü€😀', '%C3%BC%E2%82%AC%F0%9F%98%80'],
		['right-to-left override', 'o_\u202eevil', 'o_%E2%80%AEevil'],
		['query separators', 'a+b&c=d;e', 'a%2Bb%26c%3Dd%3Be'],
		['backslashes', '\\..\\x', '%5C..%5Cx'],
		['dots inside an id', 'a..b', 'a..b'],
	];

	it.each(ENCODED)('%s: %j → %s', async (_name, id, encoded) => {
		const items = [{ id: DEMO.validOrderId }, { id }];
		const { continued, requestsWhenContinued } = await runBothWays(getById, items);

		expect(requestsWhenContinued).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}`,
			`GET ${API}/orders/${encoded}`,
		]);
		// No such order: a 404 error item for item 1, paired to it, with the id as the user gave it.
		expect(continued.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(continued.errorOutput).toHaveLength(1);
		expect(continued.errorOutput[0].pairedItem).toEqual({ item: 1 });
		expect(continued.errorOutput[0].json.error).toBe(
			`Not found: order "${id.trim()}" [404 order-not-found]`,
		);
		figures.encoded++;
	});

	it('reaches the demo order whose id needs encoding, for every operation with an id', async () => {
		const id = DEMO.specialCharsOrderId;
		const encoded = 'o_edge%2Fid%3Fx%3D1%26y%23z%20%2525%C3%BC%2B';
		const runs: Array<[INodeParameters, string]> = [
			[{ operation: 'get', orderId: id, options: OPTIONS }, `GET ${API}/orders/${encoded}`],
			[
				{ operation: 'validate', orderId: id, output: 'summary', options: OPTIONS },
				`POST ${API}/orders/${encoded}/validate`,
			],
			[
				{ operation: 'updateReference', orderId: id, reference: 'R?#/1', options: OPTIONS },
				`PUT ${API}/orders/${encoded}/reference`,
			],
		];
		for (const [parameters, wire] of runs) {
			norce.sandbox.reset();
			const result = await runAndCheckSecrets(norce, parameters, {
				onError: 'continueErrorOutput',
			});
			expect(result.errorOutput).toEqual([]);
			expect(result.output).toHaveLength(1);
			expect(
				norce.sandbox.requests.map((request) => `${request.method} ${request.rawPath}`),
			).toEqual([wire]);
			expect(norce.sandbox.requests[0].rawQuery).toBe('');
		}
		expect(norce.sandbox.orders.get(id)?.reference).toBe('R?#/1');
		figures.encoded++;
	});

	it('encodes a validation id the same way', async () => {
		const items = [{ id: DEMO.orderWithValidationId, validationId: 'oc_x/../../y?z#w' }];
		const result = await runAndCheckSecrets(
			norce,
			{
				operation: 'removeValidation',
				orderId: '={{ $json.id }}',
				validationId: '={{ $json.validationId }}',
				options: OPTIONS,
			},
			{ items, onError: 'continueErrorOutput' },
		);
		expect(norce.sandbox.requests.map((request) => request.rawPath)).toEqual([
			`${API}/orders/${DEMO.orderWithValidationId}/validations/oc_x%2F..%2F..%2Fy%3Fz%23w`,
		]);
		expect(result.errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[expect.stringContaining('[404 validation-not-found]'), { item: 0 }],
		]);
		figures.encoded++;
	});
});

describe('ids that cannot be sent are refused before any request, naming parameter and item', () => {
	const REFUSED: Array<[string, string | null, string[]]> = [
		['a single dot', '.', ['Order ID', '"."', 'item 1']],
		['two dots', '..', ['Order ID', '".."', 'item 1']],
		['percent-encoded dots', '%2e%2e', ['Order ID', 'item 1']],
		['a dot and an encoded dot', '.%2E', ['Order ID', 'item 1']],
		['empty', '', ['Order ID is empty', 'item 1']],
		['blank', '   \t ', ['Order ID is empty', 'item 1']],
		['CR/LF', 'o_1\r\nX-Injected: 1', ['Order ID', 'line break or control character', 'item 1']],
		['NUL', 'o_1\u0000', ['Order ID', 'control character', 'item 1']],
		['DEL', 'o_\u007f1', ['Order ID', 'control character', 'item 1']],
		['10,000 characters', 'o'.repeat(10_000), ['Order ID is 10000 characters long', 'item 1']],
		['null from the expression', null, ['Order ID is empty', 'item 1']],
	];

	it.each(REFUSED)('%s', async (_name, id, texts) => {
		const items = [{ id: DEMO.validOrderId }, { id }];
		const runs = await runBothWays(getById, items);

		// Item 0 went out; item 1 never did.
		expect(runs.requestsWhenContinued).toEqual([`GET ${API}/orders/${DEMO.validOrderId}`]);
		expectRefused(runs, items, 1, texts);
	});

	it('refuses a validation id of ".." naming "Validation ID"', async () => {
		const items = [{ id: DEMO.orderWithValidationId, validationId: '..' }];
		const runs = await runBothWays(
			{
				operation: 'removeValidation',
				orderId: '={{ $json.id }}',
				validationId: '={{ $json.validationId }}',
				options: OPTIONS,
			},
			items,
		);
		expect(runs.requestsWhenContinued).toEqual([]);
		expect(norce.sandbox.stats.total).toBe(0);
		expectRefused(runs, items, 0, ['Validation ID', 'item 0']);
	});
});

describe('header values', () => {
	// A write, so that every header option (Adapter ID too) is offered.
	const ORDER = { operation: 'updateReference', orderId: DEMO.validOrderId, reference: 'REF-1' };
	const HEADER_CASES: Array<[string, IDataObject, string[]]> = [
		[
			'channel option with CR/LF',
			{ channel: 'se\r\nX-Injected: 1' },
			['Channel', 'line break or control character', 'item 0'],
		],
		['channel option with a lone LF', { channel: 'se\nno' }, ['Channel', 'item 0']],
		[
			'adapter id with CR/LF',
			{ adapterId: 'onhand_verify\r\nX-Injected: 1' },
			['Adapter ID', 'line break or control character', 'item 0'],
		],
		['adapter id with a tab', { adapterId: 'onhand\tverify' }, ['Adapter ID', 'item 0']],
		[
			'adapter id with a character no header can carry',
			{ adapterId: 'adapter€' },
			['Adapter ID', 'item 0'],
		],
		['channel with a Unicode line separator', { channel: 's\u2028e' }, ['Channel', 'item 0']],
	];

	it.each(HEADER_CASES)('%s is refused before any request', async (_name, options, texts) => {
		const items = [{}];
		const runs = await runBothWays({ ...ORDER, options: { ...OPTIONS, ...options } }, items);
		expect(runs.requestsWhenContinued).toEqual([]);
		expect(norce.sandbox.stats.total).toBe(0);
		expectRefused(runs, items, 0, texts);
	});

	const CREDENTIAL_CASES: Array<[string, ICredentialDataDecryptedObject, string]> = [
		['merchant with CR/LF', { merchant: 'norce-demo\r\nX-Injected: 1' }, 'merchant'],
		['channel with LF', { channel: 'se\nX-Injected: 1' }, 'channel'],
		['API key with CR/LF', { apiKey: 'key\r\nX-Injected: 1' }, 'apiKey'],
		['merchant with a character no header can carry', { merchant: 'norce-€' }, 'merchant'],
		['API key with a Unicode line separator', { apiKey: 'sk_live_a\u2028b' }, 'apiKey'],
	];

	it.each(CREDENTIAL_CASES)(
		'credential %s is refused before any request',
		async (_name, change, field) => {
			const items = [{}, {}];
			const runs = await runBothWays(ORDER, items, { ...norce.credentials, ...change });
			expect(runs.requestsWhenContinued).toEqual([]);
			expect(norce.sandbox.stats.total).toBe(0);
			// A credential fails every item the same way; each still gets its own error item.
			expectRefused(runs, items, 0, [`Fix the "${field}" field`]);
			expect(runs.continued.errorOutput.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		},
	);

	it('sends a reference with CR/LF, quotes and backslashes JSON-escaped in the body', async () => {
		const references = ['ERP-1\r\nX-Injected: 1', 'a"b\\c', 'ü€ 😀', '</script>{"x":1}'];
		const items = references.map((reference, index) => ({
			id: [DEMO.validOrderId, DEMO.warningOrderId, DEMO.failingOrderId, DEMO.declinedOrderId][
				index
			],
			reference,
		}));
		const result = await runAndCheckSecrets(
			norce,
			{
				operation: 'updateReference',
				orderId: '={{ $json.id }}',
				reference: '={{ $json.reference }}',
				options: OPTIONS,
			},
			{ items, onError: 'continueErrorOutput' },
		);

		expect(result.errorOutput).toEqual([]);
		expect(result.output.map((item) => [item.json.reference, item.pairedItem])).toEqual(
			references.map((reference, index) => [reference, { item: index }]),
		);
		expect(norce.sandbox.requests.map((request) => request.body)).toEqual([
			'"ERP-1\\r\\nX-Injected: 1"',
			'"a\\"b\\\\c"',
			'"ü€ 😀"',
			'"</script>{\\"x\\":1}"',
		]);
		for (const request of norce.sandbox.requests) {
			expect(request.headers['x-injected']).toBeUndefined();
			expect(request.headers['content-type']).toMatch(/^application\/json/);
		}
		items.forEach(({ id, reference }) =>
			expect(norce.sandbox.orders.get(id)?.reference).toBe(reference),
		);
		figures.acceptedAndEscaped += references.length;
	});
});

describe('credentials that try to move the request to another host', () => {
	const SLUGS: Array<[string, string]> = [
		['a host and a fragment', 'evil.example/x#'],
		['a dot', 'a.b'],
		['user info', 'a@b'],
		['a port', 'shop:8443'],
		['uppercase', 'MyShop'],
		['empty', ''],
		['a leading hyphen', '-shop'],
		['a percent-encoded dot', 'evil%2eexample'],
	];

	it.each(SLUGS)(
		'slug with %s (%j) is refused naming the slug field, before any request',
		async (_name, slug) => {
			const items = [{}];
			const credentials = { ...norce.credentials, environment: 'playground', slug, baseUrl: '' };
			const runs = await runBothWays(ORDER_GET, items, credentials);
			// No real host is reachable from here, so "nothing left" is shown by a NodeOperationError
			// raised while reading the credential, before the transport was ever asked.
			expect(runs.requestsWhenContinued).toEqual([]);
			expectRefused(runs, items, 0, ['slug', 'Fix the "slug" field']);
		},
	);

	const BASE_URLS: Array<[string, string, string]> = [
		['ftp', 'ftp://127.0.0.1/checkout/order', 'http:// or https://'],
		['javascript', 'javascript:alert(document.cookie)', 'http:// or https://'],
		['file', 'file:///etc/passwd', 'http:// or https://'],
		['data', 'data:text/plain,hello', 'http:// or https://'],
		[
			'credentials in the URL',
			'http://user:secret@127.0.0.1/checkout/order',
			'user name, password',
		],
		['a fragment', 'http://127.0.0.1/checkout/order#x', 'fragment'],
		['not a URL', 'checkout/order', 'not a valid URL'],
	];

	it.each(BASE_URLS)(
		'custom base URL with %s is refused naming the baseUrl field',
		async (_name, baseUrl, text) => {
			const items = [{}];
			const runs = await runBothWays(ORDER_GET, items, {
				...norce.credentials,
				environment: 'custom',
				baseUrl,
			});
			expect(runs.requestsWhenContinued).toEqual([]);
			expect(norce.sandbox.stats.total).toBe(0);
			expectRefused(runs, items, 0, ['Fix the "baseUrl" field', text]);
		},
	);
});

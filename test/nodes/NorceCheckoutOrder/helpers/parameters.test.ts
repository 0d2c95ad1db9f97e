/**
 * Hostile input, once, through the operations that read it: ids that try to change the path,
 * the query or the headers are either percent-encoded into exactly one path segment (the raw
 * path the sandbox received is checked byte for byte) or refused with a NodeOperationError
 * that names the parameter and the item, before any request leaves. The same for header
 * options, and the bounds of the reliability options.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameters,
	NodeOperationError,
} from 'n8n-workflow';

import { getItemParameter } from '../../../../nodes/NorceCheckoutOrder/helpers/parameters';

import type { RunResult } from '../../../helpers/n8nRuntime';
import { API, useNorceSandbox, wire } from '../../../helpers/norceFixture';
import { account, expectErrorItemShape } from '../../../helpers/outcome';
import { DEMO } from '../../../sandbox';

const norce = useNorceSandbox();

const getById: INodeParameters = { operation: 'get', orderId: '={{ $json.id }}' };
const removeById: INodeParameters = {
	operation: 'removeValidation',
	orderId: '={{ $json.id }}',
	validationId: '={{ $json.validationId }}',
};

/** Runs with continue-on-fail (requests noted), then again without, on a fresh sandbox. */
async function runBothWays(parameters: INodeParameters, items: IDataObject[]) {
	const continued = await norce.run(parameters, { items, onError: 'continueErrorOutput' });
	const requestsWhenContinued = wire(norce.sandbox);
	norce.sandbox.reset();
	const stopped = await norce.run(parameters, { items });
	return { continued, stopped, requestsWhenContinued, requestsWhenStopped: wire(norce.sandbox) };
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
	expect(accounting.lost).toEqual([]);
	const errorItems = accounting.errors.get(itemIndex) ?? [];
	expect(errorItems).toHaveLength(1);
	expectErrorItemShape(errorItems[0], items[itemIndex]);
	for (const text of texts) {
		expect(`${errorItems[0].json.error} ${errorItems[0].json.message ?? ''}`).toContain(text);
	}
}

describe('ids that need encoding reach the API as exactly one path segment', () => {
	const ENCODED: Array<[string, string, string]> = [
		['slash', 'a/b', 'a%2Fb'],
		['slash, query and fragment', 'a/b?c#d', 'a%2Fb%3Fc%23d'],
		['path traversal', '../../admin', '..%2F..%2Fadmin'],
		['query', 'a?x=1', 'a%3Fx%3D1'],
		['percent', '100%', '100%25'],
		['already percent-encoded text', 'a%2Fb', 'a%252Fb'],
		['spaces (outer ones trimmed)', '  spaced id  ', 'spaced%20id'],
		['unicode and emoji', 'åü€😀', '%C3%A5%C3%BC%E2%82%AC%F0%9F%98%80'],
		['right-to-left override', 'o_\u202eevil', 'o_%E2%80%AEevil'],
		['query separators', 'a+b&c=d;e', 'a%2Bb%26c%3Dd%3Be'],
		['backslashes', '\\..\\x', '%5C..%5Cx'],
		['dots inside an id', 'a..b', 'a..b'],
		['three dots', '...', '...'],
		['a number from the expression', 1234 as unknown as string, '1234'],
	];

	it.each(ENCODED)('%s: %j → %s', async (_name, id, encoded) => {
		const items = [{ id: DEMO.validOrderId }, { id }];
		const result = await norce.run(getById, { items, onError: 'continueErrorOutput' });

		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.validOrderId}`,
			`GET ${API}/orders/${encoded}`,
		]);
		expect(norce.sandbox.requests[1].rawQuery).toBe('');
		// No such order: a 404 error item for item 1, with the id as the user gave it.
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(result.errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[`Not found: order "${String(id).trim()}" [404 order-not-found]`, { item: 1 }],
		]);
	});

	it('reaches the demo order whose id needs encoding', async () => {
		const result = await norce.run({ operation: 'get', orderId: DEMO.specialCharsOrderId });

		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/o_edge%2Fid%3Fx%3D1%26y%23z%20%2525%C3%BC%2B`,
		]);
		expect(result.output[0].json.id).toBe(DEMO.specialCharsOrderId);
	});

	it('encodes a validation id the same way', async () => {
		const items = [{ id: DEMO.orderWithValidationId, validationId: 'oc_x/../../y?z#w' }];
		const result = await norce.run(removeById, { items, onError: 'continueErrorOutput' });

		expect(wire(norce.sandbox)).toEqual([
			`DELETE ${API}/orders/${DEMO.orderWithValidationId}/validations/oc_x%2F..%2F..%2Fy%3Fz%23w`,
		]);
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			expect.stringContaining('[404 validation-not-found]'),
		]);
	});
});

describe('ids that cannot be sent are refused before any request, naming parameter and item', () => {
	const REFUSED: Array<[string, string | null, string[]]> = [
		['a single dot', '.', ['Order ID "." is not a valid ID (item 1)']],
		['two dots', '..', ['Order ID ".." is not a valid ID (item 1)']],
		['percent-encoded dots', '%2e%2e', ['Order ID "%2e%2e" is not a valid ID (item 1)']],
		['a dot and an encoded dot', '.%2E', ['Order ID ".%2E" is not a valid ID (item 1)']],
		['empty', '', ['Order ID is empty (item 1)']],
		['blank', '   \t ', ['Order ID is empty (item 1)']],
		['null from the expression', null, ['Order ID is empty (item 1)']],
		[
			'CR/LF',
			'o_1\r\nX-Injected: 1',
			['Order ID contains a line break or control character (item 1)'],
		],
		['NUL', 'o_1\u0000', ['Order ID contains a line break or control character (item 1)']],
		['DEL', 'o_\u007f1', ['Order ID contains a line break or control character (item 1)']],
		['10,000 characters', 'o'.repeat(10_000), ['Order ID is 10000 characters long (item 1)']],
		['a lone surrogate', 'o_1\ud800', ['Order ID holds half of a character pair (item 1)']],
	];

	it.each(REFUSED)('%s', async (_name, id, texts) => {
		const items = [{ id: DEMO.validOrderId }, { id }];
		const runs = await runBothWays(getById, items);

		// Item 0 went out; item 1 never did.
		expect(runs.requestsWhenContinued).toEqual([`GET ${API}/orders/${DEMO.validOrderId}`]);
		expectRefused(runs, items, 1, texts);
	});

	it('accepts an id of exactly 512 characters', async () => {
		await norce.run(getById, { items: [{ id: 'o'.repeat(512) }] });
		expect(norce.sandbox.requests).toHaveLength(1);
	});

	it('refuses a validation id of ".." naming "Validation ID"', async () => {
		const items = [{ id: DEMO.orderWithValidationId, validationId: '..' }];
		const runs = await runBothWays(removeById, items);

		expect(runs.requestsWhenContinued).toEqual([]);
		expect(runs.requestsWhenStopped).toEqual([]);
		expectRefused(runs, items, 0, ['Validation ID ".." is not a valid ID (item 0)']);
	});
});

describe('header options', () => {
	// A write, so that every header option (Adapter ID too) is offered.
	const write: INodeParameters = {
		operation: 'updateReference',
		orderId: DEMO.validOrderId,
		reference: 'REF-1',
	};

	it.each([
		['channel with CR/LF', { channel: 'se\r\nX-Injected: 1' }, 'Channel', 'line break'],
		['channel with a lone LF', { channel: 'se\nno' }, 'Channel', 'line break'],
		['channel with a Unicode line separator', { channel: 's\u2028e' }, 'Channel', 'HTTP header'],
		['adapter id with CR/LF', { adapterId: 'a\r\nX-Injected: 1' }, 'Adapter ID', 'line break'],
		['adapter id with a tab', { adapterId: 'onhand\tverify' }, 'Adapter ID', 'line break'],
		['adapter id with a "€"', { adapterId: 'adapter€' }, 'Adapter ID', 'HTTP header'],
		['channel of 100,000 characters', { channel: 'c'.repeat(100_000) }, 'Channel', 'at most 256'],
	])('%s is refused before any request', async (_name, options, label, what) => {
		const items = [{}];
		const runs = await runBothWays({ ...write, options }, items);

		expect(runs.requestsWhenContinued).toEqual([]);
		expect(runs.requestsWhenStopped).toEqual([]);
		expectRefused(runs, items, 0, [label, what, '(item 0)']);
	});

	it('sends the options trimmed; a blank channel falls back to the credential', async () => {
		await norce.run({ ...write, options: { channel: ' no ', adapterId: ' qliro_adapter ' } });
		await norce.run({ ...write, orderId: DEMO.warningOrderId, options: { channel: '  ' } });

		expect(
			norce.sandbox.requests.map((request) => [
				request.headers['x-channel'],
				request.headers['x-adapterid'],
			]),
		).toEqual([
			['no', 'qliro_adapter'],
			['se', undefined],
		]);
	});

	it('takes the options per item, so items can go to different channels', async () => {
		const result = await norce.run(
			{ ...getById, options: { channel: '={{ $json.channel }}' } },
			{
				items: [
					{ id: DEMO.validOrderId, channel: 'se' },
					{ id: DEMO.otherChannelOrderId, channel: 'no' },
				],
			},
		);

		expect(result.output.map((item) => item.json.channel)).toEqual(['se', 'no']);
	});
	it('fixed options that are invalid give every item its own error', async () => {
		const result = await norce.run(
			{ ...write, options: { channel: 'se\r\nx-evil: 1' } },
			{ items: [{}, {}, {}], onError: 'continueRegularOutput' },
		);

		expect(result.output.map((item) => item.json.error)).toEqual(
			[0, 1, 2].map(
				(index) => `Channel contains a line break or control character (item ${index})`,
			),
		);
		expect(norce.sandbox.requests).toHaveLength(0);
	});
});

describe('reliability options', () => {
	it.each([
		['below the minimum', -5, 1],
		['a fraction', 1.9, 2],
		['above the maximum', 50, 11],
	])('Max Retries %s (%d) is bounded: %d attempts', async (_name, maxRetries, attempts) => {
		norce.sandbox.addFault({ kind: 'status', status: 503 });
		await norce.run({ operation: 'get', orderId: DEMO.validOrderId, options: { maxRetries } });
		expect(norce.sandbox.requests).toHaveLength(attempts);
	});
});

describe('getItemParameter', () => {
	/** A run's context that counts n8n's parameter reads; `json.n` is the item's own value. */
	function countingContext(parameters: INodeParameters) {
		const reads: number[] = [];
		const context = {
			getNode: () => ({ parameters }),
			getNodeParameter: (name: string, itemIndex: number) => {
				reads.push(itemIndex);
				const raw = parameters[name];
				return typeof raw === 'string' && raw.startsWith('=') ? `item ${itemIndex}` : raw;
			},
		} as unknown as IExecuteFunctions;
		return { context, reads };
	}

	it('reads a plain value once per run: n8n gives every item the same', () => {
		const { context, reads } = countingContext({ output: 'summary' });
		const values = [0, 1, 2].map((item) => getItemParameter(context, 'output', item, 'x'));

		expect(values).toEqual(['summary', 'summary', 'summary']);
		expect(reads).toEqual([0]);
		// another run (another context) reads again
		const next = countingContext({ output: 'validations' });
		expect(getItemParameter(next.context, 'output', 0, 'x')).toBe('validations');
	});

	it('reads an expression for every item', () => {
		const { context, reads } = countingContext({ output: '={{ $json.output }}' });
		const values = [0, 1].map((item) => getItemParameter(context, 'output', item, 'x'));

		expect(values).toEqual(['item 0', 'item 1']);
		expect(reads).toEqual([0, 1]);
	});
});

import type { INode } from 'n8n-workflow';

import {
	apiErrorFromAnswer,
	apiErrorFromNetwork,
	readErrorBody,
	redact,
} from '../../../shared/transport/errors';

const node: INode = {
	id: 'norce',
	name: 'Norce',
	type: 'n8n-nodes-norce-checkout.norceCheckoutOrder',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const context = {
	node,
	itemIndex: 2,
	secrets: ['s3cr3t'],
	subject: 'order "o_1"',
	channel: 'se',
	attempts: 1,
};

describe('readErrorBody', () => {
	const notFound = { code: 'order-not-found', message: 'Order with id:o_1 not found.' };
	const problem = { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', status: 400 };
	const codeOnly = (code: string) => ({ code, message: undefined });
	const gateway = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
	// prettier-ignore
	const BODIES: Array<[string, unknown, ReturnType<typeof readErrorBody>]> = [
		['BaseError', notFound, notFound],
		['RFC 7807', { ...problem, title: 'Bad Request', detail: 'Limit too high' }, { code: 'Bad Request', message: 'Limit too high' }],
		['RFC 7807 with field errors', { title: 'Invalid.', errors: { limit: ['Too high'] } }, { code: undefined, message: 'Invalid.' }],
		['ASP.NET errors only', { errors: { limit: ['Too high', 'Not a number'], offset: 'Negative' } }, { code: undefined, message: 'limit: Too high Not a number; offset: Negative' }],
		['a non-URL problem type', { type: 'locked', detail: 'x' }, { code: 'locked', message: 'x' }],
		['validation array', [{ code: 'item-out-of-stock', adapterId: 'x' }], codeOnly('item-out-of-stock')],
		['errors array', { errors: [{ code: 'shipping-not-selected' }] }, codeOnly('shipping-not-selected')],
		['array without objects', ['x', 1], {}],
		['HTML page', gateway, { message: '502 Bad Gateway (HTML page from a proxy or gateway)' }],
		['HTML without a title', '<p>oops</p>', { message: 'an HTML page' }],
		['text', '  upstream connect error ', { message: 'upstream connect error' }],
		['empty', '', {}],
		['nothing', undefined, {}],
	];
	it.each(BODIES)('reads a %s body', (_name, body, expected) => {
		expect(readErrorBody(body)).toEqual(expected);
	});

	it('shortens long text bodies', () => {
		expect(readErrorBody('x'.repeat(1000)).message).toBe(`${'x'.repeat(300)}…`);
	});
});

describe('redact', () => {
	it('replaces every occurrence of every secret, and ignores empty secrets', () => {
		expect(redact('a s3cr3t b s3cr3t k3y', ['s3cr3t', '', 'k3y'])).toBe('a *** b *** ***');
		expect(redact(undefined, ['s3cr3t'])).toBeUndefined();
	});
});

describe('apiErrorFromAnswer', () => {
	it.each([
		[
			401,
			'Norce Checkout refused access [401 c]',
			'Check the API key, merchant and channel ("se")',
		],
		[403, 'Norce Checkout refused access [403 c]', 'in the Norce Checkout credential'],
		[404, 'Not found: order "o_1" [404 c]', 'belongs to the merchant and channel "se"'],
		[409, 'Norce Checkout rejected the request for order "o_1" [409 c]', 'Check the values'],
		[429, 'Norce Checkout is rate limiting requests [429 c]', 'Lower the Concurrency option'],
		[500, 'Norce Checkout failed with a server error [500 c]', 'try again later'],
	])('explains a %i and says what to do', (status, message, hint) => {
		const error = apiErrorFromAnswer({ status, body: { code: 'c', message: 'm.' } }, context);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Norce said: m\. /);
		expect(error.description).toContain(hint);
		expect(error.httpCode).toBe(String(status));
		expect(error.context.itemIndex).toBe(2);
	});

	it('says how many attempts a retried status took', () => {
		const error = apiErrorFromAnswer({ status: 503, body: '' }, { ...context, attempts: 4 });
		expect(error.message).toBe(
			'Norce Checkout failed with a server error [HTTP 503] after 4 attempts',
		);
		expect(error.description).toMatch(/^Norce sent no error details\./);
	});

	it('keeps a secret the server echoed out of code, message and description', () => {
		const error = apiErrorFromAnswer(
			{ status: 401, body: { code: 'bad-s3cr3t', message: 'Bearer s3cr3t refused' } },
			context,
		);
		expect(error.message).toBe('Norce Checkout refused access [401 bad-***]');
		expect(error.description).toContain('Norce said: Bearer *** refused');
		expect(JSON.stringify(error)).not.toContain('s3cr3t');
	});

	it('keeps its own message when an ID looks like a Node error code', () => {
		const error = apiErrorFromAnswer(
			{ status: 404, body: '' },
			{ ...context, subject: 'order "ECONNREFUSED"' },
		);
		expect(error.message).toBe('Not found: order "ECONNREFUSED" [HTTP 404]');
	});
});

describe('apiErrorFromNetwork', () => {
	it('names the timeout and suggests raising it', () => {
		const error = apiErrorFromNetwork('ETIMEDOUT', {
			...context,
			attempts: 2,
			timeoutMs: 500,
			retriedNetworkErrors: true,
		});
		expect(error.message).toBe(
			'Could not reach Norce Checkout for order "o_1": the request timed out (500 ms) after 2 attempts',
		);
		expect(error.description).toBe(
			'Raise the Timeout option, or lower Concurrency if Norce is slow under load.',
		);
	});

	it('says why a request that is not safe to repeat was not retried', () => {
		const error = apiErrorFromNetwork('ECONNRESET', {
			...context,
			timeoutMs: 500,
			retriedNetworkErrors: false,
		});
		expect(error.message).toBe(
			'Could not reach Norce Checkout for order "o_1": the connection was reset',
		);
		expect(error.description).toContain('Check the environment, slug or Base URL');
		expect(error.description).toContain('not retried after a connection failure');
	});
});

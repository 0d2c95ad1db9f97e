/**
 * Every answer is bounded and must look like Norce's: a size cap on the decompressed answer,
 * one deadline over the whole attempt, a depth limit on JSON, and no success for a change
 * that a web page answered.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	MAX_ANSWER_BYTES,
	MAX_JSON_DEPTH,
	parseAnswer,
	readAnswerText,
} from '../../../shared/transport/answer';
import { runChild } from '../../helpers/child';
import { chunkStream as stream, openStream } from '../../helpers/streams';
import type { Hostile } from '../../helpers/hostile';
import { startHostile } from '../../helpers/hostile';
import { useNorceSandbox } from '../../helpers/norceFixture';
import type { Operation } from '../../sandbox';
import { DEMO } from '../../sandbox';

const norce = useNorceSandbox();
let notNorce: Hostile;
beforeAll(async () => {
	notNorce = await startHostile();
});
beforeEach(() => notNorce.reset());
afterAll(async () => await notNorce.close());

/** Order → Get of o_1 at the listener that is not Norce. */
const getAtNotNorce = async (options: INodeParameters = {}) =>
	await norce.run(
		{ operation: 'get', orderId: 'o_1', options },
		{ credentials: { ...norce.credentials, baseUrl: `${notNorce.origin}/checkout/order` } },
	);
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('parseAnswer', () => {
	it('reads JSON, keeps other text as text, and an empty answer as nothing', () => {
		expect(parseAnswer('{"id":"o_1"}')).toEqual({ body: { id: 'o_1' }, isJson: true });
		expect(parseAnswer('"o_1"')).toEqual({ body: 'o_1', isJson: true });
		expect(parseAnswer('<html></html>')).toEqual({ body: '<html></html>', isJson: false });
		expect(parseAnswer('  ')).toEqual({ body: undefined, isJson: false });
	});

	it(`accepts ${MAX_JSON_DEPTH} levels, brackets inside strings not counted, and refuses one more`, () => {
		expect(parseAnswer(nested(MAX_JSON_DEPTH)).isJson).toBe(true);
		expect(parseAnswer(`[${'"[[[[\\"",'.repeat(200)}1]`).isJson).toBe(true);
		expect(parseAnswer(nested(MAX_JSON_DEPTH + 1))).toEqual({
			body: undefined,
			isJson: true,
			tooDeep: true,
		});
	});
});

describe('readAnswerText', () => {
	it('reads a stream to its end', async () => {
		const { body } = stream(3, 2);
		await expect(readAnswerText(body, 1024, new AbortController().signal)).resolves.toBe('      ');
	});

	it('stops reading and closes the stream as soon as the cap is passed', async () => {
		const { body, state } = stream(100, 1024);
		await expect(readAnswerText(body, 10 * 1024, new AbortController().signal)).rejects.toThrow(
			'larger than 0 MB',
		);
		expect(body.destroyed).toBe(true);
		expect(state.read).toBeLessThan(14); // the cap's 11 chunks, and at most what was buffered
	});

	it('closes the stream when the attempt is stopped, before or while reading', async () => {
		const before = stream(100, 1);
		const controller = new AbortController();
		controller.abort();
		await expect(readAnswerText(before.body, 1024, controller.signal)).rejects.toThrow('stopped');
		expect(before.body.destroyed).toBe(true);

		const drip = openStream(); // never ends
		const during = new AbortController();
		const reading = readAnswerText(drip, 1024, during.signal);
		drip.push('[');
		during.abort();
		await expect(reading).rejects.toThrow('stopped');
		expect(drip.destroyed).toBe(true);
	});

	it('a stream closed before its end is a failed read, also when already closed', async () => {
		const cut = openStream();
		const reading = readAnswerText(cut, 1024, new AbortController().signal);
		cut.push('[1,');
		cut.destroy();
		await expect(reading).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });

		const closed = openStream();
		closed.destroy();
		await new Promise<void>((resolve) => closed.once('close', () => resolve()));
		const stopper = new AbortController();
		const late = readAnswerText(closed, 1024, stopper.signal);
		stopper.abort(); // the deadline: nothing will ever come
		await expect(late).rejects.toThrow('stopped');
	});
});

describe('through the node', () => {
	it(`a decompression bomb fails the item at ${MAX_ANSWER_BYTES / 2 ** 20} MB`, async () => {
		notNorce.answer({ kind: 'bomb', bytes: 1024 * 2 ** 20 });
		const result = await getAtNotNorce();
		expect(result.error?.message).toBe(
			`Norce Checkout's answer for order "o_1" was refused: the answer is larger than 32 MB`,
		);
		expect(notNorce.requests).toHaveLength(1); // not sent again
	});

	it('the Timeout covers the whole answer: a never-ending drip times out', async () => {
		notNorce.answer({ kind: 'drip' });
		const result = await getAtNotNorce({ timeout: 300, maxRetries: 1 });
		expect(result.error?.message).toBe(
			'Could not reach Norce Checkout for order "o_1": the request timed out (300 ms) after 2 attempts',
		);
	});

	it(`JSON nested deeper than ${MAX_JSON_DEPTH} levels fails the item and says what to check`, async () => {
		notNorce.answer({ kind: 'text', body: nested(10_000), contentType: 'application/json' });
		const result = await getAtNotNorce();
		expect(result.error?.message).toBe(
			`Norce Checkout's answer for order "o_1" was refused: the answer's JSON is nested more than ${MAX_JSON_DEPTH} levels deep`,
		);
		expect(result.error?.description).toContain('Check the Base URL');
	});

	it('a 1 GB bomb raises resident memory by at most about twice the cap (own process)', async () => {
		notNorce.answer({ kind: 'bomb', bytes: 1024 * 2 ** 20 });
		const figure = await runChild('shared/transport/bomb.child.js', [
			`${notNorce.origin}/checkout/order`,
		]);
		expect(figure.message).toContain('larger than 32 MB');
		expect(figure.rise).toBeLessThan(2 * MAX_ANSWER_BYTES + 16 * 2 ** 20);
	});
});

describe('a change answered 2xx with something that is not JSON', () => {
	const orderId = DEMO.validOrderId;
	const shippingBody = '{"total":{"includingVat":1,"excludingVat":1},"vatRate":0}';
	// prettier-ignore
	const changes: Array<[Operation, INodeParameters]> = [
		['updateReference', { operation: 'updateReference', orderId, reference: 'R-1' }],
		['order.delete', { operation: 'delete', orderId }],
		['order.updateState', { operation: 'updateState', orderId, status: 'completed' }],
		['order.create', { operation: 'create', jsonBody: '{"cart":{"items":[]}}' }],
		['shipping.update', { resource: 'shipping', operation: 'update', orderId, shippingId: 's_1', jsonBody: shippingBody }],
		['payment.create', { resource: 'payment', operation: 'create', orderId, jsonBody: '{"name":"x"}' }],
	];

	it.each(changes)('%s: an HTML page is an error, never success', async (operation, parameters) => {
		norce.sandbox.addFault({ kind: 'status', status: 200, body: 'html', match: { operation } });
		const result = await norce.run(parameters);
		expect(result.output).toEqual([]);
		expect(result.error?.message).toMatch(/with an HTML page.* \[HTTP 200\]$/);
		expect(result.error?.description).toContain(
			'The Base URL may not point at the Norce Checkout API',
		);
	});

	it.each([
		['an object where the ID belongs', { id: { nested: true } }],
		['a JSON string holding markup', '<b>o_1</b>'],
	])('a created ID given as %s is an error', async (_, body) => {
		norce.sandbox.addFault({
			kind: 'status',
			status: 201,
			body: 'text',
			message: JSON.stringify(body),
			headers: { 'content-type': 'application/json' },
			match: { operation: 'order.create' },
		});
		const result = await norce.run({ operation: 'create', jsonBody: '{"cart":{"items":[]}}' });
		expect(result.error?.message).toContain(
			'Norce Checkout created the order but sent no order ID',
		);
	});
});

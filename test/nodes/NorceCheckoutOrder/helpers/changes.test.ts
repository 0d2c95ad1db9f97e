/**
 * What a change answers: Norce's object or the ids with success; the id of something created,
 * in every shape the sources disagree on; a DELETE whose 404 counts as done only after an
 * attempt that may have reached Norce (over real HTTP to the sandbox), for every Delete operation.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	changeResult,
	createdId,
	deleteAndConfirm,
} from '../../../../nodes/NorceCheckoutOrder/helpers/changes';
import type { NorceResponse } from '../../../../shared/transport';
import { parameterContext, transportClient } from '../../../helpers/contexts';
import { useNorceSandbox } from '../../../helpers/norceFixture';
import { DEMO } from '../../../sandbox';
import type { Operation } from '../../../sandbox';
import { paired, runAfterLostAnswer, statuses } from '../actions/operationTests';

const answered = (body: unknown, statusCode = 201): NorceResponse => ({
	statusCode,
	body,
	attempts: 1,
	afterUncertainAttempt: false,
});

describe('changeResult', () => {
	it.each<[string, unknown, IDataObject]>([
		["Norce's object", { id: 'p_1', state: 'x' }, { id: 'p_1', state: 'x' }],
		['no body', undefined, { orderId: 'o_1', success: true }],
		['a list', [{ id: 'p_1' }], { orderId: 'o_1', success: true }],
		['text', 'ok', { orderId: 'o_1', success: true }],
	])('%s', (_, body, expected) => {
		expect(changeResult(answered(body), { orderId: 'o_1' })).toEqual([expected]);
	});
});

describe('createdId', () => {
	const idOf = (body: unknown) =>
		createdId(parameterContext({}), 3, answered(body), 'payment', 'List the payments.');

	it.each<[string, unknown, string]>([
		['{ id }', { id: 'p_1' }, 'p_1'],
		['a bare JSON string', 'p_1', 'p_1'],
		['a number', { id: 42 }, '42'],
		['an id with white space around it', ' p_1\n', 'p_1'],
	])('%s', (_, body, expected) => {
		expect(idOf(body)).toBe(expected);
	});

	it.each<[string, unknown]>([
		['nothing', undefined],
		['an object without id', { created: true }],
		['an empty id', { id: '' }],
		['an id that is a path', { id: '../orders' }],
		['an HTML page', '<html><title>Sign in</title></html>'],
	])('%s: created, but says how to find it instead of retrying', (_, body) => {
		expect(() => idOf(body)).toThrow(
			expect.objectContaining({
				message: 'Norce Checkout created the payment but sent no payment ID [HTTP 201]',
				description: expect.stringMatching(/otherwise: List the payments\.$/) as string,
			}),
		);
	});
});

describe('deleteAndConfirm', () => {
	const norce = useNorceSandbox();
	const ids = { orderId: DEMO.validOrderId, consentId: DEMO.consentId };
	const path = ['orders', DEMO.validOrderId, 'consents', DEMO.consentId];
	const remove = async () =>
		await deleteAndConfirm(transportClient(norce.credentials), path, 'the consent', ids);
	const orderOf = () => norce.sandbox.orders.get(DEMO.validOrderId)!;
	const removeInSandbox = () => (orderOf().consents = []);

	it('deletes once and answers the ids with success', async () => {
		expect(await remove()).toEqual([{ ...ids, success: true }]);
		expect(norce.sandbox.requests.map(({ method, status }) => [method, status])).toEqual([
			['DELETE', 200],
		]);
	});

	// Through the node, one row per Delete operation: each must send its DELETE this way.
	it.each<[Operation, INodeParameters, () => void]>([
		['order.delete', {}, () => norce.sandbox.orders.delete(DEMO.validOrderId)],
		['consent.delete', { consentId: DEMO.consentId }, removeInSandbox],
		['hook.delete', { hookId: DEMO.hookId }, () => (orderOf().hooks = [])],
		[
			'notification.delete',
			{ notificationId: DEMO.notificationId },
			() => (orderOf().notifications = []),
		],
	])(
		'%s: a 404 after a dropped attempt is already removed',
		async (operation, partIds, removeIt) => {
			removeIt();
			const [resource, name] = operation.split('.');
			const result = await runAfterLostAnswer(norce, operation, {
				resource,
				operation: name,
				orderId: DEMO.validOrderId,
				...partIds,
			});

			expect(statuses(norce.sandbox)).toEqual([0, 404]);
			expect(result.output).toEqual(
				paired({ orderId: DEMO.validOrderId, ...partIds, success: true, alreadyRemoved: true }),
			);
		},
	);

	it('a 404 at the first attempt is an error: it was never there', async () => {
		removeInSandbox();
		await expect(remove()).rejects.toMatchObject({ httpCode: '404' });
	});
});

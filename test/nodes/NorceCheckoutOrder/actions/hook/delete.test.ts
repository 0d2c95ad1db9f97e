import type { OrderHook } from '../../../../sandbox';
import { API, DEMO, paired, sent, useNorceSandbox } from '../operationTests';

const norce = useNorceSandbox();

const REMOVE = { resource: 'hook', operation: 'delete' };

const orderId = DEMO.validOrderId;
const hookIdsOf = (id: string) =>
	((norce.sandbox.orders.get(id)?.hooks ?? []) as OrderHook[]).map((hook) => hook.id);

describe('hook.delete', () => {
	it('removes the hook, without a body', async () => {
		const result = await norce.run({
			...REMOVE,
			orderId,
			hookId: DEMO.hookId,
		});

		expect(sent(norce.sandbox)).toEqual([
			{
				request: `DELETE ${API}/orders/${orderId}/hooks/${DEMO.hookId}`,
				contentType: undefined,
				body: '',
			},
		]);
		expect(result.output).toEqual(paired({ orderId, hookId: DEMO.hookId, success: true }));
		expect(hookIdsOf(orderId)).toEqual([]);
	});

	it('answers per item in input order, a failed item on the error output', async () => {
		const items = [
			{ order: DEMO.warningOrderId, hook: DEMO.hookId },
			{ order: orderId, hook: DEMO.hookId },
		];
		const result = await norce.run(
			{
				...REMOVE,
				orderId: '={{ $json.order }}',
				hookId: '={{ $json.hook }}',
			},
			{ items, onError: 'continueErrorOutput' },
		);

		expect(result.errorOutput).toEqual([
			{
				json: expect.objectContaining({
					error: `Not found: hook "${DEMO.hookId}" on order "${DEMO.warningOrderId}" [404 hook-not-found]`,
					message: expect.stringContaining(`Hook with id:${DEMO.hookId} not found`),
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(result.output).toEqual([
			{ json: { orderId, hookId: DEMO.hookId, success: true }, pairedItem: { item: 1 } },
		]);
		expect(hookIdsOf(orderId)).toEqual([]);
	});

	it('names a hook ID that needs percent-encoding', async () => {
		const result = await norce.run({
			...REMOVE,
			orderId,
			hookId: 'oh_a/b',
		});

		expect(norce.sandbox.requests[0].rawPath).toBe(`${API}/orders/${orderId}/hooks/oh_a%2Fb`);
		expect(result.error?.message).toBe(
			`Not found: hook "oh_a/b" on order "${orderId}" [404 hook-not-found]`,
		);
	});
});

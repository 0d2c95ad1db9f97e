import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO } from '../../../sandbox';
import type { Operation, Sandbox, SandboxOrder } from '../../../sandbox';
import type { RunResult } from '../../../helpers/n8nRuntime';
import { API, useNorceSandbox, wire } from '../../../helpers/norceFixture';
import type { NorceFixture } from '../../../helpers/norceFixture';

/**
 * What the per-operation tests beside this file share: the fixture, the ids that need
 * percent-encoding (written out by hand, not computed with the encoder the node uses), and
 * how to read what reached the sandbox.
 */
export { API, DEMO, useNorceSandbox, wire };

/** DEMO.specialCharsOrderId as one percent-encoded path segment. */
export const SPECIAL_ORDER_SEGMENT = 'o_edge%2Fid%3Fx%3D1%26y%23z%20%2525%C3%BC%2B';

/** DEMO.validOrderId as Simplify gives it (Get and Get Many). */
export const SIMPLE_VALID_ORDER = {
	id: DEMO.validOrderId,
	reference: DEMO.validOrderReference,
	status: 'processing',
	created: '2026-04-14T08:12:45.000Z',
	total: 796,
	currency: 'SEK',
	customerEmail: DEMO.validOrderBillingEmail,
};

/** The tail of a payment or shipping id that needs encoding, and its encoded form. */
export const ODD_TAIL = 'a/b?c#d %ü';
export const ODD_TAIL_SEGMENT = 'a%2Fb%3Fc%23d%20%25%C3%BC';

/** The first `count` orders on channel se that have a payment, each with one shipping. */
export function placedOrders(sandbox: Sandbox, count: number): SandboxOrder[] {
	const found = [...sandbox.orders.values()]
		.filter((order) => order.channel === 'se' && order.payments.length > 0)
		.slice(0, count);
	if (found.length < count) throw new Error(`The sandbox has fewer than ${count} placed orders`);
	return found;
}

/** What reached the sandbox, byte for byte: method and raw path, Content-Type and body. */
export function sent(sandbox: Sandbox) {
	return sandbox.requests.map((request) => ({
		request: `${request.method} ${request.rawPath}`,
		contentType: request.headers['content-type'],
		body: request.body,
	}));
}

/** The statuses the sandbox answered, in arrival order (0 = connection dropped). */
export function statuses(sandbox: Sandbox): Array<number | null> {
	return sandbox.requests.map((request) => request.status);
}

/** Output items as the router must build them: the i-th json paired to input item i. */
export function paired(...jsons: IDataObject[]) {
	return jsons.map((json, item) => ({ json, pairedItem: { item } }));
}

/**
 * Runs the node with the first request of `operation` dropped, as if Norce had carried it out
 * and the answer was lost on the way back; the caller makes the change in the sandbox first.
 */
export async function runAfterLostAnswer(
	norce: NorceFixture,
	operation: Operation,
	parameters: INodeParameters,
): Promise<RunResult> {
	norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation } });
	return await norce.run({ ...parameters, options: { maxRetries: 1 } });
}

/** A request that could act twice was sent once only, and the error says so. */
export function expectNotRepeated(norce: NorceFixture, result: RunResult) {
	expect(statuses(norce.sandbox)).toEqual([0]);
	expect(result.output).toEqual([]);
	expect(result.error?.message).toMatch(/^Could not reach Norce Checkout for /);
	expect(result.error?.description).toContain('not retried after a connection failure');
}

/** The two parts of an order that Get and Get Many read alike: where they sit, how they are named. */
const PARTS = {
	payment: { list: 'payments', idParameter: 'paymentId', prefix: 'p_' },
	shipping: { list: 'shippings', idParameter: 'shippingId', prefix: 's_' },
} as const;
type PartResource = keyof typeof PARTS;

function partsOf(order: SandboxOrder, resource: PartResource): IDataObject[] {
	return (order as unknown as Record<string, IDataObject[]>)[PARTS[resource].list];
}

function setParts(order: SandboxOrder, resource: PartResource, parts: IDataObject[]) {
	(order as unknown as Record<string, IDataObject[]>)[PARTS[resource].list] = parts;
}

/** The tests Payment → Get and Shipping → Get share: pairing, wire bytes, encoding, 404 text. */
export function describePartGet(resource: PartResource) {
	const { list, idParameter, prefix } = PARTS[resource];
	const norce = useNorceSandbox();
	const get = (orderId: string, partId: string) =>
		norce.run({ resource, operation: 'get', orderId, [idParameter]: partId });

	describe(`${resource} get`, () => {
		it('reads the part of each item with a bodiless GET, outputs it whole in input order', async () => {
			const orders = placedOrders(norce.sandbox, 3);
			const result = await norce.run(
				{
					resource,
					operation: 'get',
					orderId: '={{ $json.order }}',
					[idParameter]: '={{ $json.part }}',
				},
				{
					items: orders.map((order) => ({ order: order.id, part: partsOf(order, resource)[0].id })),
				},
			);

			const byPath = (a: { request: string }, b: { request: string }) =>
				a.request.localeCompare(b.request);
			expect(sent(norce.sandbox).sort(byPath)).toEqual(
				orders
					.map((order) => ({
						request: `GET ${API}/orders/${order.id}/${list}/${String(partsOf(order, resource)[0].id)}`,
						contentType: undefined,
						body: '',
					}))
					.sort(byPath),
			);
			expect(result.output).toEqual(
				orders.map((order, item) => ({ json: partsOf(order, resource)[0], pairedItem: { item } })),
			);
		});

		it('percent-encodes both ids into one path segment each', async () => {
			const order = norce.sandbox.orders.get(DEMO.specialCharsOrderId)!;
			const [template] = partsOf(norce.sandbox.orders.get(DEMO.validOrderId)!, resource);
			setParts(order, resource, [{ ...template, id: `${prefix}${ODD_TAIL}`, orderId: order.id }]);
			const result = await get(order.id, `${prefix}${ODD_TAIL}`);

			expect(wire(norce.sandbox)).toEqual([
				`GET ${API}/orders/${SPECIAL_ORDER_SEGMENT}/${list}/${prefix}${ODD_TAIL_SEGMENT}`,
			]);
			expect(result.output[0].json.id).toBe(`${prefix}${ODD_TAIL}`);
		});

		it(`names an unknown ${resource} on 404`, async () => {
			const result = await get(DEMO.validOrderId, `${prefix}missing`);

			expect(result.error).toMatchObject({
				message: `Not found: ${resource} "${prefix}missing" on order "${DEMO.validOrderId}" [404 ${resource}-not-found]`,
				httpCode: '404',
			});
		});
	});
}

/** The tests Payment → Get Many and Shipping → Get Many share. */
export function describePartGetMany(resource: PartResource) {
	const { list, prefix } = PARTS[resource];
	const norce = useNorceSandbox();

	describe(`${resource} getMany`, () => {
		it('outputs one item per part, never the list, each paired to its order item; none for an order without', async () => {
			const [first, second] = placedOrders(norce.sandbox, 2);
			const extra = { ...partsOf(first, resource)[0], id: `${prefix}extra` };
			setParts(first, resource, [...partsOf(first, resource), extra]);
			setParts(norce.sandbox.orders.get(DEMO.specialCharsOrderId)!, resource, []);
			const result = await norce.run(
				{ resource, operation: 'getMany', orderId: '={{ $json.id }}' },
				{ items: [{ id: first.id }, { id: DEMO.specialCharsOrderId }, { id: second.id }] },
			);

			expect(wire(norce.sandbox).sort()).toEqual(
				[first.id, SPECIAL_ORDER_SEGMENT, second.id]
					.map((id) => `GET ${API}/orders/${id}/${list}`)
					.sort(),
			);
			expect(result.output).toEqual([
				...partsOf(first, resource).map((json) => ({ json, pairedItem: { item: 0 } })),
				{ json: partsOf(second, resource)[0], pairedItem: { item: 2 } },
			]);
		});

		it('names the order when it is not found', async () => {
			const result = await norce.run({ resource, operation: 'getMany', orderId: 'o_missing' });

			expect(result.error?.message).toBe(
				`Not found: the ${list} of order "o_missing" [404 order-not-found]`,
			);
		});
	});
}

/**
 * The router: input order and pairing under concurrency, continue-on-fail, the first failure
 * (in input order) stops the run, what cannot run. A gate in front of the sandbox
 * (test/helpers/gate.js) holds requests until released: "item 0 answers last" is an event.
 */
import type { Gate } from '../../../helpers/gate';
import { API, useGate, useNorceSandbox, wire } from '../../../helpers/norceFixture';
import { expectAccounted, expectErrorItemShape } from '../../../helpers/outcome';
import { turns, until } from '../../../helpers/until';
import { DEMO } from '../../../sandbox';

const norce = useNorceSandbox();
const through = useGate(norce);

const byId = { operation: 'get', orderId: '={{ $json.id }}' };
/** Requests may wait at the gate as long as the test needs: the longest timeout there is. */
const HELD = { timeout: 600_000 };
const idsOf = (ids: string[]) => ids.map((id) => ({ id }));
const FAILS_FOR_ITEM_1 = '={{ $json.id ?? $("No such node").item.json.id }}';
const CONCURRENCY_1 = { concurrency: 1 };
const EACH_OF_THREE = [{ item: 0 }, { item: 1 }, { item: 2 }];
const THREE_IDS = [DEMO.failingOrderId, DEMO.warningOrderId, DEMO.validOrderId];
const answered = () => norce.sandbox.requests.filter((request) => request.status !== null).length;

/** Releases the held requests `size` at a time, checking each batch is the next `size` items. */
async function releaseInBatches(gate: Gate, size: number, ids: string[]) {
	for (let released = 0; released < ids.length; released += size) {
		const batch = ids.slice(released, released + size);
		await gate.whenHeld(batch.length);
		await turns(10);
		expect(gate.held.map((request) => request.url).sort()).toEqual(
			batch.map((id) => `${API}/orders/${id}`).sort(),
		);
		gate.releaseAll();
	}
}

describe('input order, pairing and concurrency', () => {
	it('keeps input order when the first item is answered last, with several items per input', async () => {
		const { gate, credentials } = through;
		const { threeFailuresOrderId, validOrderId, failingOrderId } = DEMO;
		const ids = [threeFailuresOrderId, validOrderId, failingOrderId, threeFailuresOrderId];
		const first = `${API}/orders/${ids[0]}/validate`;
		let held = false;
		gate.hold(({ url }) => url === first && !held && (held = true));
		const run = norce.run(
			{ operation: 'validate', orderId: '={{ $json.id }}', options: { concurrency: 4, ...HELD } },
			{ items: idsOf(ids), credentials },
		);
		const [item0] = await gate.whenHeld(1);
		await until(() => answered() === 3);
		item0.release();
		const result = await run;

		// The sandbox answered item 0 last; the output still starts with it.
		expect(wire(norce.sandbox)[3]).toBe(`POST ${first}`);
		expect(result.output.map((item) => [item.json.orderId, item.pairedItem])).toEqual(
			[0, 0, 0, 2, 2, 3, 3, 3].map((item) => [ids[item], { item }]),
		);
	});

	it.each([1, 3])(
		'keeps exactly Concurrency (%i) requests in flight, never more, in input order',
		async (concurrency) => {
			const { gate, credentials } = through;
			gate.hold(() => true);
			const ids = [...norce.sandbox.orders.values()]
				.filter((order) => order.channel === 'se')
				.slice(0, 7)
				.map((order) => order.id);
			const run = norce.run(
				{ ...byId, options: { concurrency, ...HELD } },
				{ items: idsOf(ids), credentials },
			);
			await releaseInBatches(gate, concurrency, ids);
			const result = await run;

			expect(gate.maxHeld).toBe(concurrency);
			expect(result.output.map((item) => item.json.id)).toEqual(ids);
		},
	);
});

describe('failures', () => {
	const ids = [DEMO.failingOrderId, 'o_does_not_exist', DEMO.validOrderId];
	const notFound = 'Not found: order "o_does_not_exist" [404 order-not-found]';

	it('routes a failed item to the error output, paired, with the input fields', async () => {
		const items = idsOf(ids);
		const result = await norce.run(byId, { items, onError: 'continueErrorOutput' });

		const accounting = expectAccounted(result, items.length);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		const [errorItem] = accounting.errors.get(1) ?? [];
		expectErrorItemShape(errorItem, items[1]);
		expect(errorItem.json).toEqual({
			id: 'o_does_not_exist',
			error: notFound,
			message: expect.stringContaining('Norce said: Order with id:o_does_not_exist not found.'),
		});
	});

	it('keeps the error item in place on the main output with continueRegularOutput', async () => {
		const result = await norce.run(byId, { items: idsOf(ids), onError: 'continueRegularOutput' });

		expect(result.output.map((item) => item.pairedItem)).toEqual(EACH_OF_THREE);
		expect(result.output[1].json).toEqual({ error: notFound, message: expect.any(String) });
		expect(result.output[2].json.id).toBe(DEMO.validOrderId);
	});

	it('stops at the first failing item, naming it, and starts no item after it', async () => {
		const result = await norce.run({ ...byId, options: CONCURRENCY_1 }, { items: idsOf(ids) });

		expect(result.error).toMatchObject({ message: notFound, context: { itemIndex: 1 } });
		expect(wire(norce.sandbox)).toEqual(ids.slice(0, 2).map((id) => `GET ${API}/orders/${id}`));
	});

	it('lets requests in flight settle, then starts nothing new', async () => {
		const { gate, credentials } = through;
		gate.hold(() => true);
		// Item 0 fails before any request; item 1 is already on its way and is waited for.
		const run = norce.run(
			{ ...byId, options: { concurrency: 2, ...HELD } },
			{ items: idsOf(['', ...THREE_IDS]), credentials },
		);
		(await gate.whenHeld(1))[0].release(); // item 1
		const result = await run;

		expect(result.error?.message).toBe('Order ID is empty (item 0)');
		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders/${THREE_IDS[0]}`]);
		expect(gate.forwarded).toBe(1);
	});

	it('reports the first failure in input order, not the first to happen', async () => {
		const { gate, credentials } = through;
		gate.hold(() => true);
		// Item 1 fails at once (no ID); item 0 fails later, when its held request is answered.
		const run = norce.run(
			{ ...byId, options: { concurrency: 2, ...HELD } },
			{ items: idsOf(['o_does_not_exist', '']), credentials },
		);
		(await gate.whenHeld(1))[0].release(); // item 0
		const result = await run;

		expect(result.error).toMatchObject({ message: notFound, context: { itemIndex: 0 } });
	});

	it("makes an error n8n raises for one item (a failing expression) that item's own error", async () => {
		const result = await norce.run(
			{ ...byId, orderId: FAILS_FOR_ITEM_1, options: CONCURRENCY_1 },
			{ items: [{ id: DEMO.validOrderId }, {}] },
		);

		// Wrapped by the router: a NodeOperationError for item 1 that keeps n8n's text.
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: "Referenced node doesn't exist",
			context: { itemIndex: 1 },
		});
		expect(norce.sandbox.requests).toHaveLength(1);
	});
});

describe('what cannot run', () => {
	it('refuses an unknown operation or resource before any request', async () => {
		const nope = await norce.run({ operation: 'nope', orderId: DEMO.validOrderId });
		// n8n itself finds no operation property for an unknown resource.
		const invoice = await norce.run({ resource: 'invoice', operation: 'get', orderId: 'o_1' });

		expect(nope.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The operation "nope" of resource "order" is not supported',
		});
		expect(invoice.error).toBeDefined();
		expect([...nope.output, ...invoice.output, ...norce.sandbox.requests]).toEqual([]);
	});

	it('turns an unusable credential into one error item per item, before any request', async () => {
		const result = await norce.run(byId, {
			items: idsOf(THREE_IDS),
			onError: 'continueErrorOutput',
			credentials: { ...norce.credentials, environment: 'production', slug: 'evil.example/x#' },
		});

		expect(norce.sandbox.requests).toEqual([]);
		expect(result.errorOutput.map((item) => item.pairedItem)).toEqual(EACH_OF_THREE);
		expect(result.errorOutput[2].json).toEqual({
			id: DEMO.validOrderId,
			error: expect.stringContaining('slug'),
			message: 'Fix the "slug" field of the Norce Checkout credential.',
		});
	});

	it('stops on an unusable credential without continue-on-fail, naming the field', async () => {
		const result = await norce.run(byId, {
			items: idsOf(THREE_IDS),
			credentials: { ...norce.credentials, merchant: 'norce-demo\r\nX-Injected: 1' },
		});

		expect(norce.sandbox.requests).toEqual([]);
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: expect.stringContaining('merchant contains a line break or control character'),
			description: 'Fix the "merchant" field of the Norce Checkout credential.',
			context: { itemIndex: 0 },
		});
	});
});

/**
 * The router: items run several at a time but come out in input order, each paired to its
 * input; continue-on-fail and the error output; the first failure (in input order) stops the
 * run; unknown operations and unusable credentials. Ordering and concurrency are driven by a
 * gate in front of the sandbox (test/helpers/gate.js) that holds requests until released, so
 * "item 0 answers last" is an event, not a delay.
 */
import type { NodeOperationError } from 'n8n-workflow';

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
const answered = () => norce.sandbox.requests.filter((request) => request.status !== null).length;

/**
 * Releases the held requests `size` at a time: waits until `size` are held at once, lets the
 * node show whether it sends more, checks it did not, releases them.
 */
async function releaseInBatches(gate: Gate, size: number, total: number) {
	for (let released = 0; released < total; released += size) {
		const batch = Math.min(size, total - released);
		await gate.whenHeld(batch);
		await turns(10);
		expect(gate.held).toHaveLength(batch);
		gate.releaseAll();
	}
}

describe('input order and pairing', () => {
	it('keeps input order when the first item is answered last, with several items per input', async () => {
		const { gate, credentials } = through;
		const ids = [
			DEMO.threeFailuresOrderId,
			DEMO.validOrderId,
			DEMO.failingOrderId,
			DEMO.threeFailuresOrderId,
		];
		const first = `${API}/orders/${ids[0]}/validate`;
		let held = false;
		gate.hold(({ url }) => {
			if (url !== first || held) return false;
			return (held = true);
		});
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
		expect(result.output.map((item) => [item.json.orderId, item.pairedItem])).toEqual([
			[ids[0], { item: 0 }],
			[ids[0], { item: 0 }],
			[ids[0], { item: 0 }],
			[ids[2], { item: 2 }],
			[ids[2], { item: 2 }],
			[ids[3], { item: 3 }],
			[ids[3], { item: 3 }],
			[ids[3], { item: 3 }],
		]);
	});
});

describe('concurrency', () => {
	it('keeps exactly Concurrency requests in flight, never more', async () => {
		const { gate, credentials } = through;
		gate.hold(() => true);
		const items = idsOf([
			DEMO.validOrderId,
			DEMO.warningOrderId,
			DEMO.failingOrderId,
			DEMO.declinedOrderId,
			DEMO.threeFailuresOrderId,
			DEMO.orderWithValidationId,
			DEMO.failingErrorsObjectOrderId,
		]);
		const run = norce.run(
			{ ...byId, options: { concurrency: 3, ...HELD } },
			{ items, credentials },
		);
		await releaseInBatches(gate, 3, items.length);
		const result = await run;

		expect(gate.maxHeld).toBe(3);
		expect(result.output.map((item) => item.json.id)).toEqual(items.map(({ id }) => id));
	});

	it('sends one request at a time with Concurrency 1, in input order', async () => {
		const { gate, credentials } = through;
		gate.hold(() => true);
		const ids = [DEMO.validOrderId, DEMO.warningOrderId, DEMO.failingOrderId];
		const run = norce.run(
			{ ...byId, options: { concurrency: 1, ...HELD } },
			{ items: idsOf(ids), credentials },
		);
		await releaseInBatches(gate, 1, ids.length);
		await run;

		expect(gate.maxHeld).toBe(1);
		expect(wire(norce.sandbox)).toEqual(ids.map((id) => `GET ${API}/orders/${id}`));
	});
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
		const result = await norce.run(byId, {
			items: idsOf(ids),
			onError: 'continueRegularOutput',
		});

		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.output[1].json).toEqual({ error: notFound, message: expect.any(String) });
		expect(result.output[2].json.id).toBe(DEMO.validOrderId);
	});

	it('stops at the first failing item, naming it, and starts no item after it', async () => {
		const result = await norce.run({ ...byId, options: { concurrency: 1 } }, { items: idsOf(ids) });

		expect(result.error).toMatchObject({ message: notFound });
		expect(result.error?.context.itemIndex).toBe(1);
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders/${DEMO.failingOrderId}`,
			`GET ${API}/orders/o_does_not_exist`,
		]);
	});

	it('lets requests in flight settle, then starts nothing new', async () => {
		const { gate, credentials } = through;
		gate.hold(() => true);
		// Item 0 fails before any request; item 1 is already on its way and is waited for.
		const run = norce.run(
			{ ...byId, options: { concurrency: 2, ...HELD } },
			{
				items: idsOf(['', DEMO.validOrderId, DEMO.warningOrderId, DEMO.failingOrderId]),
				credentials,
			},
		);
		const [item1] = await gate.whenHeld(1);
		item1.release();
		const result = await run;

		expect(result.error?.message).toBe('Order ID is empty (item 0)');
		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders/${DEMO.validOrderId}`]);
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
		const [item0] = await gate.whenHeld(1);
		item0.release();
		const result = await run;

		expect(result.error?.message).toBe(notFound);
		expect(result.error?.context.itemIndex).toBe(0);
	});

	it("makes an error n8n raises for one item (a failing expression) that item's own error", async () => {
		const result = await norce.run(
			{
				operation: 'get',
				orderId: '={{ $json.id ?? $("No such node").item.json.id }}',
				options: { concurrency: 1 },
			},
			{ items: [{ id: DEMO.validOrderId }, {}] },
		);

		// Wrapped by the router: a NodeOperationError for item 1 that keeps n8n's text.
		expect(result.error).toMatchObject({ name: 'NodeOperationError', context: { itemIndex: 1 } });
		expect(result.error?.message).toBe("Referenced node doesn't exist");
		expect(norce.sandbox.requests).toHaveLength(1);
	});
});

describe('what cannot run', () => {
	it('refuses an unknown operation before any request', async () => {
		const result = await norce.run({ operation: 'nope', orderId: DEMO.validOrderId });

		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The operation "nope" of resource "order" is not supported',
		});
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('sends nothing for an unknown resource (n8n finds no operation for it)', async () => {
		const result = await norce.run({
			resource: 'invoice',
			operation: 'get',
			orderId: DEMO.validOrderId,
		});

		expect(result.error).toBeDefined();
		expect(result.output).toEqual([]);
		expect(norce.sandbox.requests).toEqual([]);
	});

	it('turns an unusable credential into one error item per item, before any request', async () => {
		const result = await norce.run(byId, {
			items: idsOf(ids()),
			onError: 'continueErrorOutput',
			credentials: { ...norce.credentials, environment: 'production', slug: 'evil.example/x#' },
		});

		expect(norce.sandbox.requests).toEqual([]);
		expect(result.errorOutput.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.errorOutput[2].json).toEqual({
			id: DEMO.validOrderId,
			error: expect.stringContaining('slug'),
			message: 'Fix the "slug" field of the Norce Checkout credential.',
		});
	});

	it('stops on an unusable credential without continue-on-fail, naming the field', async () => {
		const result = await norce.run(byId, {
			items: idsOf(ids()),
			credentials: { ...norce.credentials, merchant: 'norce-demo\r\nX-Injected: 1' },
		});

		expect(norce.sandbox.requests).toEqual([]);
		const error = result.error as unknown as NodeOperationError;
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain('merchant contains a line break or control character');
		expect(error.description).toBe('Fix the "merchant" field of the Norce Checkout credential.');
		expect(error.context.itemIndex).toBe(0);
	});
});

function ids() {
	return [DEMO.failingOrderId, DEMO.warningOrderId, DEMO.validOrderId];
}

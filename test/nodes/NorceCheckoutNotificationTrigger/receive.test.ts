/**
 * Receiving Norce's calls: the sandbox delivers `{notification, order}` over real HTTP to a
 * stand-in of n8n's webhook endpoint (test/helpers/webhookRuntime.ts), which runs the node in
 * n8n-core's WebhookContext and stores static data the way n8n does.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { recordFigures } from '../../helpers/figures';
import { forgetProcessMemory } from '../../../nodes/NorceCheckoutNotificationTrigger/deliveries';
import { TEST_RETRY_TIMING, useNorceSandbox } from '../../helpers/norceFixture';
import { until } from '../../helpers/until';
import type { WebhookHost } from '../../helpers/webhookRuntime';
import { startWebhookHost } from '../../helpers/webhookRuntime';

const norce = useNorceSandbox();
const NOW = Date.parse('2026-12-10T08:00:00.000Z');

let hosts: WebhookHost[] = [];
async function publish(parameters: INodeParameters = {}) {
	const trigger = await startWebhookHost({
		parameters,
		credentials: norce.credentials,
		dependencies: { timing: TEST_RETRY_TIMING, now: () => NOW },
	});
	hosts.push(trigger);
	await trigger.hook('create');
	norce.sandbox.deliveries.setRetryDelays([0, 0]);
	return trigger;
}
beforeEach(() => forgetProcessMemory());
afterEach(async () => {
	await norce.sandbox.deliveries.settled();
	await Promise.all(hosts.map((h) => h.close()));
	hosts = [];
});

/** Waits until every delivery is over and every call the node got has finished. */
async function settled(trigger: WebhookHost) {
	await norce.sandbox.deliveries.settled();
	await until(() => trigger.calls.finished >= trigger.answers.length);
}

/** POSTs a body to the webhook as anyone could. */
async function call(trigger: WebhookHost, body: unknown) {
	const response = await fetch(trigger.webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await response.text();
	await settled(trigger);
	return response.status;
}

const orderGets = () =>
	norce.sandbox.requests.filter(
		(r) => r.method === 'GET' && r.path.startsWith('/checkout/order/api/v0/checkout/orders/'),
	).length;
const eventsOfOrder = (orderId: string) =>
	norce.sandbox.notificationEvents.filter((event) => event.orderId === orderId);

describe('delivery → items', () => {
	it('emits each status change once, with the polling trigger fields, read back from Norce', async () => {
		const trigger = await publish();
		const order = norce.sandbox.createOrder({ reference: 'R-1' }) as { id: string };
		norce.sandbox.setOrderStatus(order.id, 'processing', '2026-12-10T08:01:00.000Z');
		await settled(trigger);
		norce.sandbox.setOrderStatus(order.id, 'completed', '2026-12-10T08:02:00.000Z');
		await settled(trigger);
		expect(trigger.items()).toEqual([
			{
				event: 'orderStatusChanged',
				orderId: order.id,
				status: 'processing',
				previousStatus: 'checkout',
				changedAt: '2026-12-10T08:01:00.000Z',
				reference: 'R-1',
				cartReference: expect.anything(),
				total: expect.any(Number),
				currency: 'SEK',
			},
			expect.objectContaining({
				status: 'completed',
				previousStatus: 'processing',
				changedAt: '2026-12-10T08:02:00.000Z',
			}),
		]);
		expect(trigger.answers).toEqual([200, 200]);
		expect(orderGets()).toBe(2);
		// Norce logged one successful delivery per change, to our URL, with the documented payload
		const events = eventsOfOrder(order.id);
		const { deliveries } = norce.sandbox;
		expect(events.map((event) => [deliveries.invokeOf(event), deliveries.statusOf(event)])).toEqual(
			[
				[trigger.webhookUrl, 'succeeded'],
				[trigger.webhookUrl, 'succeeded'],
			],
		);
		expect(deliveries.payloadOf(events[0])).toEqual({
			notification: expect.objectContaining({ reference: expect.stringMatching(/^n8n:/) }),
			order: expect.objectContaining({ id: order.id }),
		});
	});

	it('orders created before publishing carry no notification and emit nothing', async () => {
		const before = norce.sandbox.createOrder({}) as { id: string };
		const trigger = await publish();
		norce.sandbox.setOrderStatus(before.id, 'processing');
		await settled(trigger);
		expect(eventsOfOrder(before.id)).toEqual([]);
		expect(trigger.emitted).toEqual([]);
	});

	it('with statuses chosen, Norce delivers only those and only those are emitted', async () => {
		const trigger = await publish({ statuses: ['processing'] });
		const order = norce.sandbox.createOrder({}) as { id: string };
		norce.sandbox.setOrderStatus(order.id, 'processing');
		norce.sandbox.setOrderStatus(order.id, 'completed');
		await settled(trigger);
		expect(eventsOfOrder(order.id)).toHaveLength(1);
		expect(trigger.items().map((item) => item.status)).toEqual(['processing']);
	});

	it('emits the whole order too when Simplify is off', async () => {
		const trigger = await publish({ options: { simplify: false } });
		const order = norce.sandbox.createOrder({}) as { id: string };
		norce.sandbox.setOrderStatus(order.id, 'processing');
		await settled(trigger);
		expect(trigger.items()[0].order).toEqual(expect.objectContaining({ id: order.id }));
	});

	it('a change that happened before the read-back is emitted at the first delivery, not again at its own', async () => {
		const trigger = await publish();
		const order = norce.sandbox.createOrder({}) as { id: string };
		norce.sandbox.setOrderStatus(order.id, 'processing');
		norce.sandbox.setOrderStatus(order.id, 'completed');
		await settled(trigger);
		expect(trigger.items().map((item) => item.status)).toEqual(['processing', 'completed']);
		expect(trigger.emitted).toHaveLength(1);
	});
});

describe('exactly once', () => {
	async function deliveredOnce() {
		const trigger = await publish();
		const order = norce.sandbox.createOrder({}) as { id: string };
		norce.sandbox.setOrderStatus(order.id, 'processing');
		await settled(trigger);
		expect(trigger.items()).toHaveLength(1);
		return { trigger, event: eventsOfOrder(order.id)[0] };
	}

	it('a repeated delivery emits nothing, also after a restart (from static data alone)', async () => {
		const { trigger, event } = await deliveredOnce();
		await norce.sandbox.deliveries.redeliver(event);
		await settled(trigger);
		forgetProcessMemory(); // n8n restarted: only the stored static data is left
		await norce.sandbox.deliveries.redeliver(event);
		await settled(trigger);
		expect(trigger.items()).toHaveLength(1);
		expect(trigger.answers).toEqual([200, 200, 200]);
		const nodeData = trigger.storedStaticData[
			'node:Norce Checkout Notification Trigger'
		] as IDataObject;
		expect(Object.keys(nodeData.remembered as IDataObject)).toHaveLength(1);
	});

	it('twenty copies of a delivery arriving at the same time emit it once', async () => {
		const { trigger, event } = await deliveredOnce();
		forgetProcessMemory();
		const order = norce.sandbox.orders.get(event.orderId as string)!;
		norce.sandbox.setOrderStatus(order.id, 'completed');
		const completed = eventsOfOrder(order.id)[1];
		await Promise.all(
			Array.from({ length: 19 }, () => norce.sandbox.deliveries.redeliver(completed)),
		);
		await settled(trigger);
		expect(trigger.items().map((item) => item.status)).toEqual(['processing', 'completed']);
	});

	it("a test listener receiving the same change does not use up the live trigger's memory", async () => {
		const trigger = await publish();
		await trigger.hook('create', 'manual');
		const order = norce.sandbox.createOrder({}) as { id: string };
		norce.sandbox.setOrderStatus(order.id, 'processing');
		await settled(trigger);
		// Norce called both URLs; each emitted the change once
		expect(
			eventsOfOrder(order.id).map((event) =>
				String(norce.sandbox.deliveries.invokeOf(event)).includes('/webhook-test/'),
			),
		).toEqual([false, true]);
		expect(trigger.items().map((item) => item.orderId)).toEqual([order.id, order.id]);
	});

	it('failed deliveries are retried by Norce and emitted once', async () => {
		const trigger = await publish();
		const order = norce.sandbox.createOrder({}) as { id: string };
		// The first attempt finds no n8n listening; Norce's retry does.
		const { webhookUrl } = trigger;
		const [first] = norce.sandbox.orders.get(order.id)!.notifications as IDataObject[];
		first.invoke = webhookUrl.replace(/:\d+\//, ':1/');
		norce.sandbox.setOrderStatus(order.id, 'processing');
		await norce.sandbox.deliveries.settled();
		const [event] = eventsOfOrder(order.id);
		expect(event.deliveries.map((d) => d.status)).toEqual(['failed', 'failed', 'failed']);
		await norce.sandbox.deliveries.redeliver(event, webhookUrl);
		await settled(trigger);
		expect(event.deliveries.map((d) => d.status)).toEqual([
			'failed',
			'failed',
			'failed',
			'succeeded',
		]);
		expect(trigger.items()).toHaveLength(1);
	});
});

/** An order as a forger would make it up: completed a minute after creation. */
const madeUpOrder = (id: string) => ({
	id,
	state: {
		currentStatus: 'completed',
		transitions: [
			{ status: 'checkout', timeStamp: '2026-12-10T08:00:00Z' },
			{ status: 'completed', timeStamp: '2026-12-10T08:01:00Z' },
		],
	},
});

describe('calls not from Norce', () => {
	it('a forged call about an unknown order is answered 200, costs one read and emits nothing', async () => {
		const trigger = await publish();
		const forged = { notification: { reference: 'x' }, order: madeUpOrder('o_forged') };
		expect(await call(trigger, forged)).toBe(200);
		expect(trigger.emitted).toEqual([]);
		expect(orderGets()).toBe(1);
		expect(trigger.logs).toContainEqual({
			level: 'info',
			message: expect.stringContaining('"o_forged", which Norce does not know'),
		});
	});

	it('a forged call about a real order emits what Norce says, not what the call says', async () => {
		const trigger = await publish();
		const order = norce.sandbox.createOrder({}) as { id: string };
		expect(await call(trigger, madeUpOrder(order.id))).toBe(200);
		expect(trigger.emitted).toEqual([]);
		norce.sandbox.setOrderStatus(order.id, 'processing');
		await settled(trigger);
		expect(trigger.items().map((item) => item.status)).toEqual(['processing']);
	});

	it.each([
		['a body that is not an order', { hello: 'world' }],
		['an order id that is not a string', { order: { id: 42 } }],
		['a notification without an order', { notification: { id: 'n' } }],
		['a list', [{ id: 'o_1' }]],
	])('%s is answered 200 and ignored without a request', async (_, body) => {
		const trigger = await publish();
		expect(await call(trigger, body)).toBe(200);
		expect(trigger.emitted).toEqual([]);
		expect(orderGets()).toBe(0);
	});

	it('with Verify off, the payload is emitted as sent, a bare order too, without reading Norce', async () => {
		const trigger = await publish({ options: { verify: false } });
		const bare = {
			id: 'o_bare',
			reference: 'B-1',
			state: {
				currentStatus: 'processing',
				transitions: [
					{ status: 'checkout', timeStamp: '2026-12-10T08:00:00' },
					{ status: 'processing', timeStamp: '2026-12-10T08:01:00' },
				],
			},
		};
		await call(trigger, bare);
		await call(trigger, { notification: {}, order: bare });
		expect(trigger.items()).toEqual([
			expect.objectContaining({ orderId: 'o_bare', status: 'processing', reference: 'B-1' }),
		]);
		expect(orderGets()).toBe(0);
	});

	it('when Norce cannot be read back, nothing is emitted and n8n logs what to do', async () => {
		const trigger = await publish();
		const order = norce.sandbox.createOrder({}) as { id: string };
		norce.sandbox.addFault({
			kind: 'status',
			match: { method: 'GET', orderId: order.id },
			status: 500,
		});
		norce.sandbox.setOrderStatus(order.id, 'processing');
		await settled(trigger);
		expect(trigger.emitted).toEqual([]);
		expect(trigger.logs).toContainEqual({
			level: 'error',
			message: expect.stringContaining(`could not read order "${order.id}" back from Norce`),
		});
	});
});

describe('figures', () => {
	it('delay from the delivery POST to the emitted item, one change at a time (recorded, not asserted)', async () => {
		const trigger = await publish();
		const delays: number[] = [];
		for (let index = 0; index < 40; index++) {
			const order = norce.sandbox.createOrder({}) as { id: string };
			norce.sandbox.setOrderStatus(order.id, 'processing');
			await settled(trigger);
			const [event] = eventsOfOrder(order.id);
			const attempt = norce.sandbox.deliveries.log.find(
				(a: { eventId: string }) => a.eventId === event.id,
			) as { startedAt: number };
			delays.push(trigger.emitted[index].at - attempt.startedAt);
		}
		expect(trigger.items()).toHaveLength(40);
		const sorted = [...delays].sort((a, b) => a - b);
		recordFigures('notification trigger delay', {
			what: 'sandbox delivery POST started → node returned the item (n8n-core WebhookContext, Verify on: one read-back), ms',
			changes: delays.length,
			medianMs: sorted[Math.floor(sorted.length / 2)],
			p95Ms: sorted[Math.floor(sorted.length * 0.95)],
			maxMs: sorted[sorted.length - 1],
		});
	});
});

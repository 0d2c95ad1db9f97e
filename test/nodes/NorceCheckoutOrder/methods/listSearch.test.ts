/**
 * The From List pickers against the sandbox: what each list names its entries by, that the
 * order list is searched and paged by Norce, that an order's parts come from the order picked
 * first (in any mode), and what a user is told when nothing is picked yet.
 */
import type { INodeParameters } from 'n8n-workflow';

import { listSearch } from '../../../helpers/listSearchRuntime';
import { API, useNorceSandbox, wire } from '../../../helpers/norceFixture';
import { DEMO } from '../../../sandbox';

const norce = useNorceSandbox();

const search = async (
	method: string,
	parameters: INodeParameters = {},
	more: { filter?: string; paginationToken?: string } = {},
) => await listSearch({ method, parameters, credentials: norce.credentials, ...more });

const searchIn = async (
	fixture: typeof norce,
	method: string,
	parameters: INodeParameters = {},
	more: { filter?: string; paginationToken?: string } = {},
) => await listSearch({ method, parameters, credentials: fixture.credentials, ...more });

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const validOrder = { resource: 'payment', orderId: byId(DEMO.validOrderId) };

describe('orders', () => {
	it('names each order by reference, customer, status and date, newest first', async () => {
		const { results, paginationToken } = await search('searchOrders');

		expect(results).toHaveLength(DEMO.counts.se.total);
		expect(paginationToken).toBeUndefined();
		const valid = results.find((entry) => entry.value === DEMO.validOrderId);
		expect(valid?.name).toMatch(/^NC-100482 · Astrid Lindqvist · processing · 2026-04-14 08:12/);
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders?order_by=created&order_by_direction=desc&offset=0&limit=50`,
		]);
	});

	it('sends the search text to Norce and shows only what it finds', async () => {
		const { results } = await search('searchOrders', {}, { filter: ' astrid ' });

		expect(results.map((entry) => entry.value)).toEqual([DEMO.validOrderId]);
		expect(norce.sandbox.requests[0].query).toMatchObject({ search: 'astrid' });
	});

	it("uses the node's Channel option", async () => {
		const { results } = await search('searchOrders', { options: { channel: 'no' } });

		expect(results).toHaveLength(DEMO.counts.no.total);
		expect(norce.sandbox.requests[0].headers['x-channel']).toBe('no');
	});
});

describe('orders, more than a page', () => {
	const paged = useNorceSandbox({ generated: 60 });
	it('pages with the next offset as token until Norce has no more', async () => {
		const first = await searchIn(paged, 'searchOrders');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');

		const second = await searchIn(paged, 'searchOrders', {}, { paginationToken: '50' });
		expect(second.results.length).toBeGreaterThan(0);
		expect(second.paginationToken).toBeUndefined();
		expect(paged.sandbox.requests[1].query).toMatchObject({ offset: '50', limit: '50' });
		const seen = new Set([...first.results, ...second.results].map((entry) => entry.value));
		expect(seen.size).toBe(first.results.length + second.results.length);
	});
});

describe("an order's parts", () => {
	it('payments: name, type, state and amount of the chosen order', async () => {
		const { results } = await search('searchPayments', validOrder);

		const payment = results.find((entry) => entry.value === DEMO.paymentId);
		expect(payment?.name).toMatch(/ · reserved · /);
		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders/${DEMO.validOrderId}/payments`]);
	});

	it('payment actions: type and adapter of the chosen payment', async () => {
		const { results } = await search('searchPaymentActions', {
			...validOrder,
			operation: 'executeAction',
			paymentId: { __rl: true, mode: 'list', value: DEMO.paymentId },
		});

		expect(results).toEqual(
			expect.arrayContaining([
				{ name: 'capture · walley_checkout_adapter', value: DEMO.paymentActionId },
			]),
		);
		expect(results.map((entry) => entry.name.split(' · ')[0]).sort()).toEqual([
			'cancel',
			'capture',
		]);
	});

	it('filters the parts by the search text (name or ID, any case)', async () => {
		const { results } = await search(
			'searchPaymentActions',
			{ ...validOrder, operation: 'executeAction', paymentId: byId(DEMO.paymentId) },
			{ filter: 'CAPT' },
		);
		expect(results.map((entry) => entry.value)).toEqual([DEMO.paymentActionId]);
	});

	it.each([
		['searchShippings', 'shipping', DEMO.shippingId, /confirmed/],
		['searchValidations', 'order', DEMO.validationId, /^onhand_verify · /],
		['searchConsents', 'consent', DEMO.consentId, /^ci_newsletter · .+ · checked/],
		['searchHooks', 'hook', DEMO.hookId, /^ingrid-shipping-adapter · \/cart · /],
		[
			'searchNotifications',
			'notification',
			DEMO.notificationId,
			/^n8n-status-changed · \/state\/currentStatus/,
		],
	])('%s names the entries of the chosen order', async (method, resource, id, name) => {
		const orderId = method === 'searchValidations' ? DEMO.orderWithValidationId : DEMO.validOrderId;
		const { results } = await search(method, { resource, orderId: byId(orderId) });

		const entry = results.find((candidate) => candidate.value === id);
		expect(entry?.name).toMatch(name);
		expect(norce.sandbox.requests).toHaveLength(1);
	});

	it('reads the order picked By Reference (looked up first) or saved as a plain string', async () => {
		const byReference = await search('searchPayments', {
			resource: 'payment',
			orderId: { __rl: true, mode: 'reference', value: DEMO.validOrderReference },
		});
		expect(byReference.results.map((entry) => entry.value)).toContain(DEMO.paymentId);
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders?reference=${DEMO.validOrderReference}&offset=0&limit=100`,
			`GET ${API}/orders/${DEMO.validOrderId}/payments`,
		]);

		const plain = await search('searchPayments', {
			resource: 'payment',
			orderId: DEMO.validOrderId,
		});
		expect(plain.results).toEqual(byReference.results);
	});

	it.each([
		['nothing', { __rl: true, mode: 'list', value: '' }],
		['an expression', { __rl: true, mode: 'id', value: '={{ $json.orderId }}' }],
	])('asks to pick the order first when it is %s, without a request', async (_what, orderId) => {
		await expect(search('searchPayments', { resource: 'payment', orderId })).rejects.toThrow(
			'Pick the order first',
		);
		expect(norce.sandbox.requests).toHaveLength(0);
	});

	it('names the unknown order when Norce does not find it', async () => {
		await expect(
			search('searchShippings', { resource: 'shipping', orderId: byId('o_missing') }),
		).rejects.toThrow(/o_missing/);
	});
});

describe('notification events', () => {
	it("lists the channel's events by time, notification and order, filtered here", async () => {
		const all = await search('searchNotificationEvents', { resource: 'notificationEvent' });
		expect(all.results).toHaveLength(DEMO.notificationEventCounts.se);
		const event = all.results.find((entry) => entry.value === DEMO.notificationEventId);
		expect(event?.name).toMatch(
			new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · .+ · ${DEMO.validOrderId}$`),
		);

		const filtered = await search(
			'searchNotificationEvents',
			{ resource: 'notificationEvent' },
			{ filter: DEMO.declinedOrderId },
		);
		expect(filtered.results.map((entry) => entry.value)).toEqual([DEMO.failedNotificationEventId]);
	});
});

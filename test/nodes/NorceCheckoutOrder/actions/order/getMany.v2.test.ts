/**
 * Node version 2 of Get and Get Many against the sandbox: Simplify on by default (version 1
 * keeps it off and its whole orders), Sort sent as order_by / order_by_direction, and the
 * customer filters sent as repeated keys under Norce's v1 names (inferred for v0).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { API, useNorceSandbox, wire } from '../../../../helpers/norceFixture';
import { DEMO } from '../../../../sandbox';

const norce = useNorceSandbox();

const SIMPLE_KEYS = ['created', 'currency', 'customerEmail', 'id', 'reference', 'status', 'total'];
const keys = (json: IDataObject) => Object.keys(json).sort();

const getMany = (extra: INodeParameters = {}): INodeParameters => ({
	operation: 'getMany',
	returnAll: true,
	...extra,
});
const ids = (result: { output: Array<{ json: IDataObject }> }) =>
	result.output.map((item) => item.json.id);
const query = () => norce.sandbox.requests[0].query;

describe('Simplify by version', () => {
	it('is on by default in version 2, for Get and Get Many', async () => {
		const many = await norce.run(getMany({ limit: 3, returnAll: false }), { typeVersion: 2 });
		expect(many.output).toHaveLength(3);
		for (const item of many.output) expect(keys(item.json)).toEqual(SIMPLE_KEYS);

		const one = await norce.run(
			{ operation: 'get', orderId: { __rl: true, mode: 'list', value: DEMO.validOrderId } },
			{ typeVersion: 2 },
		);
		expect(one.output[0].json).toMatchObject({
			id: DEMO.validOrderId,
			reference: DEMO.validOrderReference,
			customerEmail: DEMO.validOrderBillingEmail,
		});
		expect(keys(one.output[0].json)).toEqual(SIMPLE_KEYS);
	});

	it('stays off in version 1: a saved workflow keeps its whole orders', async () => {
		const many = await norce.run(getMany({ limit: 3, returnAll: false }), { typeVersion: 1 });
		for (const item of many.output) expect(item.json).toHaveProperty('cart');

		const one = await norce.run(
			{ operation: 'get', orderId: DEMO.validOrderId },
			{ typeVersion: 1 },
		);
		expect(one.output[0].json).toHaveProperty('cart');
		expect(one.output[0].json).toHaveProperty('customer');
	});

	it('can be turned off in version 2 and on in version 1', async () => {
		const off = await norce.run(
			{ operation: 'get', orderId: DEMO.validOrderId, simplify: false },
			{ typeVersion: 2 },
		);
		expect(off.output[0].json).toHaveProperty('cart');
		const on = await norce.run(
			{ operation: 'get', orderId: DEMO.validOrderId, simplify: true },
			{ typeVersion: 1 },
		);
		expect(keys(on.output[0].json)).toEqual(SIMPLE_KEYS);
	});
});

describe('Sort', () => {
	it('sends nothing when not set: Norce lists newest first', async () => {
		await norce.run(getMany({ limit: 2, returnAll: false }), { typeVersion: 2 });
		expect(wire(norce.sandbox)).toEqual([`GET ${API}/orders?offset=0&limit=2`]);
	});

	it.each([
		['cartTotal', 'asc', (a: number, b: number) => a <= b],
		['cartTotal', 'desc', (a: number, b: number) => a >= b],
	])('by %s %s: the orders come sorted', async (field, direction, inOrder) => {
		const result = await norce.run(getMany({ simplify: false, sort: { field, direction } }), {
			typeVersion: 2,
		});

		expect(query()).toMatchObject({ order_by: field, order_by_direction: direction });
		const totals = result.output.map(
			(item) => ((item.json.cart as IDataObject).total as IDataObject).includingVat as number,
		);
		expect(totals).toHaveLength(DEMO.counts.se.total);
		for (let i = 1; i < totals.length; i++) expect(inOrder(totals[i - 1], totals[i])).toBe(true);
	});

	it('by billing email, ascending: the order of the emails', async () => {
		const result = await norce.run(
			getMany({ sort: { field: 'billingEmail', direction: 'asc' }, limit: 3, returnAll: false }),
			{ typeVersion: 2 },
		);
		const emails = result.output.map((item) => String(item.json.customerEmail));
		expect(emails).toEqual([...emails].sort());
	});

	it('sends only what is set: a direction alone', async () => {
		await norce.run(getMany({ limit: 1, returnAll: false, sort: { direction: 'asc' } }), {
			typeVersion: 2,
		});
		expect(wire(norce.sandbox)).toEqual([
			`GET ${API}/orders?order_by_direction=asc&offset=0&limit=1`,
		]);
	});

	it('refuses a field from an expression that Norce does not sort by, before any request', async () => {
		const result = await norce.run(getMany({ sort: { field: '={{ "lastModified" }}' } }), {
			typeVersion: 2,
		});
		expect(result.error?.message).toBe(
			'Sort Field "lastModified" is not one of created, billingEmail, billingName, cartTotal (item 0)',
		);
		expect(wire(norce.sandbox)).toEqual([]);
	});

	it('is offered in version 1 too, without changing what version 1 sends by default', async () => {
		await norce.run(getMany({ limit: 1, returnAll: false, sort: { field: 'billingName' } }), {
			typeVersion: 1,
		});
		expect(query()).toMatchObject({ order_by: 'billingName' });
	});
});

describe('customer filters', () => {
	it('sends each as repeated keys under its Norce name, and Norce filters by them', async () => {
		const result = await norce.run(
			getMany({
				filters: {
					billingEmails: ` ${DEMO.validOrderBillingEmail.toUpperCase()} , nobody@example.com`,
					shippingNames: 'Astrid Lindqvist',
					billingPhones: '+46701234001',
					countries: 'se',
				},
			}),
			{ typeVersion: 2 },
		);

		expect(ids(result)).toEqual([DEMO.validOrderId]);
		const [request] = norce.sandbox.requests;
		expect(request.query).toMatchObject({
			billing_emails: [DEMO.validOrderBillingEmail.toUpperCase(), 'nobody@example.com'],
			shipping_names: 'Astrid Lindqvist',
			billing_phones: '+46701234001',
			countries: 'se',
		});
		expect(request.rawQuery).toContain(
			`billing_emails=${encodeURIComponent(DEMO.validOrderBillingEmail.toUpperCase())}&billing_emails=nobody%40example.com`,
		);
	});

	it('takes a list from an expression, and leaves out blank filters', async () => {
		const result = await norce.run(
			getMany({
				filters: {
					shippingEmails: `={{ ["${DEMO.validOrderBillingEmail}"] }}`,
					billingNames: ' , ',
					shippingCountries: '',
				},
			}),
			{ typeVersion: 2 },
		);

		expect(ids(result)).toEqual([DEMO.validOrderId]);
		expect(Object.keys(query()).sort()).toEqual(['limit', 'offset', 'shipping_emails']);
	});

	it('finds nothing for a country no order of the channel has', async () => {
		const result = await norce.run(getMany({ filters: { billingCountries: 'NO' } }), {
			typeVersion: 2,
		});
		expect(result.output).toEqual([]);
		expect(result.error).toBeUndefined();
	});
});

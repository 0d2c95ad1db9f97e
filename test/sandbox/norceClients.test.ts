/**
 * Contract: every Order API v0 and Notification Service request of Norce's own API clients
 * (norce-order-api.md §11: the Bruno collections NorceTech/checkout-collection @64dbf30, "CC",
 * and NorceTech/norce-checkout-training-collection @bd35742, "TR") replayed against the sandbox
 * with the same method, path, query, headers and body keys (the values are ours). Any refusal
 * fails, and each answer must have the shape Norce documents or the client reads.
 *
 * Variables are carried from request to request as the collections do (`vars:post-response`):
 * orderId from a create, paymentId and shippingId from their 201 `{id}`, eventId from the first
 * event of the list. CC "Update Shipping" PUTs to a fixed id from Norce's tenant; here it is the
 * id of the shipping created just before it.
 */
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';

type Vars = Record<string, string>;
// The answers as parsed JSON: their shape is what each row checks.
type Json = { id: string; data: Json[]; [field: string]: unknown };

interface ClientRequest {
	/** §11 row and file, e.g. '9 CC/Order/Create order.bru'. */
	file: string;
	method: 'GET' | 'POST' | 'PUT';
	service: 'order' | 'notification';
	/** After the service base, with {{vars}}. */
	path: string;
	query?: Record<string, string>;
	/** The JSON body Norce's client sends (its keys; our values). */
	body?: unknown;
	/** What the client reads or the docs promise. */
	expect: 'created' | 'empty' | 'object' | 'page' | 'array' | 'events' | 'event' | 'ok';
	/** `vars:post-response`: name → reader of the answer. */
	keep?: Record<string, (json: Json) => string>;
}

const item = {
	reference: 'item-1',
	name: 'Thing',
	quantity: 1,
	price: { includingVat: 125, excludingVat: 100 },
	total: { includingVat: 125, excludingVat: 100 },
	originalTotal: { includingVat: 125, excludingVat: 100 },
	vatRate: 0.25,
	attributes: { colour: 'blue' },
};
const total = { includingVat: 125, excludingVat: 100 };
const cart = { items: [item], total };
const address = {
	givenName: 'Ada',
	familyName: 'Lovelace',
	streetAddress: 'Storgatan 1',
	streetAddress2: 'Lgh 1001',
	postalCode: '111 22',
	city: 'Stockholm',
	country: 'SE',
	phone: '0701234567',
	email: 'ada@example.com',
};
const personAddress = { type: 'Person', ...address };
// TR: no streetAddress2, country lower case, attributes with null values.
const trPerson = {
	type: 'Person',
	...Object.fromEntries(Object.entries(address).filter(([key]) => key !== 'streetAddress2')),
	country: 'se',
	attributes: { nationalIdentificationNumber: null, dateOfBirth: null, vatId: null },
};
const hook = { subscribeTo: '/reference', invoke: 'https://receiver.example.com/hook' };
const notification = {
	reference: 'contract-notification',
	description: 'Tell the receiver about reference changes',
	scope: '/reference',
	invoke: 'https://receiver.example.com/notification',
};
const payment = { reference: 'pay-1', name: 'Invoice', type: 'default', amount: 125 };
const shipping = { reference: 'ship-1', name: 'Home delivery', total, vatRate: 0.25 };
const createdId = { orderId: (json: Json) => json.id };

const ORDERS = '/api/v0/checkout/orders';
const ORDER = `${ORDERS}/{{orderId}}`;
/** One Order API request of the collections; `more`: body, query, keep. */
const order = (
	file: string,
	method: ClientRequest['method'],
	path: string,
	expected: ClientRequest['expect'],
	more: Partial<ClientRequest> = {},
): ClientRequest => ({ file, method, service: 'order', path, expect: expected, ...more });
const teapot = 'https://receiver.example.com/teapot';
const T1 = 'CC/Tutorials/1 - Basic Checkout/';
const T2 = 'CC/Tutorials/2 - Non-PSP adapter/';
const TRN = 'TR/Purchase Non-PSP [Checkout] Additional Operations/';
const cartTwo = { reference: 'contract-cart-2', items: [{ ...item, sku: 'S001' }], total };

const REQUESTS: ClientRequest[] = [
	// CC "Order" folder, in the collection's order, plus its notification requests.
	order('9 CC/Order/Create order.bru', 'POST', ORDERS, 'created', {
		body: {
			merchant: '{{merchant}}',
			channel: '{{channel}}',
			culture: 'sv-SE',
			currency: 'SEK',
			country: 'SE',
			cart,
		},
		keep: createdId,
	}),
	order('10 CC/Order/Get order.bru', 'GET', ORDER, 'object'),
	order('11 CC/Order/Orders.bru', 'GET', ORDERS, 'page', {
		query: { cart_reference: 'basket-123' },
	}),
	order('8 CC/Order/Cart.bru', 'PUT', `${ORDER}/cart`, 'ok', { body: cart }),
	order('6 CC/Order/Callbacks/Create hook.bru', 'POST', `${ORDER}/hooks`, 'ok', { body: hook }),
	order('4 CC/Order/Callbacks/Create bad hook.bru', 'POST', `${ORDER}/hooks`, 'ok', {
		body: { ...hook, invoke: teapot },
	}),
	order('7 CC/Order/Callbacks/Create notification.bru', 'POST', `${ORDER}/notifications`, 'ok', {
		body: notification,
	}),
	order(
		'5 CC/Order/Callbacks/Create bad notification.bru',
		'POST',
		`${ORDER}/notifications`,
		'ok',
		{
			body: { ...notification, invoke: teapot },
		},
	),
	order('18 CC/Order/Update reference.bru', 'PUT', `${ORDER}/reference`, 'empty', {
		body: 'contract-reference',
	}),
	order('12 CC/Order/Payments/Add payment.bru', 'POST', `${ORDER}/payments`, 'created', {
		body: payment,
		keep: { paymentId: (json) => json.id },
	}),
	order('13 CC/Order/Payments/Payment.bru', 'GET', `${ORDER}/payments/{{paymentId}}`, 'object'),
	order('14 CC/Order/Shippings/Customer.bru', 'PUT', `${ORDER}/customer/shipping`, 'ok', {
		body: address,
	}),
	order('15 CC/Order/Shippings/Shipping.bru', 'POST', `${ORDER}/shippings`, 'created', {
		body: { ...shipping, state: 'removed' },
		keep: { shippingId: (json) => json.id },
	}),
	order(
		'16 CC/Order/Shippings/Update Shipping.bru',
		'PUT',
		`${ORDER}/shippings/{{shippingId}}`,
		'object',
		{
			body: { ...shipping, state: 'removed' },
		},
	),
	order('17 CC/Order/State.bru', 'PUT', `${ORDER}/state`, 'empty', {
		body: { currentStatus: 'completed' },
	}),
	{
		file: '1 CC/Notification/Get notifications.bru',
		method: 'GET',
		service: 'notification',
		path: '/api/v1/events',
		query: { orderId: '{{orderId}}' },
		expect: 'events',
		keep: { eventId: (json) => json.data[0].id },
	},
	{
		file: '2 CC/Notification/Notification.bru',
		method: 'GET',
		service: 'notification',
		path: '/api/v1/events/{{eventId}}',
		expect: 'event',
	},
	{
		file: '3 CC/Notification/Retry Notification.bru',
		method: 'POST',
		service: 'notification',
		path: '/api/v1/events/{{eventId}}/retry',
		expect: 'ok',
	},

	// CC Tutorials.
	order('19 CC/Tutorials/0 - Quick Start/Get order.bru', 'GET', ORDER, 'object'),
	order(`21 ${T1}Create order.bru`, 'POST', ORDERS, 'created', {
		body: { merchant: '{{merchant}}', channel: '{{channel}}', cart },
		keep: createdId,
	}),
	order(`22 ${T1}Customer.bru`, 'PUT', `${ORDER}/customer/shipping`, 'ok', {
		body: personAddress,
	}),
	order(`24 ${T1}Shipping.bru`, 'POST', `${ORDER}/shippings`, 'created', {
		body: shipping,
	}),
	order(`20 ${T1}Add payment.bru`, 'POST', `${ORDER}/payments`, 'created', {
		body: payment,
	}),
	order(`23 ${T1}Get order.bru`, 'GET', ORDER, 'object'),
	order(`25 ${T1}State.bru`, 'PUT', `${ORDER}/state`, 'empty', {
		body: { currentStatus: 'processing' },
	}),
	order(`27 ${T2}Create order.bru`, 'POST', ORDERS, 'created', {
		body: {
			merchant: '{{merchant}}',
			channel: '{{channel}}',
			cart: cartTwo,
			customer: { billing: personAddress, shipping: personAddress },
		},
		keep: createdId,
	}),
	order(`26 ${T2}Cart.bru`, 'PUT', `${ORDER}/cart`, 'ok', {
		body: cart,
	}),
	order(`29 ${T2}Shipping.bru`, 'POST', `${ORDER}/shippings`, 'created', {
		body: shipping,
	}),
	order(`28 ${T2}Get order.bru`, 'GET', ORDER, 'object'),
	order('30 CC/Tutorials/3 - Norce adapter/Get order.bru', 'GET', ORDER, 'object'),

	// TR.
	order('31 TR/Purchase Adyen [Checkout]/[Order] Get Order.bru', 'GET', ORDER, 'object'),
	order(`32 ${TRN}[Order] Customer Billing.bru`, 'PUT', `${ORDER}/customer/billing`, 'ok', {
		body: trPerson,
	}),
	order(`33 ${TRN}[Order] Customer Shipping.bru`, 'PUT', `${ORDER}/customer/shipping`, 'ok', {
		body: trPerson,
	}),
	order('34 TR/Purchase Walley [Checkout]/[Order] Get Order.bru', 'GET', ORDER, 'object'),
];

/** Documented event fields (docs.norce.io notification-read, NotificationEvent). */
const EVENT_FIELDS = ['channel', 'createdAt', 'id', 'merchant', 'notification', 'orderId'];
const EVENT_NOTIFICATION_FIELDS = [
	'adapterId',
	'description',
	'id',
	'invoke',
	'reference',
	'schema',
	'scope',
];

function fill(text: string, vars: Vars): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
		if (vars[name] === undefined) throw new Error(`variable ${name} is not set yet`);
		return vars[name];
	});
}

function fillBody(value: unknown, vars: Vars): unknown {
	if (typeof value === 'string') return fill(value, vars);
	if (Array.isArray(value)) return value.map((entry) => fillBody(entry, vars));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, fillBody(entry, vars)]),
		);
	return value;
}

function expectEvent(event: Json, orderId: string) {
	expect(Object.keys(event).sort()).toEqual(EVENT_FIELDS);
	expect(event.orderId).toBe(orderId);
	for (const key of Object.keys(event.notification as object))
		expect(EVENT_NOTIFICATION_FIELDS).toContain(key);
}

describe("Norce's own client requests (norce-order-api.md §11) against the sandbox", () => {
	let sandbox: Sandbox;
	const vars: Vars = {};

	beforeAll(async () => {
		sandbox = await startSandbox();
		vars.merchant = sandbox.merchant;
		vars.channel = 'se';
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('lists all 34 requests of §11, once each', () => {
		const rows = REQUESTS.map((request) => Number(request.file.split(' ')[0])).sort(
			(a, b) => a - b,
		);
		expect(rows).toEqual(Array.from({ length: 34 }, (_, index) => index + 1));
	});

	it.each(REQUESTS.map((request) => [request.file, request] as const))(
		'%s',
		async (_file, request) => {
			const base = request.service === 'order' ? sandbox.baseUrl : sandbox.notificationBaseUrl;
			const url = new URL(`${base}${fill(request.path, vars)}`);
			for (const [name, value] of Object.entries(request.query ?? {}))
				url.searchParams.set(name, fill(value, vars));
			// Every request of both collections sends these; with a body also Content-Type.
			const headers: Record<string, string> = {
				authorization: `Bearer ${sandbox.apiKey}`,
				'x-merchant': vars.merchant,
				'x-channel': vars.channel,
			};
			if (request.body !== undefined) headers['content-type'] = 'application/json';
			const response = await fetch(url, {
				method: request.method,
				headers,
				body: request.body === undefined ? undefined : JSON.stringify(fillBody(request.body, vars)),
			});
			const text = await response.text();
			const json = (text === '' ? undefined : JSON.parse(text)) as Json;

			expect({
				status: response.status,
				refused: response.status >= 300 ? json : undefined,
			}).toEqual({
				status: request.expect === 'created' ? 201 : 200,
				refused: undefined,
			});
			switch (request.expect) {
				case 'created':
					expect(typeof json.id).toBe('string');
					break;
				case 'empty':
					expect(text).toBe('');
					break;
				case 'object':
					expect(typeof json.id).toBe('string');
					break;
				case 'page':
					expect(Array.isArray(json.data)).toBe(true);
					break;
				case 'events':
					expect(json.data.length).toBeGreaterThan(0);
					for (const event of json.data) expectEvent(event, vars.orderId);
					break;
				case 'event':
					expectEvent(json, vars.orderId);
					break;
				default:
					break;
			}
			for (const [name, read] of Object.entries(request.keep ?? {})) vars[name] = read(json);
		},
	);
});

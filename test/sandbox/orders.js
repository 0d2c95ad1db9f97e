// @ts-check
'use strict';
/**
 * Demo orders of the Norce Checkout sandbox and the small builders they share
 * with the generated orders (generated-orders.js).
 *
 * Orders follow the v0 Order schema (norce-order-api.md §6). The sandbox-internal
 * fields are `validation`, which scripts what `POST …/validate` answers, and
 * `paymentTransactions` (demo-extras.js); public.js `toPublicOrder` strips them.
 * demo-extras.js adds payment actions, consents, a hook and notifications.
 */

const { deriveId } = require('./derive');
const { DEMO_EXTRAS, decorateDemoOrders } = require('./demo-extras');

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').Order} Order
 * @typedef {import('./index').OrderStatus} OrderStatus
 * @typedef {import('./index').ValidationBehaviour} ValidationBehaviour
 * @typedef {import('./index').ValidationResult} ValidationResult
 * @typedef {import('./index').Price} Price
 * @typedef {import('./index').Address} Address
 * @typedef {import('./index').Callback} Callback
 */

const DEFAULT_MERCHANT = 'norce-demo';

/** @type {readonly OrderStatus[]} */
const ORDER_STATUSES = ['checkout', 'processing', 'accepted', 'completed', 'declined', 'removed'];

/** Locale per channel; unknown channels fall back to English/EUR. */
const CHANNEL_LOCALES =
	/** @type {Record<string, {culture: string, currency: string, country: string}>} */ ({
		se: { culture: 'sv-SE', currency: 'SEK', country: 'SE' },
		no: { culture: 'nb-NO', currency: 'NOK', country: 'NO' },
	});
const FALLBACK_LOCALE = { culture: 'en-GB', currency: 'EUR', country: 'DE' };

/** @param {string} channel */
function localeFor(channel) {
	return CHANNEL_LOCALES[channel] || FALLBACK_LOCALE;
}

const ADAPTER_URLS = /** @type {Record<string, string>} */ ({
	norce_adapter:
		'https://norce-demo.api-se.playground.norce.tech/checkout/norce-adapter/api/v1/orders/{order_id}/validate',
	walley_checkout_adapter:
		'https://norce-demo.api-se.playground.norce.tech/checkout/walley-adapter/api/v1/orders/{order_id}/validate',
	'ingrid-shipping-adapter':
		'https://norce-demo.api-se.playground.norce.tech/checkout/ingrid-adapter/api/v1/orders/{order_id}/validate',
	onhand_verify: 'https://onhand-verify.example.com/norce/orders/{order_id}/verify',
});

/** Stable ids the tests rely on (also declared as literals in index.d.ts). */
const DEMO = Object.freeze({
	merchant: DEFAULT_MERCHANT,
	validOrderId: 'o_FpCZIBTVdZkkZdtbdJWQMdGzkU',
	validOrderReference: 'NC-100482',
	validOrderCartReference: 'cart-7f3a9c21',
	validOrderBillingEmail: 'astrid.lindqvist@example.com',
	warningOrderId: 'o_dPhbLMSQRMbrhItpPqTDkyDvpR',
	failingOrderId: 'o_FsLEuDmeEBxpxeOkgSFGWmyuGJ',
	failingErrorsObjectOrderId: 'o_dNNEavQxjliFEqIgSfZhneJwJb',
	threeFailuresOrderId: 'o_dagzdZqhlqyAYKFioPNzeLMdfq',
	declinedOrderId: 'o_eoaiqpBZBEVWWDMehyWHbjNOLP',
	orderWithValidationId: 'o_mjGaoONwtAnpRoEdTJxjRolxOs',
	validationId: 'oc_DfxbVhrfZNawRjkWYyNFRIIsPh',
	otherChannelOrderId: 'o_vclIJxGmpaTWfurOTfkfJqAZmJ',
	specialCharsOrderId: 'o_edge/id?x=1&y#z %25ü+',
	counts: Object.freeze({
		total: 17,
		se: Object.freeze({
			total: 13,
			checkout: 3,
			processing: 7,
			accepted: 1,
			completed: 1,
			declined: 1,
			removed: 0,
		}),
		no: Object.freeze({
			total: 4,
			checkout: 1,
			processing: 1,
			accepted: 0,
			completed: 1,
			declined: 0,
			removed: 1,
		}),
	}),
	...DEMO_EXTRAS,
});

// ---------------------------------------------------------------------------
// Small builders (keep the seed table below readable)
// ---------------------------------------------------------------------------

/** @param {number} value */
const round2 = (value) => Math.round(value * 100) / 100;

/** @param {number} includingVat @param {number} vatRate @returns {Price} */
function price(includingVat, vatRate) {
	return { includingVat: round2(includingVat), excludingVat: round2(includingVat / (1 + vatRate)) };
}

/** @param {string} iso @param {number} minutes */
function addMinutes(iso, minutes) {
	return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** Status path an order went through to reach `status`. @type {Record<OrderStatus, OrderStatus[]>} */
const STATUS_PATHS = {
	checkout: ['checkout'],
	processing: ['checkout', 'processing'],
	accepted: ['checkout', 'processing', 'accepted'],
	completed: ['checkout', 'processing', 'accepted', 'completed'],
	declined: ['checkout', 'processing', 'declined'],
	removed: ['checkout', 'removed'],
};

/**
 * @typedef {object} PersonSeed
 * @property {string} givenName @property {string} familyName @property {string} [email]
 * @property {string} phone @property {string} street @property {string} postalCode @property {string} city
 * @property {string} [organizationName] @property {string} [organizationIdentificationNumber]
 */

/** @param {PersonSeed} person @param {string} country @returns {Address} */
function address(person, country) {
	/** @type {Address} */
	const result = {
		type: person.organizationName ? 'organization' : 'person',
		givenName: person.givenName,
		familyName: person.familyName,
		streetAddress: person.street,
		postalCode: person.postalCode,
		city: person.city,
		country,
		phone: person.phone,
	};
	if (person.email) result.email = person.email;
	if (person.organizationName) {
		result.organizationName = person.organizationName;
		result.organizationIdentificationNumber = person.organizationIdentificationNumber;
	}
	return result;
}

/** Catalogue: sku → [name, unit price incl. VAT in SEK, unit price in NOK, product type]. */
const PRODUCTS =
	/** @type {Record<string, [string, number, number, 'physical'|'digital'|'giftCard']>} */ ({
		'NC-TSHIRT-BLK-M': ['Organic T-shirt, black, M', 299, 399, 'physical'],
		'NC-HOODIE-GRY-L': ['Zip hoodie, grey melange, L', 799, 999, 'physical'],
		'NC-SOCKS-3PK': ['Wool socks 3-pack', 149, 199, 'physical'],
		'NC-CAP-NVY': ['Baseball cap, navy', 249, 329, 'physical'],
		'NC-JACKET-RAIN-M': ['Rain jacket, olive, M', 1499, 1899, 'physical'],
		'NC-MUG-STONE': ['Stoneware mug 35 cl', 189, 249, 'physical'],
		'NC-BOTTLE-750': ['Steel bottle 750 ml', 279.5, 349.5, 'physical'],
		'NC-EBOOK-CARE': ['Garment care guide (e-book)', 79, 99, 'digital'],
	});

/**
 * @typedef {object} OrderSeed
 * @property {string} id @property {string} channel @property {OrderStatus} status
 * @property {string} created ISO date-time (fixed, 2026)
 * @property {string} reference @property {string} cartReference
 * @property {PersonSeed} person
 * @property {Array<[string, number]>} items [sku, quantity]
 * @property {number} shippingFee including VAT
 * @property {string[]} validators adapter ids registered as validations
 * @property {string} [validationId] fixed id for the first registered validation
 * @property {ValidationBehaviour} validation scripted answer of POST …/validate
 * @property {string} [paymentAdapter]
 */

/** @param {OrderSeed} seed @param {string} merchant @returns {SandboxOrder} */
function buildOrder(seed, merchant) {
	const locale = localeFor(seed.channel);
	const vatRate = 0.25;
	const items = seed.items.map(([sku, quantity], index) => {
		const [name, sek, nok, productType] = PRODUCTS[sku];
		const unit = locale.currency === 'NOK' ? nok : sek;
		const itemVat = productType === 'digital' ? 0.06 : vatRate;
		return {
			id: deriveId('ci_', `${seed.id}/item/${index}`),
			reference: sku,
			name,
			sku,
			productType,
			url: `https://shop.example.com/p/${sku.toLowerCase()}`,
			imageUrl: `https://cdn.example.com/img/${sku.toLowerCase()}.jpg`,
			quantity,
			unit: 'pcs',
			price: price(unit, itemVat),
			total: price(unit * quantity, itemVat),
			originalTotal: price(unit * quantity, itemVat),
			vatRate: itemVat,
			discounts: [],
			attributes: {},
		};
	});
	const cartTotal = items.reduce(
		(sum, item) => ({
			includingVat: round2(sum.includingVat + item.total.includingVat),
			excludingVat: round2(sum.excludingVat + item.total.excludingVat),
		}),
		{ includingVat: 0, excludingVat: 0 },
	);
	const shippingPrice = price(seed.shippingFee, vatRate);
	const total = {
		includingVat: round2(cartTotal.includingVat + shippingPrice.includingVat),
		excludingVat: round2(cartTotal.excludingVat + shippingPrice.excludingVat),
	};
	const path = STATUS_PATHS[seed.status];
	const transitions = path.map((status, index) => ({
		status,
		timeStamp: addMinutes(seed.created, index === 0 ? 0 : 7 + index * 90),
	}));
	const placed = seed.status !== 'checkout' && seed.status !== 'removed';
	/** @type {Callback[]} */
	const validations = seed.validators.map((adapterId, index) => ({
		id:
			index === 0 && seed.validationId
				? seed.validationId
				: deriveId('oc_', `${seed.id}/validation/${adapterId}`),
		adapterId,
		url: ADAPTER_URLS[adapterId],
	}));
	const billing = address(seed.person, locale.country);
	return {
		id: seed.id,
		merchant,
		channel: seed.channel,
		reference: seed.reference,
		created: seed.created,
		lastModified: transitions[transitions.length - 1].timeStamp,
		state: { currentStatus: seed.status, transitions },
		culture: locale.culture,
		currency: locale.currency,
		country: locale.country,
		cart: { reference: seed.cartReference, items, discounts: [], total: cartTotal, attributes: {} },
		shippings: [
			{
				id: deriveId('s_', `${seed.id}/shipping`),
				merchant,
				channel: seed.channel,
				state: placed ? 'confirmed' : 'intent',
				reference: placed ? `SHP-${seed.reference}` : undefined,
				orderId: seed.id,
				adapterId: 'ingrid-shipping-adapter',
				name: seed.shippingFee === 0 ? 'Instabox (free)' : 'PostNord MyPack Collect',
				total: shippingPrice,
				vatRate,
				attributes: {},
			},
		],
		payments: placed
			? [
					{
						id: deriveId('p_', `${seed.id}/payment`),
						adapterId: seed.paymentAdapter || 'walley_checkout_adapter',
						name: seed.paymentAdapter === 'klarna-checkout' ? 'Klarna' : 'Walley',
						merchant,
						channel: seed.channel,
						currency: locale.currency,
						type: 'default',
						orderId: seed.id,
						amount: total.includingVat,
						state:
							seed.status === 'completed'
								? 'captured'
								: seed.status === 'declined'
									? 'declined'
									: 'reserved',
						reference: deriveId('psp_', `${seed.id}/psp`),
						attributes: {},
					},
				]
			: [],
		customer: {
			type: seed.person.organizationName ? 'organization' : 'person',
			billing,
			shipping: { ...billing },
			attributes: {},
		},
		consents: [
			{
				id: 'ci_newsletter',
				checked: seed.channel === 'se',
				text: 'Send me news and offers',
				required: false,
			},
		],
		validations,
		hooks: [],
		notifications: [],
		total,
		attributes: { source: 'sandbox-demo' },
		validation: seed.validation,
	};
}

/** @type {ValidationBehaviour} */
const VALID = { status: 200, results: [] };

/** @type {OrderSeed[]} Newest first (the list endpoint sorts by `created` anyway). */
const SEEDS = [
	{
		id: DEMO.failingErrorsObjectOrderId,
		channel: 'se',
		status: 'checkout',
		created: '2026-04-15T10:20:00.000Z',
		reference: 'NC-100485',
		cartReference: 'cart-19be0d44',
		person: {
			givenName: 'Sara',
			familyName: 'Wikström',
			email: 'sara.wikstrom@example.com',
			phone: '+46701234005',
			street: 'Kungsgatan 12',
			postalCode: '11135',
			city: 'Stockholm',
		},
		items: [['NC-CAP-NVY', 1]],
		shippingFee: 49,
		validators: ['norce_adapter', 'ingrid-shipping-adapter'],
		validation: {
			status: 400,
			shape: 'errors-object',
			results: [{ code: 'shipping-not-selected', adapterId: 'ingrid-shipping-adapter' }],
		},
	},
	{
		id: DEMO.threeFailuresOrderId,
		channel: 'se',
		status: 'checkout',
		created: '2026-04-15T09:02:41.000Z',
		reference: 'NC-100484',
		cartReference: 'cart-5c2e81aa',
		person: {
			givenName: 'Nils',
			familyName: 'Åkesson',
			phone: '+46701234009',
			street: 'Storgatan 3',
			postalCode: '90326',
			city: 'Umeå',
		},
		items: [
			['NC-JACKET-RAIN-M', 1],
			['NC-SOCKS-3PK', 2],
		],
		shippingFee: 0,
		validators: ['norce_adapter', 'onhand_verify', 'ingrid-shipping-adapter'],
		validation: {
			status: 400,
			results: [
				{ code: 'item-out-of-stock', adapterId: 'onhand_verify', sku: 'NC-JACKET-RAIN-M' },
				{ code: 'shipping-not-selected', adapterId: 'ingrid-shipping-adapter' },
				{ code: 'customer-email-missing', adapterId: 'norce_adapter' },
			],
		},
	},
	{
		id: DEMO.validOrderId,
		channel: 'se',
		status: 'processing',
		created: '2026-04-14T08:12:45.000Z',
		reference: DEMO.validOrderReference,
		cartReference: DEMO.validOrderCartReference,
		person: {
			givenName: 'Astrid',
			familyName: 'Lindqvist',
			email: DEMO.validOrderBillingEmail,
			phone: '+46701234001',
			street: 'Drottninggatan 88',
			postalCode: '11136',
			city: 'Stockholm',
		},
		items: [
			['NC-TSHIRT-BLK-M', 2],
			['NC-SOCKS-3PK', 1],
		],
		shippingFee: 49,
		validators: ['norce_adapter', 'walley_checkout_adapter'],
		validation: VALID,
	},
	{
		id: DEMO.otherChannelOrderId,
		channel: 'no',
		status: 'processing',
		created: '2026-04-14T10:30:00.000Z',
		reference: 'NC-NO-20117',
		cartReference: 'cart-no-3b7711',
		person: {
			givenName: 'Ingrid',
			familyName: 'Haugen',
			email: 'ingrid.haugen@example.com',
			phone: '+4791234001',
			street: 'Karl Johans gate 5',
			postalCode: '0154',
			city: 'Oslo',
		},
		items: [['NC-HOODIE-GRY-L', 1]],
		shippingFee: 79,
		validators: ['norce_adapter'],
		validation: VALID,
	},
	{
		id: DEMO.warningOrderId,
		channel: 'se',
		status: 'processing',
		created: '2026-04-13T17:40:02.000Z',
		reference: 'NC-100481',
		cartReference: 'cart-a04d6f10',
		person: {
			givenName: 'Johan',
			familyName: 'Berg',
			email: 'johan.berg@example.com',
			phone: '+46701234002',
			street: 'Avenyn 21',
			postalCode: '41136',
			city: 'Göteborg',
		},
		items: [
			['NC-HOODIE-GRY-L', 1],
			['NC-MUG-STONE', 2],
		],
		shippingFee: 49,
		validators: ['norce_adapter', 'onhand_verify'],
		validation: {
			status: 200,
			results: [{ code: 'item-low-stock', adapterId: 'onhand_verify', sku: 'NC-HOODIE-GRY-L' }],
		},
	},
	{
		id: 'o_pEfexiXIJdFxjgHdFSIDglffab',
		channel: 'no',
		status: 'checkout',
		created: '2026-04-12T14:55:09.000Z',
		reference: 'NC-NO-20118',
		cartReference: 'cart-no-8e0c52',
		person: {
			givenName: 'Ola',
			familyName: 'Nordmann',
			email: 'ola.nordmann@example.com',
			phone: '+4791234004',
			street: 'Bryggen 9',
			postalCode: '5003',
			city: 'Bergen',
		},
		items: [['NC-BOTTLE-750', 2]],
		shippingFee: 79,
		validators: ['norce_adapter', 'ingrid-shipping-adapter'],
		validation: {
			status: 200,
			results: [
				{
					code: 'shipping-not-selected',
					adapterId: 'ingrid-shipping-adapter',
					severity: 'warning',
				},
			],
		},
	},
	{
		id: DEMO.failingOrderId,
		channel: 'se',
		status: 'processing',
		created: '2026-04-12T11:05:37.000Z',
		reference: 'NC-100480',
		cartReference: 'cart-e2b9c3d7',
		person: {
			givenName: 'Elin',
			familyName: 'Sandberg',
			email: 'elin.sandberg@example.com',
			phone: '+46701234003',
			street: 'Stortorget 4',
			postalCode: '21122',
			city: 'Malmö',
		},
		items: [
			['NC-JACKET-RAIN-M', 1],
			['NC-CAP-NVY', 1],
		],
		shippingFee: 0,
		validators: ['norce_adapter', 'onhand_verify', 'walley_checkout_adapter'],
		validation: {
			status: 400,
			results: [
				{ code: 'item-out-of-stock', adapterId: 'onhand_verify', sku: 'NC-JACKET-RAIN-M' },
				{ code: 'payment-amount-mismatch', adapterId: 'walley_checkout_adapter' },
			],
		},
	},
	{
		id: DEMO.orderWithValidationId,
		channel: 'se',
		status: 'processing',
		created: '2026-04-11T15:22:10.000Z',
		reference: 'NC-100479',
		cartReference: 'cart-0f6a2b90',
		person: {
			givenName: 'Oskar',
			familyName: 'Nyström',
			email: 'oskar.nystrom@example.com',
			phone: '+46701234004',
			street: 'Östra Ågatan 15',
			postalCode: '75322',
			city: 'Uppsala',
		},
		items: [
			['NC-BOTTLE-750', 1],
			['NC-EBOOK-CARE', 1],
		],
		shippingFee: 49,
		validators: ['onhand_verify', 'norce_adapter'],
		validationId: DEMO.validationId,
		validation: VALID,
	},
	{
		id: 'o_avfZoDEULYnlzuOAXOAVuEUyrM',
		channel: 'se',
		status: 'processing',
		created: '2026-04-10T09:48:51.000Z',
		reference: 'NC-100478',
		cartReference: 'cart-44d1e7f3',
		person: {
			givenName: 'Maja',
			familyName: 'Holm',
			email: 'maja.holm@example.com',
			phone: '+46701234006',
			street: 'Hamngatan 2',
			postalCode: '58223',
			city: 'Linköping',
		},
		items: [['NC-TSHIRT-BLK-M', 1]],
		shippingFee: 49,
		validators: ['norce_adapter'],
		validation: VALID,
	},
	{
		id: 'o_UTjmrchIQmCojFHVVmJgQrqKfR',
		channel: 'se',
		status: 'processing',
		created: '2026-04-09T19:03:26.000Z',
		reference: 'NC-100477',
		cartReference: 'cart-b8f09a61',
		person: {
			givenName: 'Karl',
			familyName: 'Ekström',
			email: 'inkop@fjallbackacafe.example.com',
			phone: '+46701234007',
			street: 'Ingrid Bergmans torg 1',
			postalCode: '45071',
			city: 'Fjällbacka',
			organizationName: 'Fjällbacka Café AB',
			organizationIdentificationNumber: '556677-8899',
		},
		items: [
			['NC-MUG-STONE', 12],
			['NC-BOTTLE-750', 4],
		],
		shippingFee: 0,
		paymentAdapter: 'klarna-checkout',
		validators: ['norce_adapter', 'onhand_verify'],
		validation: VALID,
	},
	{
		id: 'o_soFyCWxZdEHiFNEcUywQNiUqfl',
		channel: 'se',
		status: 'processing',
		created: '2026-04-08T07:31:14.000Z',
		reference: 'NC-100476',
		cartReference: 'cart-6d3c5e28',
		person: {
			givenName: 'Erik',
			familyName: 'Johansson',
			email: 'erik.johansson@example.com',
			phone: '+46701234008',
			street: 'Vasagatan 7',
			postalCode: '70210',
			city: 'Örebro',
		},
		items: [['NC-SOCKS-3PK', 3]],
		shippingFee: 49,
		validators: ['norce_adapter'],
		validation: VALID,
	},
	{
		id: 'o_lnHCSCSAgHABOZGJTrVzTXWTCb',
		channel: 'se',
		status: 'accepted',
		created: '2026-04-05T13:14:15.000Z',
		reference: 'NC-100470',
		cartReference: 'cart-c1a7b4e5',
		person: {
			givenName: 'Linnea',
			familyName: 'Karlsson',
			email: 'linnea.karlsson@example.com',
			phone: '+46701234010',
			street: 'Västra Hamngatan 1',
			postalCode: '41117',
			city: 'Göteborg',
		},
		items: [['NC-JACKET-RAIN-M', 1]],
		shippingFee: 0,
		validators: ['norce_adapter'],
		validation: VALID,
	},
	{
		id: 'o_ZYHJERHCPAfoZSZIhIoZGkXAjN',
		channel: 'no',
		status: 'completed',
		created: '2026-04-02T08:00:31.000Z',
		reference: 'NC-NO-20110',
		cartReference: 'cart-no-1d9f04',
		person: {
			givenName: 'Lars',
			familyName: 'Solberg',
			email: 'lars.solberg@example.com',
			phone: '+4791234002',
			street: 'Nordre gate 11',
			postalCode: '7011',
			city: 'Trondheim',
		},
		items: [
			['NC-TSHIRT-BLK-M', 3],
			['NC-CAP-NVY', 1],
		],
		shippingFee: 79,
		validators: ['norce_adapter'],
		validation: VALID,
	},
	{
		id: 'o_KeFbXaSRcwfAcrkwOOWsQCAgDB',
		channel: 'se',
		status: 'completed',
		created: '2026-03-28T16:45:00.000Z',
		reference: 'NC-100455',
		cartReference: 'cart-2e8d7c19',
		person: {
			givenName: 'Viktor',
			familyName: 'Lund',
			email: 'viktor.lund@example.com',
			phone: '+46701234011',
			street: 'Södra Förstadsgatan 30',
			postalCode: '21143',
			city: 'Malmö',
		},
		items: [['NC-HOODIE-GRY-L', 2]],
		shippingFee: 49,
		validators: ['norce_adapter', 'walley_checkout_adapter'],
		validation: VALID,
	},
	{
		id: DEMO.declinedOrderId,
		channel: 'se',
		status: 'declined',
		created: '2026-03-20T12:00:00.000Z',
		reference: 'NC-100440',
		cartReference: 'cart-9a0b1c2d',
		person: {
			givenName: 'Hanna',
			familyName: 'Persson',
			email: 'hanna.persson@example.com',
			phone: '+46701234012',
			street: 'Kyrkogatan 8',
			postalCode: '65224',
			city: 'Karlstad',
		},
		items: [['NC-BOTTLE-750', 1]],
		shippingFee: 49,
		validators: ['walley_checkout_adapter'],
		validation: {
			status: 400,
			results: [{ code: 'payment-amount-mismatch', adapterId: 'walley_checkout_adapter' }],
		},
	},
	{
		id: 'o_ccsJQgEFCiztiIphfRASTXkXjx',
		channel: 'no',
		status: 'removed',
		created: '2026-03-15T21:17:44.000Z',
		reference: 'NC-NO-20101',
		cartReference: 'cart-no-77aa31',
		person: {
			givenName: 'Kari',
			familyName: 'Nordmann',
			email: 'kari.nordmann@example.com',
			phone: '+4791234003',
			street: 'Storgata 20',
			postalCode: '9008',
			city: 'Tromsø',
		},
		items: [['NC-MUG-STONE', 1]],
		shippingFee: 79,
		validators: [],
		validation: VALID,
	},
	{
		// An id full of characters that must be percent-encoded in a path segment.
		id: DEMO.specialCharsOrderId,
		channel: 'se',
		status: 'checkout',
		created: '2026-02-14T12:00:00.000Z',
		reference: 'NC-EDGE-1',
		cartReference: 'cart-edge/1?x',
		person: {
			givenName: 'Test',
			familyName: 'Edgecase',
			email: 'edge+case@example.com',
			phone: '+46701234099',
			street: 'Testvägen 1',
			postalCode: '12345',
			city: 'Teststad',
		},
		items: [['NC-EBOOK-CARE', 1]],
		shippingFee: 0,
		validators: ['norce_adapter'],
		validation: VALID,
	},
];

/**
 * 17 realistic v0 orders on channels `se` (13) and `no` (4), fresh objects on every call.
 * @param {string} [merchant]
 * @returns {SandboxOrder[]}
 */
function demoOrders(merchant = DEFAULT_MERCHANT) {
	return decorateDemoOrders(
		SEEDS.map((seed) => buildOrder(seed, merchant)),
		merchant,
	);
}

module.exports = {
	DEMO,
	DEFAULT_MERCHANT,
	ORDER_STATUSES,
	demoOrders,
	deriveId,
	localeFor,
	price,
	round2,
};

// @ts-check
'use strict';
/**
 * Generated orders for volume tests (soak, benchmark, pagination over thousands).
 * Cheap to build for N up to 50,000+: nested objects that the API never mutates
 * (cart items, customers, empty lists) are shared and frozen.
 */

const { deriveId, localeFor, price } = require('./orders');

/**
 * @typedef {import('./index').SandboxOrder} SandboxOrder
 * @typedef {import('./index').ValidationBehaviour} ValidationBehaviour
 * @typedef {import('./index').ValidationResult} ValidationResult
 */

const GENERATED_CODES = [
	'item-out-of-stock',
	'shipping-not-selected',
	'payment-amount-mismatch',
	'customer-email-missing',
];
const GENERATED_ADAPTERS = [
	'onhand_verify',
	'ingrid-shipping-adapter',
	'walley_checkout_adapter',
	'norce_adapter',
];
const GENERATED_START_MS = Date.UTC(2026, 0, 1);
/** @type {readonly never[]} */
const EMPTY_ARRAY = Object.freeze([]);
const EMPTY_OBJECT = Object.freeze({});

/** @param {number} index 1-based */
function generatedOrderId(index) {
	return `o_gen_${String(index).padStart(6, '0')}`;
}

/** @type {Map<number, ValidationBehaviour>} */
const generatedValidationCache = new Map();

/**
 * Scripted validate answer of generated order `index` (1-based):
 * n = index % 4 results; result k has code GENERATED_CODES[(index+k)%4] and adapter
 * GENERATED_ADAPTERS[(index+k)%4]; n = 0 → 200 [], odd n → 400 array, even n > 0 → 200 (warnings).
 * @param {number} index
 * @returns {ValidationBehaviour}
 */
function generatedOrderValidation(index) {
	// Both the count and the code rotation depend only on index % 4, so 4 shared objects suffice.
	const count = index % 4;
	let behaviour = generatedValidationCache.get(count);
	if (!behaviour) {
		/** @type {ValidationResult[]} */
		const results = [];
		for (let k = 0; k < count; k++) {
			results.push(
				Object.freeze({
					code: GENERATED_CODES[(index + k) % 4],
					adapterId: GENERATED_ADAPTERS[(index + k) % 4],
				}),
			);
		}
		behaviour = Object.freeze({
			status: count % 2 === 1 ? 400 : 200,
			results: Object.freeze(results),
		});
		generatedValidationCache.set(count, behaviour);
	}
	return behaviour;
}

/**
 * N orders `o_gen_000001…` on `channel`, status processing, created one minute apart from
 * 2026-01-01T00:01:00Z (older than every demo order, so demo orders stay on the first page).
 * @param {number} count @param {string} merchant @param {string} channel
 * @returns {SandboxOrder[]}
 */
function generateOrders(count, merchant, channel) {
	const locale = localeFor(channel);
	const carts = [1, 2, 3, 4, 5].map((quantity) => {
		const unit = locale.currency === 'NOK' ? 199 : 149;
		const total = price(unit * quantity, 0.25);
		const item = {
			id: deriveId('ci_', `gen/${channel}/${quantity}`),
			reference: 'NC-SOCKS-3PK',
			name: 'Wool socks 3-pack',
			sku: 'NC-SOCKS-3PK',
			productType: /** @type {'physical'} */ ('physical'),
			quantity,
			unit: 'pcs',
			price: price(unit, 0.25),
			total,
			originalTotal: total,
			vatRate: 0.25,
			discounts: EMPTY_ARRAY,
			attributes: EMPTY_OBJECT,
		};
		return deepFreeze({ reference: '', items: [item], discounts: [], total, attributes: {} });
	});
	const customers = ['Alva', 'Hugo', 'Freja', 'Liam', 'Selma', 'Noah', 'Ebba'].map(
		(givenName, i) => {
			const billing = {
				type: 'person',
				givenName,
				familyName: 'Generated',
				email: `${givenName.toLowerCase()}.generated@example.com`,
				streetAddress: `Genvägen ${i + 1}`,
				postalCode: '11122',
				city: 'Stockholm',
				country: locale.country,
			};
			return deepFreeze({ type: 'person', billing, shipping: billing, attributes: {} });
		},
	);

	/** @type {SandboxOrder[]} */
	const orders = new Array(count);
	for (let index = 1; index <= count; index++) {
		const created = new Date(GENERATED_START_MS + index * 60_000).toISOString();
		const cartTemplate = carts[index % carts.length];
		const id = generatedOrderId(index);
		orders[index - 1] = {
			id,
			merchant,
			channel,
			reference: `GEN-${String(index).padStart(6, '0')}`,
			created,
			lastModified: created,
			state: {
				currentStatus: 'processing',
				transitions: [
					{ status: 'checkout', timeStamp: created },
					{ status: 'processing', timeStamp: created },
				],
			},
			culture: locale.culture,
			currency: locale.currency,
			country: locale.country,
			// cart.reference must be unique per order, so only the cart's outer object is per order.
			cart: {
				reference: `gen-cart-${index}`,
				items: cartTemplate.items,
				discounts: cartTemplate.discounts,
				total: cartTemplate.total,
				attributes: cartTemplate.attributes,
			},
			shippings: EMPTY_ARRAY,
			payments: EMPTY_ARRAY,
			customer: customers[index % customers.length],
			consents: EMPTY_ARRAY,
			validations: [],
			hooks: EMPTY_ARRAY,
			notifications: EMPTY_ARRAY,
			total: cartTemplate.total,
			attributes: EMPTY_OBJECT,
			validation: generatedOrderValidation(index),
		};
	}
	return orders;
}

/** @template T @param {T} value @returns {T} */
function deepFreeze(value) {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

module.exports = { generateOrders, generatedOrderId, generatedOrderValidation };

// Hand-written declarations for test/sandbox/index.js (CommonJS, zero dependencies).
// Keep in sync with the JS: test/sandbox/selftest.js checks the DEMO values against the data.
// The Order API additions and the Notification Service types are in api-types.d.ts (re-exported here).

import type {
	PaymentAction,
	PaymentTransaction,
	SandboxControls,
	SandboxNotificationEvent,
} from './api-types';

export * from './api-types';

// ---------------------------------------------------------------------------
// Norce Order API v0 data (subset the sandbox serves; see norce-order-api.md §6)
// ---------------------------------------------------------------------------

export type OrderStatus =
	| 'checkout'
	| 'processing'
	| 'accepted'
	| 'completed'
	| 'declined'
	| 'removed';

/** Amounts in major currency units. */
export interface Price {
	includingVat: number;
	excludingVat: number;
}

export interface OrderState {
	currentStatus: OrderStatus;
	transitions: Array<{ status: OrderStatus; timeStamp: string }>;
}

export interface Item {
	id: string;
	reference?: string;
	name?: string;
	sku?: string;
	productType?: 'physical' | 'digital' | 'giftCard' | 'bundle';
	url?: string;
	imageUrl?: string;
	quantity: number;
	unit?: string;
	price: Price;
	total: Price;
	originalTotal?: Price;
	vatRate: number;
	discounts?: readonly unknown[];
	attributes?: Record<string, unknown>;
}

export interface Cart {
	reference: string;
	items: readonly Item[];
	discounts: readonly unknown[];
	/** Excluding shipping. */
	total: Price;
	attributes: Record<string, unknown>;
}

export interface Address {
	type?: string;
	givenName?: string;
	familyName?: string;
	careOf?: string;
	organizationName?: string;
	organizationIdentificationNumber?: string;
	streetAddress?: string;
	streetAddress2?: string;
	postalCode?: string;
	city?: string;
	region?: string;
	country?: string;
	phone?: string;
	email?: string;
	[field: string]: unknown;
}

export interface Customer {
	type: 'person' | 'organization' | string;
	billing: Address;
	shipping: Address;
	attributes?: Record<string, unknown>;
}

/** A registered v0 validation (Callback). */
export interface Callback {
	/** e.g. `oc_DfxbVhrfZNawRjkWYyNFRIIsPh` */
	id: string;
	adapterId: string;
	/** May contain the placeholder `{order_id}`. */
	url: string;
	/** Registered in the v1 shape (then `url` is the same value). */
	invoke?: string;
	description?: string;
	reference?: string;
}

export interface Shipping {
	id: string;
	state: string;
	adapterId?: string;
	name?: string;
	reference?: string;
	orderId?: string;
	total: Price;
	vatRate: number;
	[field: string]: unknown;
}

export interface Payment {
	id: string;
	adapterId: string;
	state: string;
	amount?: number;
	currency?: string;
	orderId?: string;
	/** `{id, adapterId, type, url}`; added with POST …/payments/{payment_id}/actions. */
	actions?: PaymentAction[];
	[field: string]: unknown;
}

export interface Consent {
	id: string;
	checked: boolean;
	text?: string;
	required?: boolean;
}

/** v0 Order as served by GET …/orders/{order_id}. */
export interface Order {
	/** e.g. `o_FpCZIBTVdZkkZdtbdJWQMdGzkU` */
	id: string;
	merchant: string;
	channel: string;
	reference: string;
	/** ISO 8601 date-time (UTC, `Z`). */
	created: string;
	lastModified: string;
	state: OrderState;
	culture: string;
	currency: string;
	country: string;
	cart: Cart;
	shippings: readonly Shipping[];
	payments: readonly Payment[];
	customer: Customer;
	consents: readonly Consent[];
	validations: Callback[];
	hooks: readonly unknown[];
	notifications: readonly unknown[];
	/** Including shipping. */
	total: Price;
	attributes: Record<string, unknown>;
}

/** One item of a validate answer. Extra adapter-specific fields (e.g. `sku`) may appear. */
export interface ValidationResult {
	code: string;
	adapterId: string;
	[extra: string]: unknown;
}

/**
 * Sandbox-internal script for POST …/validate (never served by GET):
 * 200 → JSON array `results` (possibly `[]`; non-empty = warnings);
 * 400 → `results` as an array (shape 'array', default) or as `{ "errors": results }` (shape 'errors-object').
 */
export interface ValidationBehaviour {
	status: 200 | 400;
	shape?: 'array' | 'errors-object';
	results: readonly ValidationResult[];
}

/** An order as held by the sandbox: the public Order plus the internal `validation` script. */
export interface SandboxOrder extends Order {
	/** Missing → validate answers 200 `[]`. */
	validation?: ValidationBehaviour;
	/** Payment id → transactions (GET/POST …/payments/{payment_id}/transactions). Never served in the Order. */
	paymentTransactions?: Record<string, PaymentTransaction[]>;
}

export interface Pagination {
	offset: number;
	limit: number;
	/** Items in this page. */
	size: number;
	/** Sum of total.includingVat over the whole filtered set (rounded to 2 decimals). */
	valueSum: number;
	/** Size of the filtered set. */
	totalSize: number;
}

/** Body of GET /api/v0/checkout/orders. */
export interface OrderPage {
	data: Order[];
	pagination: Pagination;
}

/** v0 BaseError. */
export interface BaseError {
	code: string;
	message: string;
}

// ---------------------------------------------------------------------------
// Sandbox
// ---------------------------------------------------------------------------

/** Route names, for fault `match.operation`. The five original ones keep their short names. */
export type Operation =
	| 'validate'
	| 'get'
	| 'getMany'
	| 'removeValidation'
	| 'updateReference'
	| 'order.create'
	| 'order.delete'
	| 'order.updateState'
	| 'order.updateCart'
	| 'order.updateAddress'
	| 'order.updateAttributes'
	| 'order.addValidation'
	| 'consent.create'
	| 'consent.update'
	| 'consent.updateMany'
	| 'consent.delete'
	| 'hook.create'
	| 'hook.delete'
	| 'notification.create'
	| 'notification.delete'
	| 'payment.create'
	| 'payment.get'
	| 'payment.getMany'
	| 'payment.update'
	| 'payment.addActions'
	| 'payment.executeAction'
	| 'payment.getTransactions'
	| 'payment.addTransaction'
	| 'shipping.create'
	| 'shipping.get'
	| 'shipping.getMany'
	| 'shipping.update'
	| 'notificationEvent.getMany'
	| 'notificationEvent.get'
	| 'notificationEvent.retry';

/** Which requests a fault applies to; omitted fields match anything. */
export interface FaultMatch {
	/** HTTP method, case-insensitive. */
	method?: string;
	/** Only set for requests whose path AND method match the operation. */
	operation?: Operation;
	/** Decoded order id. */
	orderId?: string;
	/** Decoded Notification Service event id. */
	eventId?: string;
}

interface FaultRuleBase {
	match?: FaultMatch;
	/** Apply to the first N matching requests, then the rule expires. Default (or null): unlimited. */
	times?: number | null;
	/** Extra response headers (answering kinds only). */
	headers?: Record<string, string>;
}

export type StatusFaultBody = 'base' | 'rfc7807' | 'html' | 'empty' | 'truncated' | 'text';

/**
 * Answer `status` with a body of the given flavour:
 * base → `{code, message}` JSON (code from the status: 429 `too-many-requests`, 500 `internal-server-error`,
 * 502 `bad-gateway`, 503 `service-unavailable`, 504 `gateway-timeout`, …);
 * rfc7807 → `application/problem+json` `{type, title, status, detail, instance, traceId}`;
 * html → `text/html` nginx error page; empty → no body; truncated → `application/json` with cut-off JSON;
 * text → `text/plain` message.
 */
export interface StatusFault extends FaultRuleBase {
	kind: 'status';
	/** Default 500. */
	status?: number;
	/** Default 'base'. */
	body?: StatusFaultBody;
	/** Sent as Retry-After: seconds, or an HTTP date string. */
	retryAfter?: number | string;
	code?: string;
	message?: string;
}

/** `Content-Type: application/json` with body `{not json`. */
export interface InvalidJsonFault extends FaultRuleBase {
	kind: 'invalidJson';
	/** Default 200. */
	status?: number;
}

/** Wait `ms`, then handle the request normally (auth, routing, …). Cleared by close(). */
export interface DelayFault extends FaultRuleBase {
	kind: 'delay';
	ms: number;
}

/** Destroy the socket without answering: 'reset' (default) sends a TCP RST (ECONNRESET), 'close' a FIN. */
export interface DropFault extends FaultRuleBase {
	kind: 'drop';
	mode?: 'reset' | 'close';
}

/** Accept the request and never answer (until the client gives up or close()). */
export interface HangFault extends FaultRuleBase {
	kind: 'hang';
}

/**
 * Answer `status` (default 401) with `{code, message, receivedHeaders}` where `message` contains the received
 * Authorization value and `receivedHeaders` all request headers: a misbehaving server that leaks the token.
 */
export interface HeadersEchoFault extends FaultRuleBase {
	kind: 'headersEcho';
	status?: number;
}

export type FaultRule =
	| StatusFault
	| InvalidJsonFault
	| DelayFault
	| DropFault
	| HangFault
	| HeadersEchoFault;

/**
 * '429' → 429 BaseError with Retry-After 0 or 1; '500'/'502'/'503'/'504' → BaseError with that status;
 * 'reset' → drop (RST); 'timeout' → delay `timeoutMs` then answer normally; 'hang' → never answer;
 * 'invalidJson' → 200 `{not json`.
 */
export type RandomFaultKind =
	| '429'
	| '500'
	| '502'
	| '503'
	| '504'
	| 'reset'
	| 'timeout'
	| 'hang'
	| 'invalidJson';

/**
 * Seeded random faults (mulberry32). Per request (only those matching `match`, and only when no explicit
 * rule applied): one draw `< rate` decides a fault, a second draw picks the kind (and for '429' a third
 * picks Retry-After). Deterministic for a given seed and request arrival order.
 */
export interface RandomFaultsConfig {
	/** Probability per request, 0..1. Default 0.05. */
	rate?: number;
	/** Default: the sandbox `seed` option (42). */
	seed?: number;
	/** Default ['429', '503', 'reset', 'timeout']. */
	kinds?: RandomFaultKind[];
	/** Delay of the 'timeout' kind. Default 10000. */
	timeoutMs?: number;
	match?: FaultMatch;
}

export interface RateLimitConfig {
	/** Token bucket: refills at this rate, holds at most one second's worth. Over the rate → 429, Retry-After: 1. */
	perSecond: number;
}

export interface SandboxOptions {
	/** Default 0 (ephemeral port). */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Delay of every non-control answer. Default 0. */
	/** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
	tls?: { key: string | Buffer; cert: string | Buffer };
	latencyMs?: number;
	/** Default 'sandbox-secret-key'; requests must send `Authorization: Bearer <apiKey>`. */
	apiKey?: string;
	/** Default 'norce-demo'; requests must send `x-merchant: <merchant>`. */
	merchant?: string;
	/** Default ['se', 'no']; `x-channel` must be one of them. */
	channels?: string[];
	/** Seed orders (deep-cloned; reset() restores them). Default demoOrders(merchant). */
	orders?: SandboxOrder[];
	/**
	 * Date the demo orders relative to this moment (ms) instead of their fixed 2026 dates:
	 * relativeDemoOrders({ now: demoNow }). Ignored with `orders`. Default: the fixed dates.
	 */
	demoNow?: number;
	/**
	 * Extra generated orders `o_gen_000001 … o_gen_N` on the FIRST channel, status 'processing', created
	 * 2026-01-01T00:00Z + index minutes (older than all demo orders), reference `GEN-000001`, cart reference
	 * `gen-cart-<index>`. Validate answer: see generatedOrderValidation(). Default 0; cheap up to 50,000.
	 */
	generated?: number;
	/** Record requests into `sandbox.requests`. Default true; stats are counted either way. */
	record?: boolean;
	/** Highest accepted `limit` on GET orders (above → 400). Default 100. */
	maxLimit?: number;
	rateLimit?: RateLimitConfig;
	randomFaults?: RandomFaultsConfig;
	/** Default seed for randomFaults. Default 42. */
	seed?: number;
	/** Body of POST /orders (201): 'object' → `{"id":"o_…"}` (default), 'string' → `"o_…"`. */
	createOrderResponse?: 'object' | 'string';
	/** Status of PUT …/state: 200 (default) or 202 (accepted; the change is still applied). */
	stateUpdateStatus?: 200 | 202;
	/**
	 * The event list's order filter names the Notification Service honours: 'both' (default), only
	 * 'order_id' (the docs) or 'orderId' (Norce's Bruno client), or 'none'; a name not honoured is ignored
	 * like an unknown query name, so the list then holds every order's events. Which a live tenant honours
	 * is unconfirmed.
	 */
	eventOrderQuery?: 'both' | 'order_id' | 'orderId' | 'none';
	/** Seed events of the Notification Service (deep-cloned; reset() restores them). Default: the demo events. */
	notificationEvents?: SandboxNotificationEvent[];
}

/** One request as received (only non-control requests are recorded). */
export interface RecordedRequest {
	method: string;
	/** Exactly as on the wire, e.g. '/checkout/order/api/v0/checkout/orders/a%2Fb%3Fc%23d/validate?x=1'. */
	rawPath: string;
	/** rawPath without the query, still percent-encoded. */
	path: string;
	/** Decoded query: single value → string, repeated key → array of strings. */
	query: Record<string, string | string[]>;
	/** Text after '?', '' when none. */
	rawQuery: string;
	/** Node's lower-cased header object (includes Authorization); like node:http IncomingHttpHeaders. */
	headers: Record<string, string | string[] | undefined>;
	/** Raw body text as received ('' when none). */
	body: string;
	/** Status answered; null = not answered (yet), e.g. hang or client gave up; 0 = dropped by a 'drop' fault. */
	status: number | null;
}

export interface SandboxStats {
	/** Non-control requests received. */
	total: number;
	/** Received and not yet answered (or closed). */
	inFlight: number;
	/** Peak of inFlight since start / resetStats(). */
	maxInFlight: number;
	/** Connections destroyed by 'drop' faults (random 'reset' included). */
	dropped: number;
	/** Answered requests per status code. */
	byStatus: Record<number, number>;
}

/** Current runtime configuration (GET /__sandbox/config). */
export interface SandboxConfig {
	latencyMs: number;
	rateLimit: RateLimitConfig | null;
	randomFaults: (Required<Omit<RandomFaultsConfig, 'match'>> & { match?: FaultMatch }) | null;
	record: boolean;
	createOrderResponse: 'object' | 'string';
	stateUpdateStatus: 200 | 202;
	eventOrderQuery: 'both' | 'order_id' | 'orderId' | 'none';
}

/** configuration.js: channel configuration documents, by channel (id static_notifications unless given). */
export interface SandboxConfigurationStore {
	access: 'allowed' | 401 | 403;
	setAccess(access: 'allowed' | 401 | 403): void;
	get(channel: string, id?: string): Record<string, unknown> | undefined;
	/** Stores a document as given, without the API's checks. */
	put(channel: string, document: Record<string, unknown>, id?: string): void;
	reset(): void;
}

/** One delivery attempt of a channel notification (delivery.js). */
export interface DeliveryAttempt {
	eventId: string;
	orderId: string | undefined;
	invoke: string;
	attempt: number;
	/** ms since the epoch */
	startedAt: number;
	finishedAt: number;
	/** 0: no answer */
	statusCode: number;
}

/** delivery.js: real HTTP deliveries of channel notifications. */
export interface SandboxDeliveries {
	readonly log: DeliveryAttempt[];
	readonly retryDelaysMs: readonly number[];
	setRetryDelays(delaysMs: number[]): void;
	/** Delivers again (Norce's retry), to `invoke` when given. */
	redeliver(event: SandboxNotificationEvent, invoke?: string): Promise<void>;
	settled(): Promise<void>;
	/** Where the event is delivered ({order_id} filled in); undefined for per-order notifications. */
	invokeOf(event: SandboxNotificationEvent): string | undefined;
	/** The `{notification, order}` body delivered for the event. */
	payloadOf(event: SandboxNotificationEvent): unknown;
	/** The last delivery attempt's status, 'pending' before the first. */
	statusOf(event: SandboxNotificationEvent): string;
}

export interface Sandbox extends SandboxControls {
	/** e.g. 'http://127.0.0.1:4010' */
	readonly url: string;
	/** `${url}/checkout/order` – what the node's credential base URL should be. */
	readonly baseUrl: string;
	/** `${url}/checkout/notification` – base of the Notification Service (`/api/v1/events`). */
	readonly notificationBaseUrl: string;
	readonly port: number;
	readonly apiKey: string;
	readonly merchant: string;
	readonly channels: readonly string[];
	/** Live array of recorded requests (cleared in place). Empty when `record: false`. */
	readonly requests: RecordedRequest[];
	/** Live stats object (reset in place). */
	readonly stats: SandboxStats;
	/** Live order state, id → order. Changes through the API are visible here and vice versa. */
	readonly orders: Map<string, SandboxOrder>;
	/** Live Notification Service events, in insertion order (the API lists them newest first). */
	readonly notificationEvents: SandboxNotificationEvent[];
	/** `${url}/checkout/configuration` – base of the Configuration API (configuration.js). */
	readonly configurationBaseUrl: string;
	/** Channel configuration documents (static_notifications) and the token's rights on them. */
	readonly configuration: SandboxConfigurationStore;
	/** Real HTTP deliveries of channel notifications, with a log of every attempt (delivery.js). */
	readonly deliveries: SandboxDeliveries;
	clearRequests(): void;
	/** Zeroes counters; maxInFlight restarts at the current inFlight. */
	resetStats(): void;
	/** Restores seed (and generated) orders and notification events, removes fault rules, restores latency /
	 * rate limit / random faults / createOrderResponse / stateUpdateStatus / eventOrderQuery / clock to the startSandbox options, clears
	 * requests and stats, and restarts the id sequence of new orders, payments, … */
	reset(): void;
	/** Adds a rule (checked in insertion order, before auth; first match wins). Throws TypeError if invalid. */
	addFault(rule: FaultRule): string;
	removeFault(id: string): boolean;
	clearFaults(): void;
	setLatency(ms: number): void;
	/** undefined/null → no rate limit. */
	setRateLimit(perSecond: number | undefined | null): void;
	/** undefined → off. Re-seeds the PRNG. */
	setRandomFaults(config: RandomFaultsConfig | undefined): void;
	/**
	 * Norce's clock (ms since the epoch) for every time the sandbox stamps itself (`created`,
	 * transitions, lastModified): e.g. a test's host clock plus a skew. undefined → the real
	 * clock (also after reset()).
	 */
	setClock(now: (() => number) | undefined): void;
	/** Closes the server and destroys all sockets (keep-alive, hung, delayed). Idempotent. */
	close(): Promise<void>;
}

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

export declare const DEFAULTS: {
	readonly apiKey: 'sandbox-secret-key';
	readonly merchant: 'norce-demo';
	readonly channels: readonly ['se', 'no'];
	readonly host: '127.0.0.1';
	readonly latencyMs: 0;
	readonly maxLimit: 100;
	readonly seed: 42;
};

/** 17 demo orders (13 on `se`, 4 on `no`), created on fixed dates in 2026; fresh objects on every call. */
export declare function demoOrders(merchant?: string): SandboxOrder[];
/** The demo orders' moment that relativeDemoOrders moves to `now`. */
export declare const DEMO_NIGHT: string;
/** The demo orders with every date moved so that DEMO_NIGHT is `now` (default Date.now()); none in the future. */
export declare function relativeDemoOrders(options?: {
	now?: number;
	merchant?: string;
}): SandboxOrder[];

/** `o_gen_000001` for index 1 (1-based, zero-padded to 6 digits). */
export declare function generatedOrderId(index: number): string;

/**
 * Validate script of generated order `index` (1-based): n = index % 4 results, result k has code
 * ['item-out-of-stock','shipping-not-selected','payment-amount-mismatch','customer-email-missing'][(index+k) % 4]
 * and adapterId ['onhand_verify','ingrid-shipping-adapter','walley_checkout_adapter','norce_adapter'][(index+k) % 4];
 * n = 0 → 200 []; odd n → 400 (array); even n > 0 → 200 with n warnings.
 */
export declare function generatedOrderValidation(index: number): ValidationBehaviour;

/** Stable demo data ids (channel, status and validate behaviour per id). */
export declare const DEMO: {
	readonly merchant: 'norce-demo';
	/** se, processing. Validate → 200 `[]`. Reference/cart reference/email below are unique to it. */
	readonly validOrderId: 'o_FpCZIBTVdZkkZdtbdJWQMdGzkU';
	readonly validOrderReference: 'NC-100482';
	readonly validOrderCartReference: 'cart-7f3a9c21';
	readonly validOrderBillingEmail: 'astrid.lindqvist@example.com';
	/** se, processing. Validate → 200 `[{code:'item-low-stock', adapterId:'onhand_verify', sku:'NC-HOODIE-GRY-L'}]`. */
	readonly warningOrderId: 'o_dPhbLMSQRMbrhItpPqTDkyDvpR';
	/** se, processing. Validate → 400 array: item-out-of-stock (onhand_verify, sku), payment-amount-mismatch (walley_checkout_adapter). */
	readonly failingOrderId: 'o_FsLEuDmeEBxpxeOkgSFGWmyuGJ';
	/** se, checkout. Validate → 400 `{errors:[{code:'shipping-not-selected', adapterId:'ingrid-shipping-adapter'}]}`. */
	readonly failingErrorsObjectOrderId: 'o_dNNEavQxjliFEqIgSfZhneJwJb';
	/** se, checkout, no billing email. Validate → 400 array: item-out-of-stock (onhand_verify), shipping-not-selected
	 * (ingrid-shipping-adapter), customer-email-missing (norce_adapter). */
	readonly threeFailuresOrderId: 'o_dagzdZqhlqyAYKFioPNzeLMdfq';
	/** se, declined. Validate → 400 array: payment-amount-mismatch (walley_checkout_adapter). */
	readonly declinedOrderId: 'o_eoaiqpBZBEVWWDMehyWHbjNOLP';
	/** se, processing, validations [validationId (onhand_verify), one norce_adapter]. Validate → 200 `[]`. */
	readonly orderWithValidationId: 'o_mjGaoONwtAnpRoEdTJxjRolxOs';
	readonly validationId: 'oc_DfxbVhrfZNawRjkWYyNFRIIsPh';
	/** no, processing (404 when asked with x-channel: se). Validate → 200 `[]`. */
	readonly otherChannelOrderId: 'o_vclIJxGmpaTWfurOTfkfJqAZmJ';
	/** se, checkout, cart reference 'cart-edge/1?x'. An id needing percent-encoding (`/ ? = & # space % ü +`). Validate → 200 `[]`. */
	readonly specialCharsOrderId: 'o_edge/id?x=1&y#z %25ü+';
	/** Orders per channel and status in demoOrders(). */
	readonly counts: {
		readonly total: 17;
		readonly se: {
			readonly total: 13;
			readonly checkout: 3;
			readonly processing: 7;
			readonly accepted: 1;
			readonly completed: 1;
			readonly declined: 1;
			readonly removed: 0;
		};
		readonly no: {
			readonly total: 4;
			readonly checkout: 1;
			readonly processing: 1;
			readonly accepted: 0;
			readonly completed: 1;
			readonly declined: 0;
			readonly removed: 1;
		};
	};
	/** The payment of validOrderId: walley_checkout_adapter, reserved, actions capture + cancel, 3 transactions
	 * (open, process, confirm). Every payment in the demo data has actions (reserved: capture, cancel;
	 * captured: refund) and transactions. */
	readonly paymentId: 'p_NNDmlghdQTBpdzLhjMOStiKDeE';
	/** The capture action of paymentId. */
	readonly paymentActionId: 'pa_isHjEdxYTFVUVaEETMUiEXnSSz';
	readonly paymentTransactionCount: 3;
	/** The shipping of validOrderId (ingrid-shipping-adapter, confirmed) and its reference. */
	readonly shippingId: 's_oZjIbvUktzxHmeHDFwoqDwTuVr';
	readonly shippingReference: 'SHP-NC-100482';
	/** Consent on every demo order (not required; checked on se, unchecked on no). */
	readonly consentId: 'ci_newsletter';
	/** se, checkout (= failingErrorsObjectOrderId): addresses can be changed; no required consent. */
	readonly checkoutOrderId: 'o_dNNEavQxjliFEqIgSfZhneJwJb';
	/** se, checkout (= threeFailuresOrderId), with the required, unchecked consent requiredConsentId:
	 * PUT …/state to processing answers 400 `consent-required` until it is checked. */
	readonly requiredConsentOrderId: 'o_dagzdZqhlqyAYKFioPNzeLMdfq';
	readonly requiredConsentId: 'ci_terms';
	/** Hook on validOrderId (ingrid-shipping-adapter, subscribeTo '/cart', v0). */
	readonly hookId: 'oh_rxdiWOcGuYLIBRLuhlbSCjfxrO';
	/** Notification on validOrderId: adapterId 'n8n', scope '/state/currentStatus', no schema (fires on every
	 * status change). Orders completedSe/declined/failing/otherChannel have one notification each too. */
	readonly notificationId: 'on_EyPqYRJDIhptNFufcjbAwreCVP';
	readonly notificationReference: 'n8n-status-changed';
	/** Notification Service events (5: 4 on se, 1 on no; 2 failed). This one: validOrderId, delivered. */
	readonly notificationEventId: '5b3e1c04-8f2a-4d6b-9e71-0a4c2f8d6b13';
	/** declinedOrderId: two failed deliveries (HTTP 500); a retry succeeds. */
	readonly failedNotificationEventId: '9d2f7a61-3c4e-4b8a-a5f0-7e1b6c9d2a48';
	/** failingOrderId: one failed delivery (HTTP 410); every retry fails again. */
	readonly failingRetryNotificationEventId: 'c7a49e2b-1d6f-4f3a-8b25-4e9c0d7f1a66';
	/** otherChannelOrderId (channel no), delivered. */
	readonly otherChannelNotificationEventId: '2e8b5d39-6a1c-4e7f-b3d2-9f0a4c6e8b75';
	readonly notificationEventCounts: {
		readonly total: 5;
		readonly se: 4;
		readonly no: 1;
		readonly failed: 2;
	};
};

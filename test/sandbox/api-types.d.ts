// Declarations of the sandbox's Order API additions and the Notification Service (re-exported by index.d.ts).
import type {
	Item,
	Consent,
	Customer,
	OrderStatus,
	Price,
	SandboxOrder,
	ValidationBehaviour,
} from './index';

// ---------------------------------------------------------------------------
// Order API v0 data (norce-order-api.md §2, §6)
// ---------------------------------------------------------------------------

/** Values of `order_by` on GET /orders (v1 names). */
export type OrderListOrderBy = 'created' | 'billingEmail' | 'billingName' | 'cartTotal';
export type OrderListOrderByDirection = 'asc' | 'desc';

/** Body of POST /orders: the writable Order fields (merchant and channel come from the headers). */
export interface CreateOrderBody {
	reference?: string;
	culture?: string;
	currency?: string;
	country?: string;
	cart?: CartBody;
	customer?: Partial<Customer>;
	consents?: Consent[];
	validations?: Array<ValidationV0 | ValidationV1>;
	hooks?: Array<Omit<OrderHook, 'id'>>;
	notifications?: Array<Omit<OrderNotification, 'id'>>;
	total?: Price;
	attributes?: Record<string, unknown>;
}

/** A Cart as sent (PUT …/cart, the create body): items without an `id` get `ci_…`; a missing total is the item sum. */
export interface CartBody {
	reference?: string;
	items?: Array<Partial<Item> & Record<string, unknown>>;
	discounts?: unknown[];
	total?: Price;
	attributes?: Record<string, unknown>;
	[field: string]: unknown;
}

/** POST …/validations, v0 Callback shape. */
export interface ValidationV0 {
	adapterId: string;
	/** Full http(s) URL; `{order_id}` is replaced by the order id. */
	url: string;
}

/** POST …/validations, v1 Validation shape. Stored with `url` = `invoke`. */
export interface ValidationV1 {
	adapterId: string;
	invoke: string;
	description?: string;
	reference?: string;
}

/** A registered hook (`oh_…`). v0 uses `subscribeTo`, v1 `scope`. */
export interface OrderHook {
	id: string;
	/** Optional: Norce's own client never sends it (v1 schema: optional). */
	adapterId?: string;
	invoke: string;
	subscribeTo?: string;
	scope?: string;
	target?: string;
	version?: 'v0' | 'v1' | string;
	description?: string;
	reference?: string;
}

/** A registered notification (`on_…`). POST answers 200 without the id: find it by `reference`. */
export interface OrderNotification {
	id: string;
	/** Optional: Norce's own client never sends it (v1 schema: optional). */
	adapterId?: string;
	/** JSON pointer, e.g. '/state/currentStatus'. */
	scope: string;
	/** May contain `{order_id}`. */
	invoke: string;
	/** JSON Schema the new value must match (the sandbox checks const, enum, type, not). */
	schema?: unknown;
	reference?: string;
	description?: string;
	version?: 'v0' | 'v1' | string;
}

/** `payment.actions[]` (`pa_…`); adapterId, type and url are required when added. */
export interface PaymentAction {
	id: string;
	adapterId: string;
	/** e.g. 'capture', 'cancel', 'refund' */
	type: string;
	url: string;
}

export type PaymentTransactionEvent =
	| 'open'
	| 'process'
	| 'confirm'
	| 'reopen'
	| 'cancel'
	| 'paymentAction'
	| 'capture'
	| 'refund';

export interface PaymentTransaction {
	event: PaymentTransactionEvent;
	pspEvent?: string;
	amount?: number;
	isSuccess?: boolean;
	errorDetail?: string;
	pspStatus?: string;
	/** JSON text. */
	requestJson?: string;
	/** JSON text. */
	responseJson?: string;
	/** Set by the sandbox (ISO date-time). */
	created: string;
	/** Set on transactions recorded by `…/actions/{action_id}/execute`. */
	paymentAction?: PaymentAction;
	[field: string]: unknown;
}

/** Answer of POST …/payments and POST …/shippings (201). */
export interface CreateResponse {
	id: string;
}

// ---------------------------------------------------------------------------
// Notification Service (/checkout/notification/api/v1)
// ---------------------------------------------------------------------------

/**
 * Sandbox-internal (never answered): one simulated delivery attempt. Norce logs each attempt "with the
 * HTTP status code and response details" but publishes no shape for it.
 */
export interface NotificationDelivery {
	/** 1-based. */
	attempt: number;
	createdAt: string;
	status: 'succeeded' | 'failed';
	/** HTTP status the receiver answered (simulated). */
	statusCode: number;
	error?: string;
}

/**
 * `notification` of an event: the notification "as it appeared on the order at the time when the event
 * occurred" (documented: NotificationEventPayload.notification). `invoke` is as registered ({order_id} unresolved).
 */
export interface EventNotification {
	id: string;
	adapterId?: string;
	reference?: string;
	description?: string;
	/** JSON pointer, e.g. '/state/currentStatus'. */
	scope: string;
	schema?: unknown;
	invoke: string;
}

/**
 * An event as the Notification Service answers it: exactly the documented fields
 * (docs.norce.io notification-read, NotificationEvent). No delivery status is documented.
 */
export interface NotificationEvent {
	/** UUID. */
	id: string;
	createdAt: string;
	merchant: string;
	channel: string;
	orderId: string;
	notification: EventNotification;
}

/** An event as held by the sandbox: the answered fields plus what only the sandbox knows. */
export interface SandboxNotificationEvent extends NotificationEvent {
	/** Simulated delivery attempts (internal; the API never answers them). */
	deliveries: NotificationDelivery[];
	/** Outcome of POST …/retry. Default 'succeeded'; 'failed' repeats the last failed status code. */
	retryOutcome?: 'succeeded' | 'failed';
}

/** Body of GET /api/v1/events. */
export interface NotificationEventPage {
	data: NotificationEvent[];
	pagination: { offset: number; limit: number; size: number; totalSize: number };
}

/**
 * `addNotificationEvent()` / POST /__sandbox/events. Defaults: id a new UUID, createdAt now; when
 * `orderId` names an order, channel and `notification` from that order's first notification; otherwise
 * channel = the first channel, an `orderId` no order has and a placeholder notification. `adapterId`,
 * `reference`, `notificationId`, `scope` and `invoke` set those fields of `notification`. `deliveries`
 * (internal) are status codes or delivery objects (default `[200]`, one successful attempt).
 */
export interface NotificationEventInput {
	id?: string;
	createdAt?: string | Date;
	channel?: string;
	orderId?: string;
	adapterId?: string;
	reference?: string;
	notificationId?: string;
	scope?: string;
	invoke?: string;
	deliveries?: Array<number | Partial<NotificationDelivery>>;
	retryOutcome?: 'succeeded' | 'failed';
}

// ---------------------------------------------------------------------------
// Controls
// ---------------------------------------------------------------------------

/** `createOrder()` / POST /__sandbox/orders: a create body plus what only the sandbox can choose. */
export interface CreateOrderInput extends CreateOrderBody {
	/** Default: the first channel. */
	channel?: string;
	/** Default now. Kept as written (ISO 8601 date-time; without a zone it means UTC), or a Date. */
	created?: string | Date;
	/** Default 'checkout'. Otherwise transitions are [checkout, status], both at `created`. */
	status?: OrderStatus;
	/** Default a new `o_…` id. */
	id?: string;
	/** Scripted validate answer. */
	validation?: ValidationBehaviour;
}

/** Methods of the in-process Sandbox (the control API has the same, see README). */
export interface SandboxControls {
	/** Adds an order (cart reference must be unused: else throws). Notifications are not fired. */
	createOrder(input?: CreateOrderInput): SandboxOrder;
	/**
	 * Appends `{status, timeStamp}` to the transitions (no consent or state rules), sets currentStatus and
	 * lastModified = timeStamp (default now), and fires the order's notifications with createdAt = timeStamp.
	 */
	setOrderStatus(orderId: string, status: OrderStatus, timeStamp?: string | Date): SandboxOrder;
	addNotificationEvent(input: NotificationEventInput): SandboxNotificationEvent;
	/** 'object' (default) → `{"id":"o_…"}`; 'string' → `"o_…"`. */
	setCreateOrderResponse(shape: 'object' | 'string'): void;
	/** 200 (default) or 202 for PUT …/state (202: the change is still applied). */
	setStateUpdateStatus(status: 200 | 202): void;
	/** Which order filter name(s) of GET /api/v1/events the service honours (see SandboxOptions.eventOrderQuery). */
	setEventOrderQuery(names: 'both' | 'order_id' | 'orderId' | 'none'): void;
}

/** What operations hand the transport, and what they get back. */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { NorceConnection } from '../connection';

export const CREDENTIAL_TYPE = 'norceApi';

/** Every n8n context the package sends requests from. */
export type NorceContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/**
 * Which Norce service a request goes to: the Order API (`…/checkout/order/api/v0/checkout/…`),
 * the Notification Service (`…/checkout/notification/api/v1/…`), whose channel is also a
 * query parameter, or the Configuration API
 * (`…/checkout/configuration/api/v1/configuration/…`), where merchant and channel are path
 * segments and only the bearer token is sent (shared/configuration.ts).
 */
export type NorceService = 'order' | 'notification' | 'configuration';

/**
 * A JSON string literal as the whole body (`"REF-1"`, quotes included), as Update Reference
 * sends it: marked, so a text can never be mistaken for an already serialised body.
 */
export class JsonString {
	constructor(readonly text: string) {}
}

export type NorceBody = IDataObject | IDataObject[] | JsonString;

export interface NorceRequest {
	method: IHttpRequestMethods;
	/** The Order API unless said otherwise. */
	service?: NorceService;
	/**
	 * Segments below the service's API root (/api/v0/checkout for orders, /api/v1 for
	 * notifications, /api/v1/configuration for configuration); each is percent-encoded as
	 * exactly one path segment.
	 */
	path: string[];
	qs?: IDataObject;
	/** The body as data; the transport serialises it to JSON once, for every attempt. */
	body?: NorceBody;
	/**
	 * Lets an operation take a non-2xx answer as its result instead of an error, e.g.
	 * validate's 400 that carries the failed validations.
	 */
	isResult?: (answer: {
		statusCode: number;
		body: unknown;
		afterUncertainAttempt: boolean;
	}) => boolean;
	/**
	 * May the request be sent again after a connection failure, when Norce may already have
	 * carried it out? True for reads and for writes that end in the same state when repeated.
	 */
	safeToRepeat: boolean;
	/** What the request is about, for error messages, e.g. `order "o_123"`. */
	subject: string;
	/**
	 * The operation checks the shape of a 2xx answer itself (validate's list), and its error
	 * says more than the transport's check that a change was answered with JSON or nothing.
	 */
	checksAnswer?: boolean;
}

export interface NorceResponse {
	statusCode: number;
	body: unknown;
	attempts: number;
	/** An earlier attempt may have reached Norce (connection failure or 502/504 before this one). */
	afterUncertainAttempt: boolean;
}

/** Max Retries and Timeout when a node does not set them (the action node's options, the triggers). */
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Node options that shape every request of one item (or one poll). */
export interface RequestSettings {
	channel: string;
	adapterId?: string;
	maxRetries: number;
	timeoutMs: number;
}

/**
 * The credential, validated once per run and reused for every request. The transport builds
 * every URL and header from it (shared/transport/endpoint.ts); n8n's `authenticate` is not in
 * the node's path, so nothing adds the key twice or to another host.
 */
export interface NorceSession {
	connection: NorceConnection;
}

/** A GET with a known answer shape; `what` names it for the error, e.g. "a payment", "orders". */
export type NorceRead = Pick<NorceRequest, 'service' | 'path' | 'qs' | 'subject'> & {
	what: string;
};

/** A read of an offset/limit list: how many entries (Infinity = all), and which count. */
export type ListRead = NorceRead & { wanted: number; keep?: (entry: IDataObject) => boolean };

/** One page of an offset/limit list: its entries and, when Norce says, the total. */
export interface Page {
	entries: IDataObject[];
	totalSize?: number;
}

export interface NorceClient {
	readonly channel: string;
	/** Any request: the answer as Norce sent it (a 2xx, or what `isResult` accepts). */
	request(request: NorceRequest): Promise<NorceResponse>;
	/** GET one JSON object (an order, a payment, …). */
	readObject(read: NorceRead): Promise<IDataObject>;
	/** GET a list, every entry an object. */
	readList(read: NorceRead): Promise<IDataObject[]>;
	/** GET one page of an offset/limit list (the polling trigger walks its own passes). */
	readPage(read: NorceRead, offset: number, limit: number): Promise<Page>;
	/** GET up to `wanted` entries of an offset/limit list, page after page. */
	readPages(read: ListRead): Promise<IDataObject[]>;
}

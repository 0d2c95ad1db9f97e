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
	/** JSON text to send as the body, already serialized. */
	jsonBody?: string;
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

export interface NorceClient {
	readonly channel: string;
	request(request: NorceRequest): Promise<NorceResponse>;
}

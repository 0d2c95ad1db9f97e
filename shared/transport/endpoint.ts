import { configurationApiRoot } from '../configuration';
import type { NorceConnection } from '../connection';
import { notificationBaseUrl } from '../connection';
import type { NorceService } from './types';

/**
 * Where a request goes and what it carries: the one place that turns the credential into a
 * URL and headers, for the node's transport and the credential's `authenticate` alike.
 */

/** Same-origin redirects a read follows before the chain counts as a loop. */
export const MAX_REDIRECTS = 5;

/** Each service's API root below the credential's base, e.g. …/checkout/order/api/v0/checkout. */
export function serviceRoot(connection: NorceConnection, service: NorceService): string {
	if (service === 'notification') return `${notificationBaseUrl(connection.baseUrl)}/api/v1`;
	if (service === 'configuration') return configurationApiRoot(connection.baseUrl);
	return `${connection.baseUrl}/api/v0/checkout`;
}

/**
 * The headers per service, as Norce's own clients send them (norce-order-api §11): the Order
 * API and the Notification Service take merchant and channel as headers (the Notification
 * Service documents only `x-merchant` and a `channel` query, which the node sends too; Norce's
 * client adds `x-channel`), the Order API an optional adapter ID; the Configuration API only
 * the key, merchant and channel being path segments there (§10).
 */
export function serviceHeaders(
	connection: NorceConnection,
	service: NorceService,
	channel: string,
	adapterId?: string,
): Record<string, string> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		Authorization: `Bearer ${connection.token}`,
	};
	if (service === 'configuration') return headers;
	headers['x-merchant'] = connection.merchant;
	headers['x-channel'] = channel;
	if (service === 'order' && adapterId) headers['x-adapterid'] = adapterId;
	return headers;
}

/** The origin (scheme, host, port) of a URL, or undefined when it is not an absolute URL. */
export function originOf(url: string, base?: string): string | undefined {
	try {
		return new URL(url, base).origin;
	} catch {
		return undefined;
	}
}

/**
 * The only origin the key, merchant and channel are sent to: the credential's base. Every
 * service sits below it (Notification Service and Configuration API are sibling paths on the
 * same host).
 */
export function credentialOrigin(connection: NorceConnection): string {
	return new URL(connection.baseUrl).origin;
}

import { notificationBaseUrl } from './connection';

/**
 * The Configuration API's base: the order base with its last segment (`order`) replaced by
 * `configuration`, e.g. https://{slug}.api-se.norce.tech/checkout/configuration (norce-order-api
 * §10), for every environment and for a custom Base URL alike. Derived from the Notification
 * Service's base, which is the same sibling rule with another name.
 */
export function configurationBaseUrl(orderBaseUrl: string): string {
	return notificationBaseUrl(orderBaseUrl).replace(/notification$/, 'configuration');
}

/** The root the transport puts a `service: 'configuration'` request's path under. */
export function configurationApiRoot(orderBaseUrl: string): string {
	return `${configurationBaseUrl(orderBaseUrl)}/api/v1/configuration`;
}

/** The channel-wide notifications document's id (and last path segment). */
export const STATIC_NOTIFICATIONS = 'static_notifications';

/** Path segments, below the configuration root, of one channel's configuration document. */
export function configurationPath(merchant: string, channel: string, id: string): string[] {
	return ['merchants', merchant, 'channels', channel, 'configurations', id];
}

import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import {
	STATIC_NOTIFICATIONS,
	configurationBaseUrl,
	configurationPath,
} from '../../shared/configuration';
import type { NorceClient } from '../../shared/transport';
import { norceApiError } from '../../shared/transport';
import type { NotificationTriggerSettings, TriggerDependencies } from './settings';
import { connect, readSettings } from './settings';

/**
 * Publishing and unpublishing: one entry of ours in the channel's `static_notifications`
 * configuration document (norce-order-api §10), every other field and entry left as it was.
 * The document has no ETag or version: a PUT replaces it whole, so a change another integrator
 * makes between our read and our write is lost (theirs or ours); the read-back after the PUT
 * catches the case where ours is the one lost.
 */

const SCOPE = '/state/currentStatus';

interface Registration {
	context: IHookFunctions;
	norce: NorceClient;
	channel: string;
	path: string[];
	baseUrl: string;
	subject: string;
	entry: IDataObject;
}

/** Stable per workflow and node; a test listener gets its own, so it never replaces the live one. */
export function notificationReference(context: IHookFunctions): string {
	const reference = `n8n:${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	return context.getMode() === 'manual' ? `${reference}:test` : reference;
}

function ourEntry(context: IHookFunctions, settings: NotificationTriggerSettings): IDataObject {
	const invoke = context.getNodeWebhookUrl('default');
	if (!invoke) {
		throw norceApiError(
			{ node: context.getNode() },
			'n8n has no webhook URL for this trigger',
			"Set WEBHOOK_URL in n8n's environment to the address Norce can reach n8n at.",
			{},
		);
	}
	const entry: IDataObject = {
		description: `n8n workflow "${context.getWorkflow().name ?? ''}" (Norce Checkout Notification Trigger)`,
		reference: notificationReference(context),
		scope: SCOPE,
	};
	if (settings.statuses.length > 0) entry.schema = { enum: settings.statuses };
	entry.invoke = invoke;
	return entry;
}

async function open(context: IHookFunctions, dependencies: TriggerDependencies) {
	const settings = readSettings(context);
	const { norce, merchant, baseUrl } = await connect(context, settings, dependencies);
	const registration: Registration = {
		context,
		norce,
		channel: norce.channel,
		path: configurationPath(merchant, norce.channel, STATIC_NOTIFICATIONS),
		baseUrl,
		subject: `the notification configuration of channel "${norce.channel}"`,
		entry: ourEntry(context, settings),
	};
	return registration;
}

const refusedAccess = (statusCode: number) => statusCode === 401 || statusCode === 403;

function rightsError(registration: Registration, statusCode: number) {
	return norceApiError(
		{ node: registration.context.getNode() },
		`This API key may not change the notification configuration of channel "${registration.channel}" [HTTP ${statusCode}]`,
		"The Notification Trigger adds a notification to the channel's static_notifications configuration (Norce's Configuration API), which needs a key with configuration rights: ask Norce for one. The Norce Checkout Trigger (polling) needs no such right: it only reads orders.",
		{ httpCode: String(statusCode) },
	);
}

function wrongShape(registration: Registration, what: string) {
	return norceApiError(
		{ node: registration.context.getNode() },
		`Norce Checkout answered ${registration.subject} with ${what}; nothing was changed`,
		'Expected a configuration document {"id": "static_notifications", "order": {"notifications": [...]}}. Check the environment or Base URL of the credential.',
		{},
	);
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document's entries; a document without `order` or `notifications` has none. */
function entriesOf(registration: Registration, document: IDataObject): IDataObject[] {
	const order = document.order;
	if (order === undefined) return [];
	if (!isObject(order)) throw wrongShape(registration, 'an "order" that is not an object');
	const notifications = order.notifications;
	if (notifications === undefined) return [];
	if (!Array.isArray(notifications)) {
		throw wrongShape(registration, 'an "order.notifications" that is not a list');
	}
	return notifications as IDataObject[];
}

const isOurs = (registration: Registration, entry: unknown) =>
	isObject(entry) && entry.reference === registration.entry.reference;

/** The document, or null when the channel has none (404). */
async function readDocument(registration: Registration): Promise<IDataObject | null> {
	const { statusCode, body } = await registration.norce.request({
		method: 'GET',
		service: 'configuration',
		path: registration.path,
		safeToRepeat: true,
		subject: registration.subject,
		isResult: (answer) => answer.statusCode === 404 || refusedAccess(answer.statusCode),
	});
	if (refusedAccess(statusCode)) throw rightsError(registration, statusCode);
	if (statusCode === 404) return null;
	if (!isObject(body)) throw wrongShape(registration, 'something that is not a JSON object');
	entriesOf(registration, body);
	return body;
}

async function writeDocument(registration: Registration, document: IDataObject) {
	const { statusCode } = await registration.norce.request({
		method: 'PUT',
		service: 'configuration',
		path: registration.path,
		body: document,
		// The whole document: sending it again ends in the same state.
		safeToRepeat: true,
		subject: registration.subject,
		isResult: (answer) => refusedAccess(answer.statusCode),
	});
	if (refusedAccess(statusCode)) throw rightsError(registration, statusCode);
}

/** The document with `entries` as its notifications, every other field as it was. */
function withEntries(document: IDataObject, entries: IDataObject[]): IDataObject {
	return {
		...document,
		order: { ...((document.order as IDataObject) ?? {}), notifications: entries },
	};
}

function sameEntry(a: IDataObject, b: IDataObject): boolean {
	return (
		a.invoke === b.invoke &&
		a.scope === b.scope &&
		JSON.stringify(a.schema ?? null) === JSON.stringify(b.schema ?? null)
	);
}

export async function registrationExists(
	context: IHookFunctions,
	dependencies: TriggerDependencies,
): Promise<boolean> {
	const registration = await open(context, dependencies);
	const document = await readDocument(registration);
	if (document === null || document.active === false) return false;
	return entriesOf(registration, document).some(
		(entry) => isOurs(registration, entry) && sameEntry(entry, registration.entry),
	);
}

export async function register(
	context: IHookFunctions,
	dependencies: TriggerDependencies,
): Promise<boolean> {
	const registration = await open(context, dependencies);
	const document = await readDocument(registration);
	if (document?.active === false) {
		throw norceApiError(
			{ node: context.getNode() },
			`The notification configuration of channel "${registration.channel}" is switched off ("active": false); nothing was changed`,
			'Norce sends none of its notifications while it is off, ours included. Whoever switched it off (another integration, or Norce) decides; switch it on in Norce, or use the Norce Checkout Trigger (polling).',
			{},
		);
	}
	const entries = document === null ? [] : entriesOf(registration, document);
	// Ours replaces an earlier one of ours in place (a changed URL or statuses), else goes last.
	const at = entries.findIndex((entry) => isOurs(registration, entry));
	const updated =
		at === -1
			? [...entries, registration.entry]
			: entries
					.map((entry, index) => (index === at ? registration.entry : entry))
					.filter((entry, index) => index === at || !isOurs(registration, entry));
	await writeDocument(
		registration,
		document === null
			? {
					$schema: `${configurationBaseUrl(registration.baseUrl)}/openapi/v1/schemas/configuration.json`,
					id: STATIC_NOTIFICATIONS,
					active: true,
					order: { notifications: updated },
				}
			: withEntries(document, updated),
	);
	const stored = await readDocument(registration);
	const kept =
		stored !== null &&
		entriesOf(registration, stored).some(
			(entry) => isOurs(registration, entry) && sameEntry(entry, registration.entry),
		);
	if (!kept) {
		throw norceApiError(
			{ node: context.getNode() },
			`Norce did not keep this trigger's notification in ${registration.subject}`,
			"Someone else changed the channel's configuration at the same moment (the document has no version to guard against that) and theirs replaced ours. Publish the workflow again.",
			{},
		);
	}
	return true;
}

export async function unregister(
	context: IHookFunctions,
	dependencies: TriggerDependencies,
): Promise<boolean> {
	const registration = await open(context, dependencies);
	const document = await readDocument(registration);
	if (document === null) return true;
	const entries = entriesOf(registration, document);
	const others = entries.filter((entry) => !isOurs(registration, entry));
	if (others.length === entries.length) return true;
	// Never DELETE the document: that removes every other integrator's notifications too, and
	// the channel itself when it was its last configuration.
	await writeDocument(registration, withEntries(document, others));
	return true;
}

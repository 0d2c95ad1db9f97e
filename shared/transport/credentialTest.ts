import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import type { NorceConnection } from '../connection';
import { NorceCredentialError, norceConnection } from '../connection';
import { MAX_ANSWER_BYTES, parseAnswer, readAnswerText } from './answer';
import { credentialOrigin, originOf, serviceHeaders, serviceRoot } from './endpoint';
import { redact } from './errors';
import { networkErrorCode, networkReason } from './network';
import { DEFAULT_TIMEOUT_MS } from './types';

/**
 * The credential's Test. n8n's request test (`test` on the credential) can only answer a status
 * with a fixed text (`rules`, n8n credentials-tester.service.js), so the nodes name this function
 * in `testedBy`: its messages say which field is wrong and name the merchant and channel sent.
 * One GET of one order, as a node run would send it: same URL, headers, origin lock, no redirect.
 */

/** What the test found: the answer's status (and redirect target, body), or the failure. */
export type CredentialProbe =
	| { statusCode: number; location?: string; body: unknown; isJson: boolean }
	| { failure: unknown };

function isListAnswer(body: unknown): boolean {
	return (
		Array.isArray(body) ||
		(!!body && typeof body === 'object' && Array.isArray((body as IDataObject).data))
	);
}

/** The Test's verdict on what the test request found; messages never carry the key. */
export function credentialTestResult(
	connection: NorceConnection,
	environment: string,
	probe: CredentialProbe,
): INodeCredentialTestResult {
	const list = `${serviceRoot(connection, 'order')}/orders`;
	const where =
		environment === 'custom'
			? 'The Base URL must be the Order API base, ending with /checkout/order (e.g. https://my-shop.api-se.norce.tech/checkout/order).'
			: 'Check Environment and Slug: the slug is the first part of the API host your Norce contact gave you.';
	let message: string;
	if ('failure' in probe) {
		const code = networkErrorCode(probe.failure);
		message = `Could not reach ${credentialOrigin(connection)}: ${networkReason(code)}${code ? ` (${code})` : ''}. ${where}`;
		return { status: 'Error', message: redact(message, [connection.token])! };
	}
	const { statusCode } = probe;
	if (statusCode >= 200 && statusCode < 300) {
		if (probe.isJson && isListAnswer(probe.body))
			return { status: 'OK', message: 'Connection successful!' };
		message = `${list} answered HTTP ${statusCode}, but not with Norce's order list: the URL may not point at the Norce Checkout Order API (a proxy's sign-in page?). ${where}`;
	} else if (statusCode === 401) {
		message =
			'Norce Checkout refused the API key (401). Paste the access token from your Norce contact into API Key (with or without "Bearer "), and check it belongs to this environment.';
	} else if (statusCode === 403) {
		message = `Norce Checkout refused merchant "${connection.merchant}" or channel "${connection.channel}" for this API key (403). Check Merchant and Channel: the key must be allowed for both.`;
	} else if (statusCode === 404) {
		message = `Nothing at ${list} (404). ${where}`;
	} else if (statusCode >= 300 && statusCode < 400) {
		const target = probe.location ? (originOf(probe.location, list) ?? probe.location) : undefined;
		message = `${list} redirected (${statusCode})${target ? ` to ${target}` : ''}; the key is never sent on. ${where}`;
	} else {
		message = `Norce Checkout answered HTTP ${statusCode} to ${list}. Try again later; if it stays, check the credential's Environment and ${environment === 'custom' ? 'Base URL' : 'Slug'}.`;
	}
	return { status: 'Error', message: redact(message, [connection.token])! };
}

/** testedBy's function: n8n calls it with the credential as entered in the form. */
export async function testNorceCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	let connection: NorceConnection;
	try {
		connection = norceConnection(data);
	} catch (error) {
		const field = error instanceof NorceCredentialError ? error.field : undefined;
		return {
			status: 'Error',
			message: `${(error as Error).message}${field ? ` (field "${field}")` : ''}`,
		};
	}
	const deadline = AbortSignal.timeout(DEFAULT_TIMEOUT_MS);
	let probe: CredentialProbe;
	try {
		// A credential test's context has only the legacy `request` helper (n8n-workflow
		// ICredentialTestFunctions, 2.8 and 2.41 alike), not `httpRequest`.
		const { request } = this.helpers;
		const response = (await request({
			method: 'GET',
			uri: `${serviceRoot(connection, 'order')}/orders`,
			qs: { limit: 1 },
			headers: serviceHeaders(connection, 'order', connection.channel),
			// the status is judged here; a redirect is reported, never followed with the key
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			followAllRedirects: false,
			sendCredentialsOnCrossOriginRedirect: false,
			useStream: true,
			timeout: DEFAULT_TIMEOUT_MS,
		})) as { statusCode: number; headers?: IDataObject; body: unknown };
		const text = await readAnswerText(response.body, MAX_ANSWER_BYTES, deadline);
		const parsed = parseAnswer(text);
		const location = response.headers?.location;
		probe = {
			statusCode: response.statusCode,
			location: typeof location === 'string' ? location : undefined,
			body: parsed.body,
			isJson: parsed.isJson,
		};
	} catch (failure) {
		probe = { failure };
	}
	return credentialTestResult(connection, String(data.environment ?? 'playground'), probe);
}

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceConnection } from '../connection';
import { NorceCredentialError, norceConnection } from '../connection';
import { createNorceClient } from './client';
import type { RetryTiming } from './retry';
import type { NorceClient, NorceContext, NorceSession } from './types';
import { CREDENTIAL_TYPE, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './types';

/** Reads and checks the credential once; every request of the run reuses the result. */
export async function openNorceSession(context: NorceContext): Promise<NorceSession> {
	const data = await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	let connection: NorceConnection;
	try {
		connection = norceConnection(data);
	} catch (error) {
		const field = error instanceof NorceCredentialError ? error.field : undefined;
		throw new NodeOperationError(context.getNode(), error as Error, {
			description: field && `Fix the "${field}" field of the Norce Checkout credential.`,
		});
	}
	return { connection };
}

/**
 * A trigger's session and client: the Channel option or else the credential's channel, and the
 * default Max Retries and Timeout (triggers offer neither option).
 */
export async function openTriggerClient(
	context: NorceContext,
	channel: string | undefined,
	timing: RetryTiming,
): Promise<{ session: NorceSession; norce: NorceClient }> {
	const session = await openNorceSession(context);
	const settings = {
		channel: channel ?? session.connection.channel,
		maxRetries: DEFAULT_MAX_RETRIES,
		timeoutMs: DEFAULT_TIMEOUT_MS,
	};
	return { session, norce: createNorceClient(context, session, settings, { timing }) };
}

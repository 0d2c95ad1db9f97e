import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceConnection } from '../connection';
import { NorceCredentialError, norceConnection } from '../connection';
import type { NorceContext, NorceSession } from './types';
import { CREDENTIAL_TYPE } from './types';

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

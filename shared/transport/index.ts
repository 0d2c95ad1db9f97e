/**
 * The one place that talks HTTP to Norce Checkout, shared by the credential, the action node
 * and the trigger. Operations describe *what* to call (NorceRequest); the client decides *how*:
 * URL, headers, retries, error mapping, redaction of the key.
 */
export * from './types';
export { createNorceClient, hasLoneSurrogate, isDotSegment, isPlainId } from './client';
export { Throttle } from './throttle';
export { credentialOrigin, originOf, serviceHeaders, serviceRoot } from './endpoint';
export { openNorceSession, openTriggerClient } from './session';
export { norceApiError } from './errors';
export { PAGE_SIZE, decodeList } from './reads';
export type { RetryTiming } from './retry';
export { DEFAULT_RETRY_TIMING } from './retry';
export { credentialTestResult, testNorceCredential } from './credentialTest';

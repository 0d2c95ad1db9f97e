import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import type { RetryTiming } from '../../shared/transport';
import type { Sandbox, SandboxOptions } from '../sandbox';
import { startSandbox } from '../sandbox';
import type { RunResult } from './n8nRuntime';
import { runNorceNode, stopN8nBackgroundServices } from './n8nRuntime';

/**
 * One sandbox per test file, reset before each test; `run()` executes the node in n8n's
 * engine against it with a `custom` credential pointing at the sandbox.
 */
export interface NorceFixture {
	sandbox: Sandbox;
	credentials: ICredentialDataDecryptedObject;
	run(
		parameters: INodeParameters,
		options?: {
			items?: IDataObject[];
			onError?: INode['onError'];
			credentials?: ICredentialDataDecryptedObject;
		},
	): Promise<RunResult>;
}

/** Retry waits shrunk to milliseconds: tests check what is retried, not how long it waits. */
export const TEST_RETRY_TIMING: RetryTiming = {
	baseDelayMs: 1,
	maxDelayMs: 20,
	random: Math.random,
};

export function useNorceSandbox(options: SandboxOptions = {}): NorceFixture {
	const fixture = {} as NorceFixture;
	beforeAll(async () => {
		fixture.sandbox = await startSandbox(options);
		fixture.credentials = {
			environment: 'custom',
			baseUrl: `${fixture.sandbox.baseUrl}/`,
			slug: '',
			merchant: fixture.sandbox.merchant,
			channel: fixture.sandbox.channels[0],
			apiKey: fixture.sandbox.apiKey,
		};
		fixture.run = async (parameters, runOptions = {}) =>
			await runNorceNode({
				parameters,
				items: runOptions.items,
				onError: runOptions.onError,
				timing: TEST_RETRY_TIMING,
				credentials: runOptions.credentials ?? fixture.credentials,
			});
	});
	beforeEach(() => fixture.sandbox.reset());
	afterAll(async () => {
		stopN8nBackgroundServices();
		await fixture.sandbox?.close();
	});
	return fixture;
}

/** The requests that reached the Order API, as `METHOD rawPath`. */
export function wire(sandbox: Sandbox): string[] {
	return sandbox.requests.map((request) => `${request.method} ${request.rawPath}`);
}

export const API = '/checkout/order/api/v0/checkout';

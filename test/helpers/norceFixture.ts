import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import type { RetryTiming } from '../../shared/transport';
import type { Sandbox, SandboxOptions } from '../sandbox';
import { startSandbox } from '../sandbox';
import type { Gate } from './gate';
import { startGate } from './gate';
import type { RunResult } from './n8nRuntime';
import { runNorceNode, stopN8nBackgroundServices } from './n8nRuntime';

/**
 * Distinctive, so a hit can only be a leak (never part of an order or an error text).
 * "dummy" tells the hardcoded-secrets lint rule that this is a test value.
 */
export const API_KEY = 'sk_live_dummy_NrcRel7_q8ZpX2vLw5Tk9HsB3mYd';

export interface FixtureRunOptions {
	items?: IDataObject[];
	onError?: INode['onError'];
	credentials?: ICredentialDataDecryptedObject;
	/** Retry waits; TEST_RETRY_TIMING when absent. */
	timing?: RetryTiming;
	/** Cancels the execution once this resolves (see runNorceNode). */
	cancelWhen?: Promise<unknown>;
	/** The node's type version (1 when absent). */
	typeVersion?: number;
}

/**
 * One sandbox per test file, reset before each test; `run()` executes the node in n8n's
 * engine against it with a `custom` credential pointing at the sandbox.
 */
export interface NorceFixture {
	sandbox: Sandbox;
	credentials: ICredentialDataDecryptedObject;
	run(parameters: INodeParameters, options?: FixtureRunOptions): Promise<RunResult>;
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
		fixture.sandbox = await startSandbox({ apiKey: API_KEY, ...options });
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
				timing: runOptions.timing ?? TEST_RETRY_TIMING,
				cancelWhen: runOptions.cancelWhen,
				typeVersion: runOptions.typeVersion,
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

/**
 * A gate (test/helpers/gate.js) in front of the fixture's sandbox, reset before each test;
 * `credentials` send the node through it.
 */
export function useGate(norce: NorceFixture): {
	gate: Gate;
	credentials: ICredentialDataDecryptedObject;
} {
	const used = {} as { gate: Gate; credentials: ICredentialDataDecryptedObject };
	beforeAll(async () => {
		used.gate = await startGate(norce.sandbox.url);
		used.credentials = { ...norce.credentials, baseUrl: `${used.gate.baseUrl}/` };
	});
	beforeEach(() => used.gate.reset());
	afterAll(async () => await used.gate?.close());
	return used;
}

/** The requests that reached the Order API, as `METHOD rawPath`. */
export function wire(sandbox: Sandbox): string[] {
	return sandbox.requests.map((request) => `${request.method} ${request.rawPath}`);
}

export const API = '/checkout/order/api/v0/checkout';

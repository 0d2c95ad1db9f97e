/**
 * Runs the trigger's poll() the way n8n does: n8n-core's own PollContext around a Workflow
 * holding the trigger node, with real parameter resolution, the node's static data kept on
 * the workflow between polls, and real HTTP through n8n's request helpers and the
 * credential's authenticate(). Only the credential store is filled in here.
 */
import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	IPollFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NorceCheckoutTrigger } from '../../nodes/NorceCheckoutTrigger/NorceCheckoutTrigger.node';
import type { PollDependencies } from '../../nodes/NorceCheckoutTrigger/poll/poll';
import { onlyNodeType, placedNode, serverData } from './n8nRuntime';
import type { NorceFixture } from './norceFixture';
import { TEST_RETRY_TIMING } from './norceFixture';

const TRIGGER_TYPE = 'n8n-nodes-norce-checkout.norceCheckoutTrigger';

export interface Poller {
	/** One poll in trigger mode; resolves to what n8n would emit (null: nothing). */
	poll(mode?: WorkflowExecuteMode): Promise<INodeExecutionData[][] | null>;
	/** The node's static data, as n8n would persist it. */
	readonly staticData: IDataObject;
	/** What the node logged with this.logger.warn, oldest first. */
	readonly warnings: string[];
}

export function createPoller(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	dependencies: PollDependencies;
	/** Emulates n8n 2.39+'s getPollBudgetMs(); absent, the context has none (as in 2.8). */
	pollBudgetMs?: number;
}): Poller {
	const trigger = new NorceCheckoutTrigger(options.dependencies);
	const node = placedNode(
		trigger,
		{ id: 'trigger', name: 'Norce Checkout Trigger', type: TRIGGER_TYPE },
		options.parameters,
	);
	const workflow = new Workflow({
		id: 'trigger-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: onlyNodeType(trigger),
		staticData: {},
	});
	const additionalData = serverData(options.credentials);

	const warnings: string[] = [];
	// n8n's own logger, but warnings are recorded for the test instead of printed.
	const logger = {
		error: () => {},
		warn: (message: string) => warnings.push(message),
		info: () => {},
		debug: () => {},
	};
	return {
		warnings,
		async poll(mode = 'trigger') {
			const context = new PollContext(workflow, node, additionalData, mode, 'activate');
			Object.defineProperty(context, 'logger', { value: logger });
			if (options.pollBudgetMs !== undefined) {
				const budget = options.pollBudgetMs;
				Object.assign(context, { getPollBudgetMs: () => budget });
			}
			return await trigger.poll.call(context as unknown as IPollFunctions);
		},
		get staticData() {
			return workflow.getStaticData('node', node);
		},
	};
}

/** Where the trigger tests' host clock starts: later than every demo order, so none fires. */
export const START = Date.parse('2026-12-10T08:00:00.000Z');
export const MINUTE = 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export interface ClockOptions {
	/** Moves the host clock on every reading, to spend a poll budget without waiting. */
	step?: number;
	pollBudgetMs?: number;
	/** Norce's clock (the sandbox's stamps) follows the host's, this far ahead; absent: real time. */
	norceSkewMs?: number;
	volumeNoticeOrders?: number;
}

/**
 * A poller against the fixture's sandbox on a test clock (`clock.now`, from START), with
 * `poll()` giving the json of each event it fired.
 */
export function pollerOnClock(
	norce: NorceFixture,
	parameters: INodeParameters,
	{ step = 0, pollBudgetMs, norceSkewMs, volumeNoticeOrders }: ClockOptions = {},
) {
	const clock = { now: START };
	if (norceSkewMs !== undefined) norce.sandbox.setClock(() => clock.now + norceSkewMs);
	const poller = createPoller({
		parameters,
		credentials: norce.credentials,
		dependencies: { timing: TEST_RETRY_TIMING, now: () => (clock.now += step), volumeNoticeOrders },
		pollBudgetMs,
	});
	return { clock, poller, poll: async () => await eventsOf(poller) };
}

/** One poll: the json of each event it fired. */
export async function eventsOf(poller: Poller): Promise<IDataObject[]> {
	const result = await poller.poll();
	return result === null ? [] : result[0].map(({ json }) => json);
}

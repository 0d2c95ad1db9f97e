import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { NorceSession, RetryTiming } from '../../../shared/transport';
import { Throttle, createNorceClient, openNorceSession } from '../../../shared/transport';
import { forEachIndex } from './concurrency';
import { getConcurrency, requestSettingsReader } from './parameters';
import { ParameterPrefetch } from './prefetch';
import { findOperation } from './registry';

/** How many items ahead of the next one to start the parameters are read (per in-flight slot). */
const LOOKAHEAD_PER_SLOT = 2;
const MIN_LOOKAHEAD = 8;

/**
 * Runs the chosen operation for every input item, several at a time, and returns the
 * results in input order, each paired to its input item. A failed item becomes an error
 * item when the node continues on fail; otherwise the first failure (in input order) stops
 * the run after the requests already in flight have settled.
 */
export async function router(
	this: IExecuteFunctions,
	timing: RetryTiming,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = findOperation(resource, operation)?.execute;
	if (execute === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
			{ description: 'Pick the resource and operation again in the node.' },
		);
	}
	const continueOnFail = this.continueOnFail();

	// An unusable credential fails every item the same way; with continue-on-fail each item
	// still gets its own error item.
	const session: NorceSession | NodeApiError | NodeOperationError = await openNorceSession(
		this,
	).catch((error: Error) => asNodeError(this, error, 0));
	if (session instanceof Error && !continueOnFail) throw session;

	const results: INodeExecutionData[][] = new Array(items.length);
	let firstFailure: { itemIndex: number; error: Error } | undefined;
	const concurrency = getConcurrency(this);
	// One for the whole run: a 429 pauses every item, not only the one that got it.
	const throttle = new Throttle(timing);

	// Operations read their parameters through `prefetch.context`: the next items' parameters
	// are read while this item's request waits for Norce (see ParameterPrefetch).
	const prefetch = new ParameterPrefetch(
		this,
		items.length,
		Math.max(MIN_LOOKAHEAD, LOOKAHEAD_PER_SLOT * concurrency),
	);
	const settingsOf =
		session instanceof Error
			? undefined
			: requestSettingsReader(this, session.connection.channel, prefetch.context);
	let nextToStart = 0;
	let fillPending = false;
	const fillSoon = () => {
		if (fillPending) return;
		fillPending = true;
		// After a timer tick, i.e. once the request just started has left for the network.
		void sleep(0).then(() => {
			fillPending = false;
			if (firstFailure === undefined) prefetch.fill(nextToStart);
		});
	};

	try {
		await forEachIndex(
			items.length,
			concurrency,
			async (itemIndex) => {
				nextToStart = itemIndex + 1;
				try {
					if (session instanceof Error) throw session;
					const settings = settingsOf!(itemIndex);
					const norce = createNorceClient(this, session, settings, {
						itemIndex,
						timing,
						throttle,
					});
					const running = execute.call(prefetch.context, itemIndex, norce);
					if (nextToStart < items.length) fillSoon();
					const data = await running;
					results[itemIndex] = data.map((json) => ({ json, pairedItem: { item: itemIndex } }));
				} catch (caught) {
					const error = asNodeError(this, caught as Error, itemIndex);
					if (continueOnFail) {
						results[itemIndex] = [errorItem(error, itemIndex)];
					} else if (firstFailure === undefined || itemIndex < firstFailure.itemIndex) {
						firstFailure = { itemIndex, error };
					}
				} finally {
					prefetch.done(itemIndex);
				}
			},
			() => firstFailure !== undefined,
		);
	} finally {
		prefetch.close();
	}

	if (firstFailure !== undefined) throw firstFailure.error;
	return [results.flat()];
}

function asNodeError(context: IExecuteFunctions, error: Error, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}

/**
 * n8n sends an item to the error output only when its json holds nothing but `error`, or
 * `error` and `message` (n8n-core handleNodeErrorOutput), so the context lives in the texts.
 */
function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const json = error.description
		? { error: error.message, message: error.description }
		: { error: error.message };
	return { json, pairedItem: { item: itemIndex } };
}

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NorceClient, NorceSession, RetryTiming } from '../../../shared/transport';
import { Throttle, createNorceClient, openNorceSession } from '../../../shared/transport';
import {
	ORDER_ID,
	findOrderByReference,
	getConcurrency,
	getRequestSettings,
} from '../helpers/parameters';
import { findOperation } from './registry';

/**
 * The node's `execute`: runs the chosen operation for every input item, several at a time,
 * and returns the results in input order, each paired to its input item. A failed item
 * becomes an error item when the node continues on fail; otherwise the first failure (in
 * input order) stops the run after the requests already in flight have settled.
 */
export function router(timing: RetryTiming) {
	return async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const operationModule = findOperation(resource, operation);
		const run = operationModule?.execute;
		if (operationModule === undefined || run === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of resource "${resource}" is not supported`,
				{ description: 'Pick the resource and operation again in the node.' },
			);
		}
		const continueOnFail = this.continueOnFail();
		// An order given By Reference is looked up (one request) before the operation runs.
		const hasOrderId = operationModule.description.some(({ name }) => name === ORDER_ID);

		// An unusable credential fails every item the same way; with continue-on-fail each item
		// still gets its own error item.
		const session: NorceSession | NodeApiError | NodeOperationError = await openNorceSession(
			this,
		).catch((error: Error) => asNodeError(this, error, 0));
		if (session instanceof Error && !continueOnFail) throw session;

		// One throttle for the whole run: a 429 pauses every item, not only the one that got it.
		const throttle = new Throttle(timing);
		// One client per distinct request settings: one per run unless an expression in Options
		// gives items different settings.
		const clients = new Map<string, NorceClient>();
		const clientFor = (connected: NorceSession, itemIndex: number) => {
			const settings = getRequestSettings(this, itemIndex, connected.connection.channel);
			const key = JSON.stringify(settings);
			let client = clients.get(key);
			if (client === undefined) {
				client = createNorceClient(this, connected, settings, { timing, throttle });
				clients.set(key, client);
			}
			return client;
		};

		const results: INodeExecutionData[][] = new Array(items.length);
		let firstFailure: { itemIndex: number; error: Error } | undefined;
		const runItem = async (itemIndex: number) => {
			try {
				if (session instanceof Error) throw session;
				const norce = clientFor(session, itemIndex);
				if (hasOrderId) await findOrderByReference(this, itemIndex, norce);
				const data = await run.call(this, itemIndex, norce);
				results[itemIndex] = data.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (caught) {
				const error = asNodeError(this, caught as Error, itemIndex);
				if (continueOnFail) {
					results[itemIndex] = [errorItem(error, itemIndex)];
				} else if (firstFailure === undefined || itemIndex < firstFailure.itemIndex) {
					firstFailure = { itemIndex, error };
				}
			}
		};

		// At most Concurrency items in flight, started in input order; results are stored by
		// index, so the output order never depends on which request answers first.
		let next = 0;
		const lane = async () => {
			while (next < items.length && firstFailure === undefined) await runItem(next++);
		};
		const lanes = Math.min(getConcurrency(this), items.length);
		await Promise.all(Array.from({ length: lanes }, lane));

		if (firstFailure !== undefined) throw firstFailure.error;
		return [results.flat()];
	};
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

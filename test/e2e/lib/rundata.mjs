// Helpers to read n8n run data (IRun as printed by `n8n execute --rawOutput`).

export function resultData(run) {
	if (!run?.data?.resultData)
		throw new Error(`not n8n run data: ${JSON.stringify(run)?.slice(0, 300)}`);
	return run.data.resultData;
}

/** Every task (run) of a node; [] when the node did not run. */
export function nodeRuns(run, nodeName) {
	return resultData(run).runData[nodeName] ?? [];
}

export function didRun(run, nodeName) {
	return nodeRuns(run, nodeName).length > 0;
}

/**
 * Items of one output of a node. output 0 = main success output, output 1 = the error output
 * (when the node has onError: 'continueErrorOutput').
 */
export function outputItems(run, nodeName, output = 0, runIndex = 0) {
	const task = nodeRuns(run, nodeName)[runIndex];
	if (!task)
		throw new Error(
			`node "${nodeName}" did not run (ran: ${Object.keys(resultData(run).runData).join(', ')})`,
		);
	return task.data?.main?.[output] ?? [];
}

export const successItems = (run, nodeName, runIndex = 0) =>
	outputItems(run, nodeName, 0, runIndex);
export const errorItems = (run, nodeName, runIndex = 0) => outputItems(run, nodeName, 1, runIndex);
export const jsonOf = (items) => items.map((i) => i.json);

/** pairedItem of each item normalised to the input item index (or the array of indexes). */
export function pairedIndexes(items) {
	return items.map((i) => {
		const p = i.pairedItem;
		if (p === undefined || p === null) return undefined;
		if (typeof p === 'number') return p;
		if (Array.isArray(p)) return p.map((x) => (typeof x === 'number' ? x : x.item));
		return p.item;
	});
}

/** The error a node raised (when the node stopped the workflow). */
export function nodeError(run, nodeName) {
	return nodeRuns(run, nodeName)[0]?.error;
}

export function executionError(run) {
	return resultData(run).error;
}

export function lastNodeExecuted(run) {
	return resultData(run).lastNodeExecuted;
}

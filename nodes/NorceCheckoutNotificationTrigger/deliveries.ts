import type { IDataObject } from 'n8n-workflow';

/**
 * Which status changes this trigger has emitted, so a delivery Norce repeats (its retries, or
 * a retry from the Notification Service log) emits nothing the second time.
 *
 * Two memories, because neither is enough alone (n8n 2.8.4 and 2.41.1, README "Exactly once"):
 * - the node's static data survives restarts, but n8n loads it from the database for every
 *   webhook call and saves it whole afterwards, so two calls at the same time each see the
 *   state before the other and the later save drops the other's keys;
 * - this process's memory sees calls running at the same time in this process (the check and
 *   the claim happen in one synchronous step), but not other processes or restarts.
 */

/** Keys kept per trigger in static data: a few days of status changes for most shops. */
export const MAX_REMEMBERED = 1000;
const MAX_TRIGGERS_IN_PROCESS = 1000;

const claimedInProcess = new Map<string, Set<string>>();

function processMemory(trigger: string): Set<string> {
	let keys = claimedInProcess.get(trigger);
	if (keys === undefined) {
		if (claimedInProcess.size >= MAX_TRIGGERS_IN_PROCESS) claimedInProcess.clear();
		keys = new Set();
		claimedInProcess.set(trigger, keys);
	}
	return keys;
}

/** Forgets what this process remembers; for tests that start from a clean process. */
export function forgetProcessMemory(): void {
	claimedInProcess.clear();
}

/**
 * Keeps the keys not seen before (in either memory) and remembers them in both; `staticData`
 * is the node's static data (`remembered`: key → when it was first seen, ms).
 */
export function claimUnseen(
	trigger: string,
	staticData: IDataObject,
	keys: string[],
	now: number,
): Set<string> {
	const inProcess = processMemory(trigger);
	const stored = staticData.remembered;
	const remembered: Record<string, number> =
		typeof stored === 'object' && stored !== null && !Array.isArray(stored)
			? { ...(stored as Record<string, number>) }
			: {};
	const unseen = new Set<string>();
	for (const key of keys) {
		if (inProcess.has(key) || Object.prototype.hasOwnProperty.call(remembered, key)) continue;
		unseen.add(key);
		inProcess.add(key);
		remembered[key] = now;
	}
	if (unseen.size === 0) return unseen;
	const newestFirst = Object.entries(remembered)
		.filter(([, at]) => typeof at === 'number' && Number.isFinite(at))
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_REMEMBERED);
	// Assigned whole, so n8n sees the change and saves it.
	staticData.remembered = Object.fromEntries(newestFirst);
	while (inProcess.size > MAX_REMEMBERED) {
		inProcess.delete(inProcess.values().next().value as string);
	}
	return unseen;
}

import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger remembers between polls, in the node's static data. Only a poll that read
 * every page moves the cursor, and only a successful poll writes anything: a failed page
 * leaves the state as it was, so the next poll sees the same events again.
 */
export interface TriggerState {
	/** Everything up to here (ms) has been seen by a complete pass. */
	cursor: number;
	/** Activation time (ms): nothing older fires, so activating does not replay history. */
	startedAt: number;
	/** Events already emitted near the cursor (key → time), so an overlap never fires twice. */
	seen: Record<string, number>;
	/** A pass cut short by the poll budget: where the next poll carries on. */
	resume?: { offset: number; dateFrom: string; observed: number };
}

/** Re-read window below the cursor: orders that Norce commits a little after their timestamp. */
export const OVERLAP_MS = 5 * 60_000;

/** Bound on remembered events; far more than one overlap window holds. */
const MAX_SEEN = 10_000;

function isState(value: IDataObject): boolean {
	return (
		typeof value.cursor === 'number' &&
		typeof value.startedAt === 'number' &&
		!!value.seen &&
		typeof value.seen === 'object'
	);
}

export function readState(staticData: IDataObject): TriggerState | undefined {
	const state = staticData.norce as IDataObject | undefined;
	return state && isState(state) ? (structuredClone(state) as unknown as TriggerState) : undefined;
}

export function writeState(staticData: IDataObject, state: TriggerState): void {
	staticData.norce = state as unknown as IDataObject;
}

/** Forget events that fell out of the overlap window, and the oldest beyond the bound. */
export function pruneSeen(seen: Record<string, number>, cursor: number): Record<string, number> {
	const kept = Object.entries(seen)
		.filter(([, at]) => at >= cursor - OVERLAP_MS)
		.sort(([, a], [, b]) => b - a)
		.slice(0, MAX_SEEN);
	return Object.fromEntries(kept);
}

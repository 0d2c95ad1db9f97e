import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger remembers between polls, in the node's static data. Times are milliseconds:
 * `firesFrom`, `cursor` and the event times are Norce's clock; `pass.startedAt` is the host's.
 * A failed page leaves the state as it was, so the next poll sees the same events again.
 */
export interface TriggerState {
	version: 2;
	/** Events stamped before this never fire: activation (or a repair), or an overflow of `seen`. */
	firesFrom: number;
	/** Every event stamped at or after `cursor - OVERLAP_MS` is read again by each pass. */
	cursor: number;
	/** Events already emitted, or present at activation, that a pass can still see (key → time). */
	seen: Record<string, number>;
	/** Activation pass: events stamped up to `until` are remembered, not fired (nothing replayed). */
	baseline?: { until: number };
	/** A pass cut short by the poll budget: where the next poll carries on. */
	pass?: Pass;
	/** Host time of the last warning that the volume calls for the Notification Trigger. */
	volumeWarnedAt?: number;
}

/**
 * A pass reads the window by keyset, not by offset: each page starts at the `created` of the
 * last order read, so orders deleted or created meanwhile shift nothing. Orders read at that
 * boundary are skipped by ID when the next page returns them again.
 */
export interface Pass {
	/** Host time when the pass began: bounds the cursor it may set. */
	startedAt: number;
	/** `created` (ms) the next page starts at. */
	from: number;
	/** Compact IDs of the orders read whose `created` is at or after `queryFrom(from)`. */
	boundary: string[];
	/** How many orders those are (more than `boundary` holds when over MAX_BOUNDARY). */
	boundaryCount: number;
	/** Latest time any order read by this pass records (Norce's clock), or null. */
	observed: number | null;
	/** Orders read by this pass so far. */
	orders: number;
}

/** Re-read window below the cursor: orders that Norce commits a little after their timestamp. */
export const OVERLAP_MS = 5 * 60_000;
/** How far Norce's clock may be from the host's: activation and the cursor allow for this. */
export const MAX_SKEW_MS = 5 * 60_000;
/** A saved time later than the host's now plus this is not believed: the state is repaired. */
export const FUTURE_TOLERANCE_MS = 60_000;
/** Bound on remembered events (typical load: a few per minute of the ~15-minute window). */
export const MAX_SEEN = 1500;
/** Of those, future-dated events (kept until they are no longer in the future). */
export const MAX_FUTURE = 200;
/** Bound on the boundary IDs a pass keeps. */
export const MAX_BOUNDARY = 100;
/** Bound on a key or an ID in the state (compactKey keeps them shorter). */
const MAX_SAVED_KEY = 120;
/**
 * The saved state stays under this many bytes (JSON): MAX_SEEN keys of at most 120 characters
 * with their times, MAX_BOUNDARY IDs and a few numbers. Checked by test/nodes/NorceCheckoutTrigger/poll/cursor.test.ts.
 */
export const STATE_MAX_BYTES = 200_000;

export type StateReading =
	| { kind: 'fresh' }
	| { kind: 'ok'; state: TriggerState; repaired?: string }
	| { kind: 'reset'; reason: string };

const isTime = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e15;

const isPlainObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

function describeTime(ms: number): string {
	return isTime(ms) ? new Date(ms).toISOString() : String(ms);
}

/** Why the remembered events cannot be used, or undefined. Stops at the bound: never walks 1,000,000 keys. */
function seenProblem(seen: unknown): string | undefined {
	if (!isPlainObject(seen)) return 'the remembered events are unreadable';
	let count = 0;
	for (const key in seen) {
		if (++count > MAX_SEEN) return `more than ${MAX_SEEN} remembered events (the limit)`;
		if (key.length > MAX_SAVED_KEY || !isTime(seen[key]))
			return 'the remembered events are unreadable';
	}
	return undefined;
}

function passProblem(pass: unknown, now: number): string | undefined {
	if (!isPlainObject(pass)) return 'unreadable';
	const { startedAt, from, boundary, boundaryCount, observed, orders } = pass;
	if (typeof startedAt === 'number' && startedAt > now + FUTURE_TOLERANCE_MS)
		return `started in the future (${describeTime(startedAt)})`;
	if (!isTime(startedAt) || !isTime(from) || !isTime(boundaryCount) || !isTime(orders))
		return 'unreadable';
	if (observed !== null && !isTime(observed)) return 'unreadable';
	if (
		!Array.isArray(boundary) ||
		boundary.length > MAX_BOUNDARY ||
		boundary.some((id) => typeof id !== 'string' || id.length > MAX_SAVED_KEY)
	)
		return 'unreadable';
	if (startedAt > now + FUTURE_TOLERANCE_MS)
		return `started in the future (${describeTime(startedAt)})`;
	return undefined;
}

/**
 * Reads the saved state. Missing: a fresh activation. Unreadable, dated in the future (a host
 * clock set back, a corrupted value) or over its bounds: a reset, with the reason for the log.
 * Only an unreadable unfinished pass is dropped alone: the next pass re-reads the window and the
 * remembered events keep it from firing anything twice.
 */
export function readState(staticData: IDataObject, now: number): StateReading {
	const saved = staticData.norce as unknown;
	if (saved === undefined) return { kind: 'fresh' };
	if (!isPlainObject(saved) || saved.version !== 2)
		return { kind: 'reset', reason: 'the saved state is unreadable' };
	const { firesFrom, cursor, baseline, pass, volumeWarnedAt } = saved;
	const latest = now + FUTURE_TOLERANCE_MS;
	const isNumber = (value: unknown): value is number =>
		typeof value === 'number' && Number.isFinite(value);
	if (isNumber(firesFrom) && isNumber(cursor) && (cursor > latest || firesFrom > latest))
		return {
			kind: 'reset',
			reason: `the saved cursor is in the future (${describeTime(Math.max(cursor, firesFrom))}, now ${describeTime(now)})`,
		};
	if (!isTime(firesFrom) || !isTime(cursor))
		return { kind: 'reset', reason: 'the saved cursor is unreadable' };
	const problem = seenProblem(saved.seen);
	if (problem) return { kind: 'reset', reason: problem };
	if (baseline !== undefined && !(isPlainObject(baseline) && isTime(baseline.until)))
		return { kind: 'reset', reason: 'the saved activation is unreadable' };

	const state = {
		version: 2,
		firesFrom,
		cursor,
		seen: { ...(saved.seen as Record<string, number>) },
		...(baseline ? { baseline: { until: (baseline as { until: number }).until } } : {}),
		...(isTime(volumeWarnedAt) ? { volumeWarnedAt } : {}),
	} as TriggerState;
	if (pass === undefined) return { kind: 'ok', state };
	const passIssue = passProblem(pass, now);
	if (passIssue) return { kind: 'ok', state, repaired: `the unfinished pass was ${passIssue}` };
	const { startedAt, from, boundary, boundaryCount, observed, orders } = pass as unknown as Pass;
	state.pass = { startedAt, from, boundary: [...boundary], boundaryCount, observed, orders };
	return { kind: 'ok', state };
}

export function writeState(staticData: IDataObject, state: TriggerState): void {
	staticData.norce = state as unknown as IDataObject;
}

export interface Pruned {
	seen: Record<string, number>;
	firesFrom: number;
	/** Future-dated events forgotten over MAX_FUTURE: they fire again if Norce still lists them. */
	forgottenFuture: number;
	/** Events forgotten over MAX_SEEN: `firesFrom` moved past them. */
	overflow: number;
}

/**
 * Forgets events no pass can see again (stamped before `floor`), then keeps the bounds: the
 * nearest MAX_FUTURE future-dated events, and the newest of the rest up to MAX_SEEN in all.
 * Events forgotten for the bound move `firesFrom` past them, so they cannot fire twice.
 */
export function pruneSeen(
	seen: Record<string, number>,
	floor: number,
	firesFrom: number,
	now: number,
): Pruned {
	// Norce's clock may be MAX_SKEW_MS ahead: only what lies beyond that is future-dated.
	const futureFrom = now + MAX_SKEW_MS + FUTURE_TOLERANCE_MS;
	const future: Array<[string, number]> = [];
	const present: Array<[string, number]> = [];
	for (const key in seen) {
		const at = seen[key];
		if (at < floor) continue;
		(at > futureFrom ? future : present).push([key, at]);
	}
	future.sort((a, b) => a[1] - b[1]);
	const forgottenFuture = Math.max(0, future.length - MAX_FUTURE);
	future.length -= forgottenFuture;
	const room = MAX_SEEN - future.length;
	let overflow = 0;
	let nextFiresFrom = firesFrom;
	if (present.length > room) {
		present.sort((a, b) => b[1] - a[1]);
		overflow = present.length - room;
		nextFiresFrom = Math.max(firesFrom, present[room][1] + 1);
		present.length = room;
	}
	return {
		seen: Object.fromEntries([...present, ...future]),
		firesFrom: nextFiresFrom,
		forgottenFuture,
		overflow,
	};
}

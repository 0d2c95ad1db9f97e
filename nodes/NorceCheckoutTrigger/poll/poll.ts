import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { headerOption } from '../../../shared/headerOption';
import { parseNorceTime } from '../../../shared/norceTime';
import { ORDER_STATUS_OPTIONS } from '../../../shared/orderStatuses';
import type { NorceClient, RetryTiming } from '../../../shared/transport';
import { PAGE_SIZE, openTriggerClient } from '../../../shared/transport';
import type { Pass, TriggerState } from './cursor';
import { MAX_BOUNDARY, MAX_SKEW_MS, OVERLAP_MS, pruneSeen, readState, writeState } from './cursor';
import { DEFAULT_LOOKBACK_DAYS, VOLUME_NOTICE_ORDERS } from './description';
import type { OrderEvent, TriggerEvent } from './events';
import { compactKey, eventsOf, latestTime } from './events';

export interface PollDependencies {
	timing: RetryTiming;
	/** The clock (ms); injected so tests decide what "now" is. */
	now: () => number;
	/** Orders a pass may read before the log recommends the Notification Trigger (tests lower it). */
	volumeNoticeOrders?: number;
}

/** Stop paging when less than this share of the poll budget is left. */
const BUDGET_RESERVE = 0.2;
const DAY_MS = 24 * 60 * 60_000;

interface Settings {
	event: TriggerEvent;
	statuses: string[];
	lookbackDays: number;
	simplify: boolean;
	channel?: string;
}

function readSettings(context: IPollFunctions): Settings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const channel = headerOption(context.getNode(), options.channel, 'Channel');
	const lookbackDays = Number(options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS);
	return {
		event: context.getNodeParameter('event', 'orderStatusChanged') as TriggerEvent,
		statuses: (context.getNodeParameter('statuses', []) as string[]).map(String),
		lookbackDays:
			Number.isFinite(lookbackDays) && lookbackDays > 0 ? lookbackDays : DEFAULT_LOOKBACK_DAYS,
		simplify: options.simplify !== false,
		channel,
	};
}

async function connect(context: IPollFunctions, settings: Settings, timing: RetryTiming) {
	return (await openTriggerClient(context, settings.channel, timing)).norce;
}

async function readPage(norce: NorceClient, qs: IDataObject, offset: number) {
	const read = { path: ['orders'], qs, subject: 'the order list', what: 'orders' };
	return await norce.readPage(read, offset, PAGE_SIZE);
}

/** "Completed or Declined": the statuses as the Statuses field names them. */
function statusNames(statuses: string[]): string {
	const names = statuses.map(
		(status) => ORDER_STATUS_OPTIONS.find((option) => option.value === status)?.name ?? status,
	);
	return names.length > 1
		? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
		: names[0];
}

/**
 * Why a manual test run found nothing to show, and what to change. n8n's own pollers throw in
 * a manual run when nothing matches (n8n-nodes-base GoogleDriveTrigger: "No data with the
 * current filter could be found"); an empty answer would leave the panel saying nothing.
 */
function nothingToShowError(
	context: IPollFunctions,
	settings: Settings,
	channel: string,
	page: { read: number; total?: number },
): NodeOperationError {
	const statuses = settings.statuses.length > 0 ? statusNames(settings.statuses) : undefined;
	const more = page.total !== undefined && page.total > page.read;
	const among = more ? `the ${page.read} newest of the ${page.total}` : `the ${page.read}`;
	const orders = page.read === 1 && !more ? 'order' : 'orders';
	let message: string;
	let description: string;
	if (settings.event === 'orderStatusChanged') {
		const window = `created in the last ${settings.lookbackDays} ${settings.lookbackDays === 1 ? 'day' : 'days'}`;
		message =
			page.read === 0
				? `No orders ${window} on channel "${channel}", so no status change to show`
				: `No order changed status${statuses ? ` into ${statuses}` : ''} among ${among} ${orders} ${window} on channel "${channel}"`;
		description = `A test run shows the newest status change that would fire. ${
			statuses ? 'Change Statuses or' : 'Change'
		} Options → Lookback Days (only orders created in that window are watched), or change an order's status (Order → Update State) and fetch again. A published workflow fires on the changes after it was published.`;
	} else {
		message =
			page.read === 0
				? `No orders on channel "${channel}", so no created order to show`
				: `No order${statuses ? ` created in status ${statuses}` : ' with a creation time'} among ${among} newest ${orders} on channel "${channel}"`;
		description = `A test run shows the newest order that would fire. ${
			statuses ? 'Change Statuses, or create' : 'Create'
		} an order (Order → Create) and fetch again, or check the credential's merchant and channel.`;
	}
	return new NodeOperationError(context.getNode(), message, { description });
}

/**
 * A manual test run: the newest matching event, whatever the cursor, so the user sees the
 * shape; when there is none, an error that says why.
 */
async function newestEvent(
	context: IPollFunctions,
	norce: NorceClient,
	settings: Settings,
	now: number,
) {
	const { entries: orders, totalSize } = await readPage(
		norce,
		{
			order_by: 'created',
			order_by_direction: 'desc',
			...(settings.event === 'orderStatusChanged'
				? { date_from: new Date(now - settings.lookbackDays * DAY_MS).toISOString() }
				: {}),
		},
		0,
	);
	const events = orders.flatMap((order) =>
		eventsOf(order, settings.event, settings.statuses, settings.simplify),
	);
	const newest = events.sort((a, b) => b.at - a.at)[0];
	if (newest) return [[{ json: newest.json }]];
	throw nothingToShowError(context, settings, norce.channel, {
		read: orders.length,
		total: totalSize,
	});
}

const HOUR_MS = 60 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Where a page continues from: a second before the boundary's whole second, so a Norce that
 * truncates `date_from` to seconds, or reads it as exclusive, still returns every order not
 * yet read; the ones already read come back and are skipped by ID.
 */
const queryFrom = (from: number) => Math.floor(from / 1000) * 1000 - 1000;

/** A fresh start: events from before this poll never fire, whichever way Norce's clock is off. */
function activationState(now: number): TriggerState {
	return {
		version: 2,
		// Norce's clock may be MAX_SKEW_MS behind: an order created right after activation is
		// stamped that much earlier. What already exists at activation is remembered instead.
		firesFrom: now - MAX_SKEW_MS - OVERLAP_MS,
		cursor: now - MAX_SKEW_MS,
		seen: {},
		baseline: { until: now + MAX_SKEW_MS },
	};
}

function toItems(events: OrderEvent[]): INodeExecutionData[][] | null {
	if (events.length === 0) return null;
	return [events.sort((a, b) => a.at - b.at).map(({ json }) => ({ json }))];
}

function unsortedError(context: IPollFunctions) {
	return new NodeOperationError(
		context.getNode(),
		'Norce Checkout did not sort the order list by creation time',
		{
			description:
				'The trigger asks for order_by=created&order_by_direction=asc and pages by creation time; without that order it could skip orders. Check the credential points at the Norce Checkout Order API.',
		},
	);
}

interface PageOutcome {
	complete: boolean;
	/** Orders on the page not read before by this pass. */
	fresh: number;
}

/**
 * One page of the pass: skips the orders read before at the boundary, checks the order,
 * hands every new order to `onOrder` and moves the pass's keyset forward.
 */
async function readNextPage(
	context: IPollFunctions,
	norce: NorceClient,
	baseQuery: IDataObject,
	pass: Pass,
	byOffset: boolean,
	onOrder: (order: IDataObject) => void,
): Promise<PageOutcome> {
	const bound = queryFrom(pass.from);
	// When a page or more was read at the boundary, a page from the bound would hold only orders
	// read before: skip them by offset instead (a deletion among them could then skip an order).
	const offset =
		byOffset || pass.boundaryCount > pass.boundary.length || pass.boundaryCount >= PAGE_SIZE
			? pass.boundaryCount
			: 0;
	const { entries, totalSize } = await readPage(
		norce,
		{ ...baseQuery, date_from: iso(bound) },
		offset,
	);
	const skip = offset === 0 ? new Set(pass.boundary) : new Set<string>();
	// The boundary: orders read whose created is at or after the next page's bound.
	let boundary: Array<[string, number]> = pass.boundary.map((id) => [id, pass.from]);
	let extra = pass.boundaryCount - pass.boundary.length;
	let previous = -Infinity;
	let fresh = 0;
	for (const order of entries) {
		if (!order || typeof order !== 'object') continue;
		const created = parseNorceTime(order.created);
		if (created !== undefined) {
			if (created < previous) throw unsortedError(context);
			previous = created;
		}
		const id = compactKey(String(order.id));
		if (skip.has(id)) continue;
		fresh++;
		pass.orders++;
		const latest = latestTime(order);
		if (latest !== undefined) pass.observed = Math.max(pass.observed ?? latest, latest);
		onOrder(order);
		if (created !== undefined && created > pass.from) {
			pass.from = created;
			const kept = boundary.filter(([, at]) => at >= queryFrom(created));
			if (kept.length < boundary.length) extra = 0;
			boundary = kept;
		}
		boundary.push([id, created ?? pass.from]);
	}
	const count = boundary.length + extra;
	pass.boundary = boundary.slice(-MAX_BOUNDARY).map(([id]) => id);
	pass.boundaryCount = count;
	const complete =
		entries.length < PAGE_SIZE || (totalSize !== undefined && offset + entries.length >= totalSize);
	return { complete, fresh };
}

export async function pollOrders(
	this: IPollFunctions,
	{ timing, now, volumeNoticeOrders = VOLUME_NOTICE_ORDERS }: PollDependencies,
): Promise<INodeExecutionData[][] | null> {
	const started = now();
	const settings = readSettings(this);
	const norce = await connect(this, settings, timing);
	if (this.getMode() === 'manual') return await newestEvent(this, norce, settings, started);

	const staticData = this.getWorkflowStaticData('node');
	const reading = readState(staticData, started);
	const label = `Norce Checkout Trigger "${this.getNode().name}"`;
	let state: TriggerState;
	const activating = reading.kind !== 'ok';
	if (reading.kind === 'ok') {
		state = reading.state;
		if (reading.repaired)
			this.logger.warn(
				`${label}: ${reading.repaired}; it was dropped and the next pass reads the whole window again. No event is lost or fired twice.`,
			);
	} else {
		state = activationState(started);
		if (reading.kind === 'reset')
			this.logger.warn(
				`${label}: ${reading.reason}; the state was reset. Events from ${iso(started)} on fire again; changes between the last good poll and then do not fire.`,
			);
	}

	// n8n 2.39+ tells how long a poll may take; stop paging in time and resume next poll.
	const budget = 'getPollBudgetMs' in this ? (this.getPollBudgetMs as () => number)() : undefined;
	const deadline = budget === undefined ? Infinity : started + budget * (1 - BUDGET_RESERVE);
	const floor = Math.max(state.cursor - OVERLAP_MS, state.firesFrom);
	const pass: Pass = state.pass ?? {
		startedAt: started,
		from: settings.event === 'orderCreated' ? floor : started - settings.lookbackDays * DAY_MS,
		boundary: [],
		boundaryCount: 0,
		observed: null,
		orders: 0,
	};
	const baseQuery: IDataObject = { order_by: 'created', order_by_direction: 'asc' };

	const seen = state.seen;
	const found: OrderEvent[] = [];
	const onOrder = (order: IDataObject) => {
		for (const event of eventsOf(order, settings.event, settings.statuses, settings.simplify)) {
			if (event.at < floor || seen[event.key] !== undefined) continue;
			seen[event.key] = event.at;
			// The activation pass remembers what already exists instead of firing it: all it finds
			// in the poll that activates, and in a later poll what is stamped before the activation.
			if (state.baseline === undefined) found.push(event);
			else if (!activating && event.at > state.baseline.until) found.push(event);
		}
	};

	let complete = false;
	let byOffset = false;
	// At least one page per poll, so a tiny budget still makes progress.
	do {
		const outcome = await readNextPage(this, norce, baseQuery, pass, byOffset, onOrder);
		complete = outcome.complete;
		if (!complete && outcome.fresh === 0) {
			// A whole page of orders read before: more than a page share one second.
			if (byOffset) throw stuckError(this);
			byOffset = true;
		} else byOffset = false;
	} while (!complete && now() < deadline);

	const cursor = complete
		? Math.max(state.cursor, Math.min(pass.startedAt - MAX_SKEW_MS, pass.observed ?? -Infinity))
		: state.cursor;
	const nextFloor = Math.max(cursor - OVERLAP_MS, state.firesFrom);
	const pruned = pruneSeen(seen, nextFloor, state.firesFrom, started);
	if (pruned.overflow > 0)
		this.logger.warn(
			`${label}: more than ${Object.keys(pruned.seen).length} events in the overlap window; the ${pruned.overflow} oldest were forgotten, and events stamped before ${iso(pruned.firesFrom)} that show up only now do not fire.`,
		);
	if (pruned.forgottenFuture > 0)
		this.logger.warn(
			`${label}: ${pruned.forgottenFuture} future-dated events were forgotten (over the limit); they fire again if Norce still lists them.`,
		);
	const next: TriggerState = {
		version: 2,
		firesFrom: pruned.firesFrom,
		cursor,
		seen: pruned.seen,
		...(complete ? {} : { pass, ...(state.baseline ? { baseline: state.baseline } : {}) }),
		...(state.volumeWarnedAt !== undefined ? { volumeWarnedAt: state.volumeWarnedAt } : {}),
	};
	if (
		complete &&
		pass.orders > volumeNoticeOrders &&
		(next.volumeWarnedAt === undefined || started - next.volumeWarnedAt >= HOUR_MS)
	) {
		next.volumeWarnedAt = started;
		this.logger.warn(
			`${label}: each poll reads ${pass.orders} orders (about ${Math.ceil(pass.orders / PAGE_SIZE)} requests). Above ${volumeNoticeOrders} orders in the window, use the Norce Checkout Notification Trigger: Norce calls n8n on each change and nothing is re-read.`,
		);
	}
	writeState(staticData, next);
	return toItems(found);
}

function stuckError(context: IPollFunctions) {
	return new NodeOperationError(
		context.getNode(),
		'Norce Checkout order list paging made no progress',
		{
			description:
				'Norce answered the same orders for the next page twice. Try again later; if it persists, shorten Lookback Days.',
		},
	);
}

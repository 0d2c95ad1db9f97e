import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { hasControlCharacters, hasNonHeaderCharacters } from '../../../shared/connection';
import type { NorceClient, RetryTiming } from '../../../shared/transport';
import { createNorceClient, openNorceSession, readListPage } from '../../../shared/transport';
import type { TriggerState } from './cursor';
import { OVERLAP_MS, pruneSeen, readState, writeState } from './cursor';
import { DEFAULT_LOOKBACK_DAYS } from './description';
import type { OrderEvent, TriggerEvent } from './events';
import { eventsOf, latestTime } from './events';

export interface PollDependencies {
	timing: RetryTiming;
	/** The clock (ms); injected so tests decide what "now" is. */
	now: () => number;
}

const PAGE_SIZE = 100;
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
	const channel = String(options.channel ?? '').trim();
	if (channel && (hasControlCharacters(channel) || hasNonHeaderCharacters(channel))) {
		throw new NodeOperationError(
			context.getNode(),
			'Channel contains a character that cannot be sent in an HTTP header',
			{
				description:
					'The Channel option is sent as the x-channel header: use plain letters, digits and punctuation.',
			},
		);
	}
	const lookbackDays = Number(options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS);
	return {
		event: context.getNodeParameter('event', 'orderStatusChanged') as TriggerEvent,
		statuses: (context.getNodeParameter('statuses', []) as string[]).map(String),
		lookbackDays:
			Number.isFinite(lookbackDays) && lookbackDays > 0 ? lookbackDays : DEFAULT_LOOKBACK_DAYS,
		simplify: options.simplify !== false,
		channel: channel || undefined,
	};
}

async function connect(context: IPollFunctions, settings: Settings, timing: RetryTiming) {
	const session = await openNorceSession(context);
	return createNorceClient(
		context,
		session,
		{ channel: settings.channel ?? session.connection.channel, maxRetries: 3, timeoutMs: 30_000 },
		{ timing },
	);
}

async function readPage(
	context: IPollFunctions,
	norce: NorceClient,
	qs: IDataObject,
	offset: number,
) {
	const { entries } = await readListPage(
		context,
		norce,
		{ path: ['orders'], qs, subject: 'the order list' },
		{ offset, limit: PAGE_SIZE, what: 'orders' },
	);
	return entries;
}

function toItems(events: OrderEvent[]): INodeExecutionData[][] | null {
	if (events.length === 0) return null;
	return [events.sort((a, b) => a.at - b.at).map(({ json }) => ({ json }))];
}

/** A manual test run: the newest matching event, whatever the cursor, so the user sees the shape. */
async function newestEvent(
	context: IPollFunctions,
	norce: NorceClient,
	settings: Settings,
	now: number,
) {
	const orders = await readPage(
		context,
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
	return newest ? [[{ json: newest.json }]] : null;
}

export async function pollOrders(
	this: IPollFunctions,
	{ timing, now }: PollDependencies,
): Promise<INodeExecutionData[][] | null> {
	const started = now();
	const settings = readSettings(this);
	const norce = await connect(this, settings, timing);
	if (this.getMode() === 'manual') return await newestEvent(this, norce, settings, started);

	const staticData = this.getWorkflowStaticData('node');
	const state: TriggerState | undefined = readState(staticData);
	if (state === undefined) {
		writeState(staticData, { cursor: started, startedAt: started, seen: {} });
		return null;
	}

	// n8n 2.39+ tells how long a poll may take; stop paging in time and resume next poll.
	const budget = 'getPollBudgetMs' in this ? (this.getPollBudgetMs as () => number)() : undefined;
	const deadline = budget === undefined ? Infinity : started + budget * (1 - BUDGET_RESERVE);
	const floor = Math.max(state.cursor - OVERLAP_MS, state.startedAt);
	const dateFrom =
		state.resume?.dateFrom ??
		new Date(
			settings.event === 'orderCreated' ? floor : started - settings.lookbackDays * DAY_MS,
		).toISOString();
	const qs = { date_from: dateFrom, order_by: 'created', order_by_direction: 'asc' };

	let offset = state.resume?.offset ?? 0;
	let observed = state.resume?.observed ?? state.cursor;
	// By key: an order that shifts to the next page while paging is still one event.
	const found = new Map<string, OrderEvent>();
	let complete = false;
	// At least one page per poll, so a tiny budget still makes progress.
	do {
		const orders = await readPage(this, norce, qs, offset);
		offset += orders.length;
		for (const order of orders) {
			observed = Math.max(observed, latestTime(order, settings.event));
			for (const event of eventsOf(order, settings.event, settings.statuses, settings.simplify)) {
				if (event.at >= floor && state.seen[event.key] === undefined) found.set(event.key, event);
			}
		}
		complete = orders.length < PAGE_SIZE;
	} while (!complete && now() < deadline);

	const seen = { ...state.seen };
	for (const event of found.values()) seen[event.key] = event.at;
	const cursor = complete ? Math.max(state.cursor, observed) : state.cursor;
	writeState(staticData, {
		cursor,
		startedAt: state.startedAt,
		seen: complete ? pruneSeen(seen, cursor) : seen,
		...(complete ? {} : { resume: { offset, dateFrom, observed } }),
	});
	return toItems([...found.values()]);
}

import type { IExecuteFunctions } from 'n8n-workflow';

type GetNodeParameter = (
	name: string,
	itemIndex: number,
	fallbackValue?: unknown,
	options?: unknown,
) => unknown;

/** One prefetched parameter read of one item: its value, or the error the read threw. */
interface Entry {
	failed: boolean;
	value: unknown;
}

interface Signature {
	key: string;
	name: string;
	fallbackValue: unknown;
	options: unknown;
}

/** `getNodeParameter(name, i, fallback, options)` calls with the same key read the same thing. */
function signatureKey(name: string, fallbackValue: unknown, options: unknown): string {
	const plain =
		options === undefined &&
		(fallbackValue === null || typeof fallbackValue !== 'object') &&
		typeof fallbackValue !== 'function';
	return plain
		? `${name}\u0000${typeof fallbackValue}\u0000${String(fallbackValue)}`
		: `${name}\u0000${JSON.stringify([fallbackValue, options ?? null])}`;
}

/**
 * Reads the parameters of the next items ahead of their requests, while the requests already
 * in flight are waiting for Norce, so a worker that gets its answer finds the next item's
 * parameters already resolved (n8n evaluates every expression per item, which costs as much
 * CPU as the request itself on loopback).
 *
 * It is only a cache in front of `getNodeParameter`; an operation still reads its parameters
 * where and when it always did, and gets exactly what n8n would have given it then:
 * - which parameters are read ahead is learnt from the reads the operations make (name,
 *   fallback and options), so it works for every operation without any list to keep;
 * - a read that threw is stored and thrown again at the very read that would have thrown it,
 *   so a parameter error of item k still surfaces when item k runs, in input order, and
 *   continue-on-fail gives the same error items; items after a failure that stops the run
 *   are never started, even when their parameters were read;
 * - every prefetched value is handed out once (a second read of the same parameter for the
 *   same item goes to n8n again), so an operation never shares an object with another read.
 * The one visible difference: an expression of a later item is evaluated a few requests early
 * (and even when the run stops before that item), which matters only to expressions with
 * side effects or to `$now` at millisecond precision.
 */
export class ParameterPrefetch {
	private readonly signatures: Signature[] = [];

	private readonly known = new Set<string>();

	/** Prefetched entries per item index, removed when the item has run. */
	private readonly entries = new Map<number, Map<string, Entry>>();

	/** Items below this have been read ahead with the first `filledWith` signatures. */
	private filledUpTo = 0;

	private filledWith = 0;

	private closed = false;

	private readonly read: GetNodeParameter;

	/** The context the operations run with: `this` with the caching `getNodeParameter`. */
	readonly context: IExecuteFunctions;

	constructor(
		base: IExecuteFunctions,
		private readonly count: number,
		private readonly lookahead: number,
	) {
		this.read = base.getNodeParameter.bind(base) as GetNodeParameter;
		const context = Object.create(base) as IExecuteFunctions;
		context.getNodeParameter = ((
			name: string,
			itemIndex: number,
			fallbackValue?: unknown,
			options?: unknown,
		) =>
			this.get(name, itemIndex, fallbackValue, options)) as IExecuteFunctions['getNodeParameter'];
		this.context = context;
	}

	private get(name: string, itemIndex: number, fallbackValue: unknown, options: unknown) {
		const key = signatureKey(name, fallbackValue, options);
		const cached = this.entries.get(itemIndex);
		const entry = cached?.get(key);
		if (entry !== undefined) {
			cached!.delete(key);
			if (entry.failed) throw entry.value;
			return entry.value;
		}
		if (!this.known.has(key)) {
			this.known.add(key);
			this.signatures.push({ key, name, fallbackValue, options });
		}
		return this.read(name, itemIndex, fallbackValue, options);
	}

	/**
	 * Reads the known parameters of the items from `from` (the next item not started yet) up
	 * to `lookahead` items ahead, in one tight loop, once less than half of that window is
	 * left. Called while requests are in flight; never throws.
	 */
	fill(from: number): void {
		if (this.closed || this.signatures.length === 0) return;
		const learnt = this.signatures.length > this.filledWith;
		if (!learnt && this.filledUpTo - from >= this.lookahead / 2) return;
		const start = learnt ? from : Math.max(from, this.filledUpTo);
		const end = Math.min(this.count, from + this.lookahead);
		this.filledWith = this.signatures.length;
		for (let itemIndex = start; itemIndex < end; itemIndex++) {
			let cached = this.entries.get(itemIndex);
			if (cached === undefined) {
				cached = new Map();
				this.entries.set(itemIndex, cached);
			}
			for (const { key, name, fallbackValue, options } of this.signatures) {
				if (cached.has(key)) continue;
				try {
					cached.set(key, {
						failed: false,
						value: this.read(name, itemIndex, fallbackValue, options),
					});
				} catch (error) {
					cached.set(key, { failed: true, value: error });
				}
			}
		}
		if (end > this.filledUpTo) this.filledUpTo = end;
	}

	/** Item `itemIndex` has run: what it did not read is dropped. */
	done(itemIndex: number): void {
		this.entries.delete(itemIndex);
	}

	/** The run is over (or stops): nothing more is read ahead. */
	close(): void {
		this.closed = true;
		this.entries.clear();
	}
}

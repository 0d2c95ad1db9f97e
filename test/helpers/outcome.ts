/**
 * Checks on what a run produced: every input accounted for exactly once (a result or one
 * error item, paired to it), error items shaped as n8n routes them, and no API key anywhere.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from './n8nRuntime';
import { API_KEY } from './norceFixture';

/** Every form the key could leak in: bare, as the header value, and its distinctive core. */
export const SECRET_FORMS = [API_KEY, `Bearer ${API_KEY}`, API_KEY.slice(8)];

/** Every text a run leaves behind that a user or n8n could store or show. */
function runTexts(result: RunResult): Array<[string, string]> {
	const texts: Array<[string, string]> = [
		['output', JSON.stringify(result.output)],
		['errorOutput', JSON.stringify(result.errorOutput)],
		['serialized run data', result.serialized],
	];
	if (result.error) {
		const error = result.error as Error & { description?: string | null };
		texts.push(['error message', String(error.message)]);
		texts.push(['error description', String(error.description ?? '')]);
		texts.push(['error', JSON.stringify(error, Object.getOwnPropertyNames(error))]);
	}
	return texts;
}

/** Fails when any form of a secret appears anywhere in what the run produced. */
export function expectNoSecrets(result: RunResult, secrets: string[] = SECRET_FORMS): void {
	const leaks: string[] = [];
	for (const [where, text] of runTexts(result)) {
		for (const secret of secrets) {
			if (text.includes(secret)) leaks.push(`${where} contains "${secret.slice(0, 12)}…"`);
		}
	}
	expect(leaks).toEqual([]);
}

/** The input index an item is paired to (undefined when it is not paired to exactly one). */
export function pairedIndex(item: INodeExecutionData): number | undefined {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (paired && !Array.isArray(paired)) return paired.item;
	if (Array.isArray(paired) && paired.length === 1) {
		const only = paired[0];
		return typeof only === 'number' ? only : only.item;
	}
	return undefined;
}

export interface Accounting {
	/** Input index → items on the main output. */
	results: Map<number, INodeExecutionData[]>;
	/** Input index → error items (at most one each when accounted). */
	errors: Map<number, INodeExecutionData[]>;
	/** Items without a usable pairedItem, or paired to an index outside the input. */
	unpaired: INodeExecutionData[];
	/** Inputs with neither a result nor an error item. */
	lost: number[];
	/** Inputs with both results and an error item, or more than one error item. */
	duplicated: number[];
}

/** Sorts both outputs by the input each item is paired to. */
export function account(result: RunResult, inputCount: number): Accounting {
	const accounting: Accounting = {
		results: new Map(),
		errors: new Map(),
		unpaired: [],
		lost: [],
		duplicated: [],
	};
	const file = (items: INodeExecutionData[], into: Map<number, INodeExecutionData[]>) => {
		for (const item of items) {
			const index = pairedIndex(item);
			if (index === undefined || !Number.isInteger(index) || index < 0 || index >= inputCount) {
				accounting.unpaired.push(item);
				continue;
			}
			into.set(index, [...(into.get(index) ?? []), item]);
		}
	};
	file(result.output, accounting.results);
	file(result.errorOutput, accounting.errors);
	for (let index = 0; index < inputCount; index++) {
		const results = accounting.results.get(index)?.length ?? 0;
		const errors = accounting.errors.get(index)?.length ?? 0;
		if (results === 0 && errors === 0) accounting.lost.push(index);
		if (errors > 1 || (errors === 1 && results > 0)) accounting.duplicated.push(index);
	}
	return accounting;
}

/** The run finished, and every input came out exactly once, paired to it, in input order. */
export function expectAccounted(result: RunResult, inputCount: number): Accounting {
	expect(result.error).toBeUndefined();
	const accounting = account(result, inputCount);
	expect(accounting.unpaired).toEqual([]);
	expect(accounting.lost).toEqual([]);
	expect(accounting.duplicated).toEqual([]);
	for (const output of [result.output, result.errorOutput]) {
		const order = output.map((item) => pairedIndex(item) as number);
		expect(order).toEqual([...order].sort((a, b) => a - b));
	}
	return accounting;
}

/**
 * An error item as n8n routes it to the error output: the node returns `{error, message?}`
 * and n8n-core (handleNodeErrorOutput) merges it over the paired input item's json.
 */
export function expectErrorItemShape(item: INodeExecutionData, input: IDataObject): void {
	const { error, message, ...rest } = item.json;
	expect(typeof error).toBe('string');
	expect(message === undefined || typeof message === 'string').toBe(true);
	expect(rest).toEqual(
		Object.fromEntries(
			Object.entries(input).filter(([key]) => key !== 'error' && key !== 'message'),
		),
	);
}

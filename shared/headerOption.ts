import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { headerValueProblem } from './connection';

/**
 * A node option sent as an HTTP header (Channel, Adapter ID), for the action node and both
 * triggers: trimmed, undefined when empty, refused before any request when it cannot be sent
 * (a CR/LF would let a value inject headers).
 */
export function headerOption(
	node: INode,
	value: unknown,
	label: string,
	itemIndex?: number,
): string | undefined {
	const text =
		typeof value === 'string'
			? value.trim()
			: value === undefined || value === null
				? ''
				: String(value);
	if (text === '') return undefined;
	const problem = headerValueProblem(text);
	if (problem !== undefined) {
		const where = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
		throw new NodeOperationError(node, `${label} ${problem}${where}`, {
			itemIndex,
			description: `"${label}" is sent as an HTTP header: a single line of plain letters, digits and punctuation.`,
		});
	}
	return text;
}

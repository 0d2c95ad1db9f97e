import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Request bodies: every object body can be given as JSON (`bodyInput: json`, `jsonBody`);
 * the common ones also as named fields, the default.
 */

export function jsonBodyProperty(example: unknown, description: string): INodeProperties {
	return {
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		required: true,
		default: JSON.stringify(example, null, 2),
		description,
	};
}

/** "Body Input" (fields or JSON), the fields shown for `fields`, the JSON editor for `json`. */
export function bodyInputProperties(
	fields: INodeProperties[],
	example: unknown,
	description: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Body Input',
			name: 'bodyInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'fields',
		},
		...fields.map((field) => ({ ...field, displayOptions: { show: { bodyInput: ['fields'] } } })),
		{
			...jsonBodyProperty(example, description),
			displayOptions: { show: { bodyInput: ['json'] } },
		},
	];
}

type JsonKind = 'object' | 'array';

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	return value === null ? 'null' : typeof value;
}

/** The `jsonBody` parameter of one item, parsed and checked to be an object (or array). */
export function getJsonBody(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: JsonKind = 'object',
): IDataObject | IDataObject[] {
	const raw = context.getNodeParameter('jsonBody', itemIndex, '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(
				context.getNode(),
				`JSON Body is not valid JSON (item ${itemIndex})`,
				{
					itemIndex,
					description: `${(error as Error).message}. Check the "JSON Body" parameter or the expression that builds it.`,
				},
			);
		}
	}
	if (kindOf(value) !== kind) {
		throw new NodeOperationError(
			context.getNode(),
			`JSON Body must be a JSON ${kind}, not ${kindOf(value)} (item ${itemIndex})`,
			{
				itemIndex,
				description: `Norce expects ${kind === 'object' ? 'an object {…}' : 'an array […]'} here.`,
			},
		);
	}
	return value as IDataObject | IDataObject[];
}

/** An optional JSON field among named fields (e.g. a JSON Schema); undefined when empty. */
export function parseJsonField(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject | undefined {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	if (typeof raw !== 'string') return raw as IDataObject;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as IDataObject;
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} is not valid JSON (item ${itemIndex})`,
			{
				itemIndex,
				description: `${(error as Error).message}. Check the "${label}" field.`,
			},
		);
	}
}

/** The body: from `jsonBody`, or built from the named fields. */
export function getBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fromFields: () => IDataObject,
): IDataObject;
export function getBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fromFields: () => IDataObject[],
	kind: 'array',
): IDataObject[];
export function getBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fromFields: () => IDataObject | IDataObject[],
	kind: JsonKind = 'object',
): IDataObject | IDataObject[] {
	const input = context.getNodeParameter('bodyInput', itemIndex, 'fields') as string;
	return input === 'json' ? getJsonBody(context, itemIndex, kind) : fromFields();
}

/**
 * Named text parameters as a body object, empty ones left out. The body key is the parameter
 * name unless `renamed` maps a key to another parameter (e.g. description → a name that does
 * not clash with n8n's own).
 */
export function textFields(
	context: IExecuteFunctions,
	itemIndex: number,
	names: string[],
	renamed: Record<string, string> = {},
): IDataObject {
	return withoutEmpty(
		Object.fromEntries(
			names.map((key) => [
				key,
				context.getNodeParameter(renamed[key] ?? key, itemIndex, '') as string,
			]),
		),
	);
}

/** Named fields with an empty value are left out, so Norce keeps its defaults. */
export function withoutEmpty(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(
			([, value]) => value !== '' && value !== undefined && value !== null,
		),
	);
}

/**
 * Bodies as the operations build them: JSON Body parsed and checked to be the kind Norce
 * expects (an object, or an array), named fields with empty values left out, optional JSON
 * fields. Errors name the parameter and the item.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	bodyInputProperties,
	getBody,
	parseJsonField,
	textFields,
} from '../../../../nodes/NorceCheckoutOrder/helpers/body';
import { parameterContext } from '../../../helpers/contexts';

const FROM_FIELDS = { from: 'fields' };
const bodyOf = (parameters: INodeParameters, kind?: 'array') =>
	kind === 'array'
		? getBody(parameterContext(parameters), 2, () => [FROM_FIELDS], 'array')
		: getBody(parameterContext(parameters), 2, () => FROM_FIELDS);

describe('getBody', () => {
	it.each<[string, INodeParameters, unknown]>([
		['the fields by default', {}, FROM_FIELDS],
		[
			'JSON text',
			{ bodyInput: 'json', jsonBody: '{"a": [1, {"b": null}]}' },
			{ a: [1, { b: null }] },
		],
		['JSON already resolved by an expression', { bodyInput: 'json', jsonBody: { a: 1 } }, { a: 1 }],
	])('an object body from %s', (_, parameters, expected) => {
		expect(bodyOf(parameters)).toEqual(expected);
	});

	it('an array body where Norce expects one', () => {
		expect(bodyOf({ bodyInput: 'json', jsonBody: '[{"a": 1}]' }, 'array')).toEqual([{ a: 1 }]);
		expect(bodyOf({}, 'array')).toEqual([FROM_FIELDS]);
	});

	it.each<[string, unknown, 'array' | undefined, string]>([
		['text that is no JSON', '{"a": ', undefined, 'JSON Body is not valid JSON (item 2)'],
		[
			'an array for an object',
			'[]',
			undefined,
			'JSON Body must be a JSON object, not array (item 2)',
		],
		['null', 'null', undefined, 'JSON Body must be a JSON object, not null (item 2)'],
		['a JSON string', '"text"', undefined, 'JSON Body must be a JSON object, not string (item 2)'],
		[
			'a number from an expression',
			7,
			undefined,
			'JSON Body must be a JSON object, not number (item 2)',
		],
		[
			'an object for an array',
			'{}',
			'array',
			'JSON Body must be a JSON array, not object (item 2)',
		],
	])('refuses %s before any request', (_, jsonBody, kind, message) => {
		let thrown: unknown;
		try {
			bodyOf({ bodyInput: 'json', jsonBody } as INodeParameters, kind);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toMatchObject({
			name: 'NodeOperationError',
			message,
			context: { itemIndex: 2 },
		});
	});

	it('says where invalid JSON broke and what to check', () => {
		expect(() => bodyOf({ bodyInput: 'json', jsonBody: '{"a": ' })).toThrow(
			expect.objectContaining({
				description: expect.stringMatching(/JSON.*Check the "JSON Body" parameter/s) as string,
			}),
		);
	});
});

describe('textFields', () => {
	it('leaves out empty fields, so Norce keeps its defaults, and maps renamed ones', () => {
		const context = parameterContext({ name: 'Hook', url: '', note: 'about', other: 'x' });
		expect(textFields(context, 0, ['name', 'url', 'description'], { description: 'note' })).toEqual(
			{
				name: 'Hook',
				description: 'about',
			},
		);
	});
});

describe('parseJsonField', () => {
	const parse = (schema: unknown) =>
		parseJsonField(parameterContext({ schema } as INodeParameters), 'schema', 'Schema', 1);

	it.each<[string, unknown, unknown]>([
		['empty text', '', undefined],
		['blank text', '  \n', undefined],
		['null', null, undefined],
		['JSON text', '{"type": "object"}', { type: 'object' }],
		['an object from an expression', { type: 'object' }, { type: 'object' }],
	])('%s', (_, value, expected) => {
		expect(parse(value)).toEqual(expected);
	});

	it('refuses text that is no JSON, naming the field and the item', () => {
		expect(() => parse('{')).toThrow('Schema is not valid JSON (item 1)');
	});
});

describe('bodyInputProperties', () => {
	it('shows the fields for "fields" and the JSON editor (with the example) for "json"', () => {
		const [input, field, json] = bodyInputProperties(
			[{ displayName: 'Name', name: 'name', type: 'string', default: '' }],
			{ name: 'example' },
			'The body',
		);
		expect(input).toMatchObject({ name: 'bodyInput', default: 'fields' });
		expect(field.displayOptions).toEqual({ show: { bodyInput: ['fields'] } });
		expect(json).toMatchObject({
			name: 'jsonBody',
			displayOptions: { show: { bodyInput: ['json'] } },
			default: JSON.stringify({ name: 'example' }, null, 2),
		});
	});
});

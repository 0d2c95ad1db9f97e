/**
 * A node option sent as an HTTP header (Channel, Adapter ID): trimmed, absent when empty,
 * refused before any request when it could not be sent or would inject a header.
 */
import { headerOption } from '../../shared/headerOption';
import { TEST_NODE } from '../helpers/contexts';

describe('headerOption', () => {
	it.each<[string, unknown, string | undefined]>([
		['text, trimmed', '  se \t', 'se'],
		['a number from an expression', 7, '7'],
		['empty text', '', undefined],
		['blank text', '   ', undefined],
		['undefined', undefined, undefined],
		['null', null, undefined],
	])('%s', (_, value, expected) => {
		expect(headerOption(TEST_NODE, value, 'Channel')).toBe(expected);
	});

	// Which characters cannot be sent is headerValueProblem's (connection.test.ts).
	it('refuses a value with a line break (header injection), naming the option and the item', () => {
		expect(() => headerOption(TEST_NODE, 'se\r\nx-admin: 1', 'Adapter ID', 4)).toThrow(
			expect.objectContaining({
				name: 'NodeOperationError',
				message: 'Adapter ID contains a line break or control character (item 4)',
				description: expect.stringContaining('"Adapter ID" is sent as an HTTP header') as string,
				context: expect.objectContaining({ itemIndex: 4 }) as object,
			}),
		);
	});

	it('names no item where there is none (a trigger)', () => {
		expect(() => headerOption(TEST_NODE, 'a\nb', 'Channel')).toThrow(
			/^Channel contains a line break or control character$/,
		);
	});
});

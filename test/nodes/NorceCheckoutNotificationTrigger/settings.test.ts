/**
 * The Notification Trigger's parameters, checked before any request: known statuses only, in
 * the order an order moves through them; a Channel that can be a header and a path segment.
 * (connect() is exercised by every registration and receive test.)
 */
import type { INodeParameters } from 'n8n-workflow';

import { readSettings } from '../../../nodes/NorceCheckoutNotificationTrigger/settings';
import { triggerParameterContext } from '../../helpers/contexts';

const settingsOf = (parameters: INodeParameters) =>
	readSettings(triggerParameterContext(parameters));

describe('readSettings', () => {
	it('by default: every status, the credential’s channel, verify and simplify on', () => {
		expect(settingsOf({})).toEqual({
			statuses: [],
			channel: undefined,
			verify: true,
			simplify: true,
		});
	});

	it('keeps known statuses only, in the order an order moves through them', () => {
		expect(settingsOf({ statuses: ['completed', 'bogus', 'processing'] }).statuses).toEqual([
			'processing',
			'completed',
		]);
	});

	it('reads the options: a trimmed channel, verify and simplify off', () => {
		expect(
			settingsOf({ options: { channel: ' no ', verify: false, simplify: false } }),
		).toMatchObject({ channel: 'no', verify: false, simplify: false });
	});

	it.each<[string, string, RegExp]>([
		['a dot segment', '..', /^Channel is not a valid channel name$/],
		['a line break', 'se\nx', /^Channel contains a line break/],
	])('refuses a channel that is %s', (_, channel, message) => {
		expect(() => settingsOf({ options: { channel } })).toThrow(message);
	});
});

/**
 * Norce timestamps are UTC, whatever the host's zone: this file also runs under
 * TZ=Europe/Stockholm and TZ=America/Los_Angeles (jest.config.js), where Date.parse of a
 * timestamp without offset would be an hour (Stockholm, winter) or eight hours off.
 */
import { norceDateQuery, parseNorceTime } from '../../shared/norceTime';

const UTC_10 = Date.UTC(2026, 11, 5, 10, 0, 0);

/** Set by test/helpers/timezoneEnvironment.js in the time-zone projects only. */
declare const EXPECTED_TIMEZONE: string | undefined;

it('runs in the host zone its jest project names', () => {
	// Under the zone projects the zone must really apply, or the runs prove nothing.
	const offset = new Date(UTC_10).getTimezoneOffset();
	const expected: Record<string, number> = {
		'Europe/Stockholm': -60,
		'America/Los_Angeles': 480,
	};
	const zone = typeof EXPECTED_TIMEZONE === 'string' ? EXPECTED_TIMEZONE : undefined;
	if (zone === undefined) return; // the default project: whatever zone the host has
	expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
	expect(offset).toBe(expected[zone]);
});

describe('parseNorceTime', () => {
	it.each([
		['2026-12-05T10:00:00Z', UTC_10],
		['2026-12-05T10:00:00', UTC_10],
		['2026-12-05 10:00:00', UTC_10],
		['2026-12-05T10:00', UTC_10],
		['2026-12-05T10:00:00.000', UTC_10],
		['2026-12-05T10:00:00.0000000', UTC_10],
		['2026-12-05T10:00:00.1234567', UTC_10 + 123],
		['2026-12-05T11:00:00+01:00', UTC_10],
		['2026-12-05T11:00:00+0100', UTC_10],
		['2026-12-05T02:00:00-08:00', UTC_10],
		[' 2026-12-05T10:00:00z ', UTC_10],
		['2026-12-05', Date.UTC(2026, 11, 5)],
	])('reads %j as UTC', (text, expected) => {
		expect(parseNorceTime(text)).toBe(expected);
	});

	it.each([
		undefined,
		null,
		1765000000000,
		'',
		'yesterday',
		'2026-12-05T25:00:00Z',
		'2026-13-05T10:00:00Z',
		'Sat, 05 Dec 2026 10:00:00 GMT',
		'2026-12-05T10:00:00 Z junk',
	])('refuses %j', (value) => {
		expect(parseNorceTime(value)).toBeUndefined();
	});
});

describe('norceDateQuery', () => {
	it('adds Z to a date-time without zone and keeps the rest as written', () => {
		expect(norceDateQuery('2026-12-05T10:00:00')).toBe('2026-12-05T10:00:00Z');
		expect(norceDateQuery('2026-12-05 10:00')).toBe('2026-12-05T10:00Z');
		expect(norceDateQuery('2026-12-05T11:00:00+01:00')).toBe('2026-12-05T11:00:00+01:00');
		expect(norceDateQuery('2026-12-05')).toBe('2026-12-05');
		expect(norceDateQuery('next week')).toBeUndefined();
	});
});

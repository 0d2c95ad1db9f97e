/**
 * Norce's timestamps. The API documents them as UTC ("UTC Time when state was set"), but a
 * date-time without an offset would be read by `Date.parse` in the host's zone (an hour off on
 * a Stockholm host), so a missing offset is made explicit here: UTC, whatever the host's TZ.
 */

/** A date-time without zone: `2026-12-05T10:00`, `…:00`, `…:00.1234567`, space or `T`. */
const WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;
/** A date-time with `Z` or `±hh:mm` / `±hhmm`. */
const WITH_ZONE =
	/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The text with an explicit zone (`Z` added when it had none); undefined if not a date-time. */
function withZone(text: string): string | undefined {
	const bare = WITHOUT_ZONE.exec(text);
	if (bare) return `${bare[1]}T${bare[2]}Z`;
	if (WITH_ZONE.test(text)) return text.replace(' ', 'T');
	return undefined;
}

/**
 * Milliseconds since the epoch of a Norce timestamp (ISO 8601 date-time; no offset = UTC; a
 * plain date = its UTC midnight); undefined for anything else, so a garbage value never
 * becomes a time.
 */
export function parseNorceTime(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const zoned = DATE_ONLY.test(text) ? `${text}T00:00:00Z` : withZone(text);
	if (zoned === undefined) return undefined;
	const ms = Date.parse(zoned);
	return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A date filter as sent to Norce: a date-time without zone gets `Z` (UTC, as Norce reads its
 * own timestamps); one with a zone and a plain date (a whole UTC day) are sent as written.
 * Undefined when the text is neither.
 */
export function norceDateQuery(text: string): string | undefined {
	const trimmed = text.trim();
	if (DATE_ONLY.test(trimmed)) return trimmed;
	const zoned = withZone(trimmed);
	return zoned !== undefined && Number.isFinite(Date.parse(zoned)) ? zoned : undefined;
}

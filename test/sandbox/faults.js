// @ts-check
'use strict';
/**
 * Fault injection: explicit rules (addFault), seeded random faults and a
 * token-bucket rate limiter. Decisions are taken when a request arrives, in
 * arrival order, so a given seed/rule set behaves the same on every run.
 */

const { STATUS_CODES } = require('node:http');
const { mulberry32 } = require('./prng');
const { OPERATIONS } = require('./operations');
const {
	answer,
	answerJson,
	JSON_TYPE,
	defaultErrorCode,
	defaultErrorMessage,
} = require('./responses');

/**
 * @typedef {import('./index').FaultRule} FaultRule
 * @typedef {import('./index').FaultMatch} FaultMatch
 * @typedef {import('./index').Operation} Operation
 * @typedef {import('./index').RandomFaultsConfig} RandomFaultsConfig
 * @typedef {import('./index').RandomFaultKind} RandomFaultKind
 * @typedef {import('./responses').Exchange} Exchange
 * @typedef {{method: string, operation: Operation | undefined, orderId: string | undefined, eventId?: string | undefined}} FaultTarget
 */

const FAULT_KINDS = ['status', 'invalidJson', 'delay', 'drop', 'hang', 'headersEcho'];
const STATUS_BODIES = ['base', 'rfc7807', 'html', 'empty', 'truncated', 'text'];
const RANDOM_KINDS = ['429', '500', '502', '503', '504', 'reset', 'timeout', 'hang', 'invalidJson'];

/** @param {unknown} value */
const isPlainObject = (value) =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} match @returns {FaultMatch | undefined} */
function normalizeMatch(match) {
	if (match === undefined || match === null) return undefined;
	if (!isPlainObject(match)) throw new TypeError('fault.match must be an object');
	const { method, operation, orderId, eventId } = /** @type {FaultMatch} */ (match);
	if (method !== undefined && typeof method !== 'string')
		throw new TypeError('fault.match.method must be a string');
	if (operation !== undefined && !OPERATIONS.includes(operation)) {
		throw new TypeError(`fault.match.operation must be one of ${OPERATIONS.join(', ')}`);
	}
	if (orderId !== undefined && typeof orderId !== 'string')
		throw new TypeError('fault.match.orderId must be a string');
	if (eventId !== undefined && typeof eventId !== 'string')
		throw new TypeError('fault.match.eventId must be a string');
	return { method: method && method.toUpperCase(), operation, orderId, eventId };
}

/** @param {unknown} value @param {string} name @param {number} min @param {number} max */
function checkNumber(value, name, min, max) {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
		throw new TypeError(`${name} must be a number between ${min} and ${max}`);
	}
	return value;
}

/**
 * Validates a rule (from code or from JSON on the control API) and fills defaults.
 * `times: null` means unlimited, because JSON cannot carry Infinity.
 * @param {unknown} input @returns {FaultRule & {times: number}}
 */
function normalizeRule(input) {
	if (!isPlainObject(input)) throw new TypeError('fault rule must be an object');
	const rule = /** @type {Record<string, any>} */ ({ .../** @type {object} */ (input) });
	if (!FAULT_KINDS.includes(rule.kind))
		throw new TypeError(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
	rule.match = normalizeMatch(rule.match);
	rule.times = rule.times === undefined || rule.times === null ? Infinity : rule.times;
	if (rule.times !== Infinity && (!Number.isInteger(rule.times) || rule.times < 1)) {
		throw new TypeError('fault.times must be a positive integer');
	}
	switch (rule.kind) {
		case 'status':
			rule.status = checkNumber(
				rule.status === undefined ? 500 : rule.status,
				'fault.status',
				100,
				599,
			);
			rule.body = rule.body === undefined ? 'base' : rule.body;
			if (!STATUS_BODIES.includes(rule.body))
				throw new TypeError(`fault.body must be one of ${STATUS_BODIES.join(', ')}`);
			if (
				rule.retryAfter !== undefined &&
				typeof rule.retryAfter !== 'number' &&
				typeof rule.retryAfter !== 'string'
			) {
				throw new TypeError('fault.retryAfter must be a number of seconds or an HTTP date string');
			}
			break;
		case 'invalidJson':
		case 'headersEcho':
			rule.status = checkNumber(
				rule.status === undefined ? (rule.kind === 'invalidJson' ? 200 : 401) : rule.status,
				'fault.status',
				100,
				599,
			);
			break;
		case 'delay':
			rule.ms = checkNumber(rule.ms, 'fault.ms', 0, 2_147_483_647);
			break;
		case 'drop':
			rule.mode = rule.mode === undefined ? 'reset' : rule.mode;
			if (rule.mode !== 'reset' && rule.mode !== 'close')
				throw new TypeError("fault.mode must be 'reset' or 'close'");
			break;
	}
	if (rule.headers !== undefined && !isPlainObject(rule.headers))
		throw new TypeError('fault.headers must be an object');
	return /** @type {FaultRule & {times: number}} */ (rule);
}

/** @param {FaultMatch | undefined} match @param {FaultTarget} target */
function matches(match, target) {
	if (!match) return true;
	if (match.method !== undefined && match.method !== target.method) return false;
	if (match.operation !== undefined && match.operation !== target.operation) return false;
	if (match.orderId !== undefined && match.orderId !== target.orderId) return false;
	if (match.eventId !== undefined && match.eventId !== target.eventId) return false;
	return true;
}

/** Ordered list of fault rules; the first matching rule wins and uses up one of its `times`. */
class FaultRules {
	constructor() {
		/** @type {Array<{id: string, rule: FaultRule, remaining: number}>} */
		this.entries = [];
		this.nextId = 1;
	}

	/** @param {unknown} input @returns {string} id */
	add(input) {
		const rule = normalizeRule(input);
		const id = `fault-${this.nextId++}`;
		this.entries.push({ id, rule, remaining: rule.times });
		return id;
	}

	/** @param {string} id */
	remove(id) {
		const index = this.entries.findIndex((entry) => entry.id === id);
		if (index !== -1) this.entries.splice(index, 1);
		return index !== -1;
	}

	clear() {
		this.entries.length = 0;
	}

	/** @param {FaultTarget} target @returns {FaultRule | undefined} */
	take(target) {
		for (let i = 0; i < this.entries.length; i++) {
			const entry = this.entries[i];
			if (!matches(entry.rule.match, target)) continue;
			entry.remaining -= 1;
			if (entry.remaining <= 0) this.entries.splice(i, 1);
			return entry.rule;
		}
		return undefined;
	}

	/** Active rules with their remaining uses (null = unlimited), for the control API. */
	list() {
		return this.entries.map(({ id, rule, remaining }) => ({
			id,
			remaining: remaining === Infinity ? null : remaining,
			rule: { ...rule, times: rule.times === Infinity ? null : rule.times },
		}));
	}
}

/** Seeded random faults: per request, one draw decides whether to fail, one draw picks the kind. */
class RandomFaults {
	/** @param {RandomFaultsConfig} input @param {number} fallbackSeed */
	constructor(input, fallbackSeed) {
		if (!isPlainObject(input)) throw new TypeError('randomFaults must be an object');
		const rate = checkNumber(
			input.rate === undefined ? 0.05 : input.rate,
			'randomFaults.rate',
			0,
			1,
		);
		/** @type {RandomFaultKind[]} */
		const kinds = input.kinds === undefined ? ['429', '503', 'reset', 'timeout'] : input.kinds;
		if (
			!Array.isArray(kinds) ||
			kinds.length === 0 ||
			kinds.some((kind) => !RANDOM_KINDS.includes(kind))
		) {
			throw new TypeError(
				`randomFaults.kinds must be a non-empty array of ${RANDOM_KINDS.join(', ')}`,
			);
		}
		const seed =
			input.seed === undefined
				? fallbackSeed
				: checkNumber(input.seed, 'randomFaults.seed', -(2 ** 53), 2 ** 53);
		const timeoutMs = checkNumber(
			input.timeoutMs === undefined ? 10_000 : input.timeoutMs,
			'randomFaults.timeoutMs',
			0,
			2_147_483_647,
		);
		/** @type {Required<Omit<RandomFaultsConfig, 'match'>> & {match?: FaultMatch}} */
		this.config = { rate, seed, kinds: [...kinds], timeoutMs, match: normalizeMatch(input.match) };
		this.next = mulberry32(seed);
	}

	/** @param {FaultTarget} target @returns {FaultRule | undefined} */
	decide(target) {
		if (!matches(this.config.match, target)) return undefined;
		if (this.next() >= this.config.rate) return undefined;
		const kind = this.config.kinds[Math.floor(this.next() * this.config.kinds.length)];
		switch (kind) {
			case 'reset':
				return { kind: 'drop', mode: 'reset' };
			case 'timeout':
				return { kind: 'delay', ms: this.config.timeoutMs };
			case 'hang':
				return { kind: 'hang' };
			case 'invalidJson':
				return { kind: 'invalidJson', status: 200 };
			case '429':
				return { kind: 'status', status: 429, body: 'base', retryAfter: this.next() < 0.5 ? 0 : 1 };
			default:
				return { kind: 'status', status: Number(kind), body: 'base' };
		}
	}
}

/** Token bucket holding at most one second's worth of requests. */
class RateLimiter {
	/** @param {number} perSecond */
	constructor(perSecond) {
		this.perSecond = checkNumber(
			perSecond,
			'rateLimit.perSecond',
			Number.MIN_VALUE,
			Number.MAX_SAFE_INTEGER,
		);
		this.tokens = this.perSecond;
		this.refilledAt = performance.now();
	}

	/** @returns {boolean} false when the request is over the rate */
	tryTake() {
		const now = performance.now();
		this.tokens = Math.min(
			this.perSecond,
			this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond,
		);
		this.refilledAt = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

/** Section of RFC 9110 (RFC 6585 for 429) that ASP.NET-style problem details link to. */
const PROBLEM_TYPES = /** @type {Record<number, string>} */ ({
	400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
	401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
	403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
	404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
	409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
	415: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
	429: 'https://tools.ietf.org/html/rfc6585#section-4',
	500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
	502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
	503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
	504: 'https://tools.ietf.org/html/rfc9110#section-15.6.5',
});

let traceCounter = 0;
function nextTraceId() {
	traceCounter += 1;
	return `00-${traceCounter.toString(16).padStart(32, '0')}-${traceCounter.toString(16).padStart(16, '0')}-00`;
}

/**
 * Answers a fault that produces a response (status, invalidJson, headersEcho).
 * @param {Exchange} ex @param {FaultRule} rule
 */
function answerFault(ex, rule) {
	/** @type {Record<string, string>} */
	const headers = { ...(rule.headers || {}) };
	switch (rule.kind) {
		case 'invalidJson':
			return answer(ex, rule.status || 200, { 'content-type': JSON_TYPE, ...headers }, '{not json');
		case 'headersEcho': {
			const status = rule.status || 401;
			const authorization = ex.req.headers.authorization;
			// Deliberately leaks the token: proves the client never surfaces server-echoed secrets.
			return answerJson(
				ex,
				status,
				{
					code: defaultErrorCode(status),
					message: `Rejected request with Authorization '${authorization || ''}'.`,
					receivedHeaders: { ...ex.req.headers },
				},
				headers,
			);
		}
		case 'status': {
			const status = rule.status ?? 500;
			if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
			const code = rule.code || defaultErrorCode(status);
			const message = rule.message || defaultErrorMessage(status);
			const reason = STATUS_CODES[status] || 'Error';
			switch (rule.body || 'base') {
				case 'base':
					return answerJson(ex, status, { code, message }, headers);
				case 'rfc7807':
					return answer(
						ex,
						status,
						{ 'content-type': 'application/problem+json; charset=utf-8', ...headers },
						JSON.stringify({
							type: PROBLEM_TYPES[status] || 'about:blank',
							title: reason,
							status,
							detail: message,
							instance: ex.path,
							traceId: nextTraceId(),
						}),
					);
				case 'html':
					return answer(
						ex,
						status,
						{ 'content-type': 'text/html', ...headers },
						`<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
					);
				case 'empty':
					return answer(ex, status, headers);
				case 'truncated': {
					// Complete HTTP message whose JSON body is cut off, e.g. {"code":"internal-server
					const json = JSON.stringify({ code, message });
					return answer(
						ex,
						status,
						{ 'content-type': JSON_TYPE, ...headers },
						json.slice(0, Math.max(2, Math.floor(json.length / 3))),
					);
				}
				case 'text':
					return answer(
						ex,
						status,
						{ 'content-type': 'text/plain; charset=utf-8', ...headers },
						message,
					);
			}
			return undefined;
		}
		default:
			throw new Error(`answerFault cannot answer fault kind '${rule.kind}'`);
	}
}

module.exports = {
	FAULT_KINDS,
	OPERATIONS,
	RANDOM_KINDS,
	FaultRules,
	RandomFaults,
	RateLimiter,
	normalizeRule,
	answerFault,
};

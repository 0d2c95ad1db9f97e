// @ts-check
'use strict';
/**
 * Writing answers. Every API answer goes through `answer`, which is the one
 * place that records the status on the request record and in the stats.
 */

const { STATUS_CODES } = require('node:http');

/**
 * One request/response pair being handled.
 * @typedef {object} Exchange
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {string} path raw path without query
 * @property {import('./index').RecordedRequest | undefined} record undefined when recording is off
 * @property {import('./index').SandboxStats} stats
 */

const JSON_TYPE = 'application/json; charset=utf-8';

/** Messages for the statuses faults commonly inject; others use the reason phrase. */
const DEFAULT_MESSAGES = /** @type {Record<number, string>} */ ({
	400: 'The request is invalid.',
	401: 'Missing or invalid bearer token.',
	403: 'Access to this resource is forbidden.',
	404: 'The requested resource was not found.',
	408: 'The request timed out.',
	409: 'The resource was modified by another request.',
	429: 'Too many requests. Please retry later.',
	500: 'An unexpected error occurred.',
	502: 'The upstream service returned an invalid response.',
	503: 'The service is temporarily unavailable.',
	504: 'The upstream service did not answer in time.',
});

/** e.g. 429 → 'too-many-requests', 500 → 'internal-server-error'. @param {number} status */
function defaultErrorCode(status) {
	const phrase = STATUS_CODES[status];
	return phrase
		? phrase
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, '')
		: `http-${status}`;
}

/** @param {number} status */
function defaultErrorMessage(status) {
	return DEFAULT_MESSAGES[status] || `${STATUS_CODES[status] || 'Error'}.`;
}

/**
 * @param {Exchange} ex @param {number} status
 * @param {Record<string, string>} headers @param {string} [body]
 */
function answer(ex, status, headers, body = '') {
	const { res } = ex;
	// The client may have gone away (timeout/abort) while we were waiting.
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
	res.end(body);
	if (ex.record) ex.record.status = status;
	ex.stats.byStatus[status] = (ex.stats.byStatus[status] || 0) + 1;
}

/** @param {Exchange} ex @param {number} status @param {unknown} value @param {Record<string, string>} [headers] */
function answerJson(ex, status, value, headers) {
	answer(ex, status, { 'content-type': JSON_TYPE, ...headers }, JSON.stringify(value));
}

/** v0 BaseError `{code, message}`. @param {Exchange} ex @param {number} status @param {string} code @param {string} message @param {Record<string, string>} [headers] */
function answerError(ex, status, code, message, headers) {
	answerJson(ex, status, { code, message }, headers);
}

/** 200 with no body, as the v0 "No content" operations answer. @param {Exchange} ex */
function answerNoContent(ex) {
	answer(ex, 200, {});
}

module.exports = {
	JSON_TYPE,
	answer,
	answerJson,
	answerError,
	answerNoContent,
	defaultErrorCode,
	defaultErrorMessage,
};

// @ts-check
'use strict';
/**
 * Waiting for events the test cannot subscribe to. Plain JS because the n8n lint rules forbid
 * setImmediate and node:http in TypeScript.
 */
const http = require('node:http');

/**
 * Resolves once `condition()` holds (e.g. "the sandbox has answered item 2"), checked once per
 * event-loop turn, after pending I/O, for as long as it takes. There is no time limit on
 * purpose: a condition that never holds fails the test by Jest's timeout, and a slow machine
 * only makes the wait longer, never the outcome different. The checks do not keep the process
 * alive on their own.
 * @param {() => boolean} condition @returns {Promise<void>}
 */
function until(condition) {
	return new Promise((resolve) => {
		const check = () => (condition() ? resolve() : setImmediate(check).unref());
		check();
	});
}

/**
 * Lets `count` event-loop turns pass (pending I/O is handled in each). Only ever used to give
 * a misbehaving node the chance to show itself (e.g. a request over the concurrency limit);
 * a correct node passes however many turns this takes.
 * @param {number} count @returns {Promise<void>}
 */
async function turns(count) {
	for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Resolves once the server at `url` has taken in every connection opened to it before: it
 * accepts connections in order, so when a request on a new connection has been answered, an
 * attempt the node gave up on (a timeout) has been read too, or was never sent. Sent to the
 * sandbox's health endpoint, which is neither recorded nor counted.
 * @param {string} url e.g. the sandbox's `url` @returns {Promise<void>}
 */
function caughtUp(url) {
	return new Promise((resolve, reject) => {
		const request = http.get(`${url}/__sandbox/health`, { agent: false }, (answer) => {
			answer.resume();
			answer.on('end', () => resolve());
		});
		request.on('error', reject);
	});
}

module.exports = { until, turns, caughtUp };

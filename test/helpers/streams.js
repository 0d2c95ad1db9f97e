// @ts-check
'use strict';
/**
 * Node readables for the transport's stream reading. Plain JS because the n8n lint rules forbid
 * node:stream in TypeScript.
 */
const { Readable } = require('node:stream');

/**
 * A stream of `count` chunks of `size` spaces, produced one chunk per read; `state.read`
 * counts the chunks produced.
 * @param {number} count @param {number} size
 */
function chunkStream(count, size) {
	const state = { read: 0 };
	const body = new Readable({
		highWaterMark: size,
		read() {
			if (state.read === count) return void this.push(null);
			state.read++;
			this.push(Buffer.alloc(size, 0x20));
		},
	});
	return { body, state };
}

/** A stream that gives only what the test pushes, and ends only when told. */
function openStream() {
	return new Readable({ read() {} });
}

module.exports = { chunkStream, openStream };

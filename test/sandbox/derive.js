// @ts-check
'use strict';
/**
 * Deterministic ids: Norce-looking ids (`o_…`, `ci_…`, `oc_…`, `p_…`) and UUIDs derived
 * from a seed text, plus `IdSource`, the per-sandbox counter the API uses for new ids
 * (so a fresh or reset sandbox hands out the same ids in the same order).
 */

const { mulberry32 } = require('./prng');

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** FNV-1a of the text, as the PRNG seed. @param {string} seedText */
function seedOf(seedText) {
	let hash = 2166136261;
	for (let i = 0; i < seedText.length; i++)
		hash = Math.imul(hash ^ seedText.charCodeAt(i), 16777619);
	return hash >>> 0;
}

/**
 * Deterministic Norce-looking id (`ci_…`, `oc_…`, `p_…`) derived from a seed text,
 * so nested ids are stable without listing each by hand.
 * @param {string} prefix @param {string} seedText
 */
function deriveId(prefix, seedText) {
	const next = mulberry32(seedOf(seedText));
	let id = prefix;
	for (let i = 0; i < 26; i++) id += LETTERS[Math.floor(next() * LETTERS.length)];
	return id;
}

/** Deterministic RFC 4122 version-4-shaped UUID. @param {string} seedText */
function deriveUuid(seedText) {
	const next = mulberry32(seedOf(seedText));
	const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
	hex[12] = '4';
	hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	const text = hex.join('');
	return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** Hands out new ids; `reset()` starts the sequence again. */
class IdSource {
	constructor() {
		this.counter = 0;
	}

	reset() {
		this.counter = 0;
	}

	/** @param {string} prefix e.g. 'o_', 'p_', 'oh_' */
	next(prefix) {
		this.counter += 1;
		return deriveId(prefix, `sandbox/${prefix}/${this.counter}`);
	}

	uuid() {
		this.counter += 1;
		return deriveUuid(`sandbox/uuid/${this.counter}`);
	}
}

module.exports = { deriveId, deriveUuid, IdSource };

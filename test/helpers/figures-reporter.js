// @ts-check
'use strict';
/**
 * Jest reporter that prints the figures the fault matrix and the soak recorded during this run
 * (RESULTS_DIR/*.json written after the run started). Register it next to the default
 * reporter: reporters: ['default', '<rootDir>/test/helpers/figures-reporter.js'].
 */
const fs = require('node:fs');
const path = require('node:path');
const { RESULTS_DIR } = require('./figures');

class FiguresReporter {
	constructor() {
		this.startedAt = Date.now();
	}

	onRunStart() {
		this.startedAt = Date.now();
	}

	onRunComplete() {
		let files = [];
		try {
			files = fs.readdirSync(RESULTS_DIR).filter((file) => file.endsWith('.json'));
		} catch {
			return;
		}
		const lines = [];
		for (const file of files.sort()) {
			const full = path.join(RESULTS_DIR, file);
			// 1 s of slack: file systems with coarse mtimes.
			if (fs.statSync(full).mtimeMs < this.startedAt - 1000) continue;
			try {
				// Sample messages stay in the JSON file; the console gets the counts.
				const {
					name,
					recordedAt: _recordedAt,
					samples: _samples,
					...figures
				} = JSON.parse(fs.readFileSync(full, 'utf8'));
				lines.push(`  ${name}: ${JSON.stringify(figures)}`);
			} catch {
				lines.push(`  ${file}: (unreadable)`);
			}
		}
		if (lines.length > 0) {
			process.stdout.write(`\nFigures (${RESULTS_DIR}):\n${lines.join('\n')}\n`);
		}
	}
}

module.exports = FiguresReporter;

// @ts-check
'use strict';
/** Runs a Node script in a process of its own and reads the JSON it prints last. */
const { execFile } = require('node:child_process');
const path = require('node:path');

/** @param {string} script path below test/ @param {string[]} args @returns {Promise<any>} */
function runChild(script, args) {
	return new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			['--expose-gc', path.join(__dirname, '..', script), ...args],
			{ maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const last = stdout.trim().split('\n').pop() ?? '';
				try {
					resolve(JSON.parse(last));
				} catch {
					reject(error ?? new Error(`no JSON from ${script}: ${stdout}${stderr}`));
				}
			},
		);
	});
}

module.exports = { runChild };

'use strict';
/**
 * Jest's node environment with the host time zone set for one test file (the jest project's
 * `testEnvironmentOptions.timezone`), restored afterwards: Node re-reads TZ when it is assigned.
 * Set before the environment copies process.env, so the test sees it too.
 */
const { TestEnvironment } = require('jest-environment-node');

class TimezoneEnvironment extends TestEnvironment {
	constructor(config, context) {
		const { timezone } = config.projectConfig.testEnvironmentOptions;
		const previous = process.env.TZ;
		process.env.TZ = timezone;
		super(config, context);
		this.previousTimezone = previous;
		// Lets a test check that the zone really applies (test/shared/norceTime.test.ts).
		this.global.EXPECTED_TIMEZONE = timezone;
	}

	async teardown() {
		if (this.previousTimezone === undefined) delete process.env.TZ;
		else process.env.TZ = this.previousTimezone;
		await super.teardown();
	}
}

module.exports = TimezoneEnvironment;

/**
 * npm test: the tree mirrors the source (a file's tests sit at its path under test/, e.g.
 * test/nodes/NorceCheckoutOrder/actions/order/get.test.ts for nodes/…/order/get.operation.ts;
 * aspects of one file as <file>.<aspect>.test.ts), the node running in n8n-core's engine
 * against the sandbox. The 10,000-item soak runs separately (npm run test:soak, files *.soak.ts); test/e2e runs
 * real n8n instead. The tests that read or write times (the trigger, Get Many's date filters,
 * the timestamp parser) run again in two host time zones, where Date.parse of a timestamp
 * without offset would be off by hours.
 */
const base = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		// Type-checking happens once in `npm run typecheck`; here ts-jest only transpiles.
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
};

const TIME_TESTS = [
	'<rootDir>/test/nodes/NorceCheckoutTrigger/**/*.test.ts',
	'<rootDir>/test/nodes/NorceCheckoutOrder/actions/order/getMany.test.ts',
	'<rootDir>/test/shared/norceTime.test.ts',
];

const inZone = (timezone) => ({
	...base,
	displayName: `TZ=${timezone}`,
	testMatch: TIME_TESTS,
	testEnvironment: '<rootDir>/test/helpers/timezoneEnvironment.js',
	testEnvironmentOptions: { timezone },
});

module.exports = {
	projects: [
		{ ...base, displayName: 'default' },
		inZone('Europe/Stockholm'),
		inZone('America/Los_Angeles'),
	],
	// Prints the figures the fault matrix and the soak record.
	reporters: ['default', '<rootDir>/test/helpers/figures-reporter.js'],
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts', 'shared/**/*.ts'],
	// Inside node_modules so the report's own JS is never linted as project code.
	coverageDirectory: '<rootDir>/node_modules/.cache/coverage',
	coverageReporters: ['text-summary', 'text', 'lcov'],
	coverageThreshold: { global: { statements: 90, branches: 75, functions: 90, lines: 90 } },
	testTimeout: 60_000,
};

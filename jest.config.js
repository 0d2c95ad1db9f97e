/** Unit and integration tests (npm test). The e2e suite in test/e2e runs real n8n instead. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		// Type-checking happens once in `npm run typecheck`; here ts-jest only transpiles.
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	// Inside node_modules so the report's own JS is never linted as project code.
	coverageDirectory: '<rootDir>/node_modules/.cache/coverage',
	coverageReporters: ['text-summary', 'text', 'lcov'],
	coverageThreshold: { global: { statements: 90, branches: 80, functions: 90, lines: 90 } },
	testTimeout: 60_000,
};

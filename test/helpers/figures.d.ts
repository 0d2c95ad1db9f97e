/** Writes `figures` to RESULTS_DIR/<name>.json (printed by figures-reporter.js). */
export declare function recordFigures(name: string, figures: Record<string, unknown>): void;
/** Milliseconds since an arbitrary origin, for wall-time figures (never asserted on). */
export declare function now(): number;
export declare const RESULTS_DIR: string;

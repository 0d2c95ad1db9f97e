/** Stops n8n-core's housekeeping intervals so the test process can exit. */
export declare function stopN8nBackgroundServices(): void;

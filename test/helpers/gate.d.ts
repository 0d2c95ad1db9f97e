export interface HeldRequest {
	method: string;
	/** The raw path and query, as sent. */
	url: string;
	/** Forwards the request to the sandbox now. */
	release(): void;
}

export interface Gate {
	readonly url: string;
	/** What a credential's Base URL should be to go through the gate. */
	readonly baseUrl: string;
	/** Requests held right now, in arrival order. */
	readonly held: HeldRequest[];
	/** The most requests held at the same time. */
	readonly maxHeld: number;
	/** Requests passed on to the sandbox. */
	readonly forwarded: number;
	/** Requests for which `predicate` is true are held until released; the rest pass at once. */
	hold(predicate: (request: { method: string; url: string }) => boolean): void;
	/** Resolves once at least `count` requests are held at the same time. */
	whenHeld(count: number): Promise<HeldRequest[]>;
	releaseAll(): void;
	/** Holds nothing any more, releases what is held, zeroes the counters. */
	reset(): void;
	close(): Promise<void>;
}

/** Starts a gate in front of the sandbox at `targetUrl` (its `url`, not its `baseUrl`). */
export declare function startGate(targetUrl: string): Promise<Gate>;

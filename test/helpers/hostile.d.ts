export type Behaviour =
	| { kind: 'json'; status?: number; body: unknown }
	| { kind: 'html'; status?: number }
	| { kind: 'text'; status?: number; body: string; contentType?: string }
	/** 200 with the JSON `body` returns for the request's URL (e.g. a page by offset and limit). */
	| { kind: 'computed'; body: (url: URL) => unknown }
	/** 200, gzip, `bytes` of JSON whitespace once inflated (about 1 KB on the wire per MB). */
	| { kind: 'bomb'; bytes: number }
	/** 200 with headers at once, then one byte after another, never ending. */
	| { kind: 'drip' };

export interface Hostile {
	/** e.g. http://127.0.0.1:4711 */
	readonly origin: string;
	readonly port: number;
	/** Every request received, in order. */
	readonly requests: Array<{
		method: string;
		url: string;
		headers: Record<string, string | string[] | undefined>;
	}>;
	answer(behaviour: Behaviour): void;
	reset(): void;
	close(): Promise<void>;
}

export declare function startHostile(options?: { tls?: boolean }): Promise<Hostile>;
export declare function selfSigned(): { key: Buffer; cert: Buffer };
/** Accept self-signed certificates in this process until the returned function is called. */
export declare function trustSelfSigned(): () => void;

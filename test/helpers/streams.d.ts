/** The part of a Node readable the tests use (the lint rules forbid importing node:stream). */
export interface TestStream {
	readonly destroyed: boolean;
	push(chunk: string | Buffer | null): boolean;
	destroy(error?: Error): this;
	once(event: 'close', listener: () => void): this;
}
/** A stream of `count` chunks of `size` spaces; `state.read` counts the chunks produced. */
export declare function chunkStream(
	count: number,
	size: number,
): { body: TestStream; state: { read: number } };
/** A stream that gives only what the test pushes, and ends only when told. */
export declare function openStream(): TestStream;

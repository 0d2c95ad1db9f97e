/**
 * Reading an answer off the wire with bounds: n8n's HTTP client decompresses without a limit
 * and its timeout only covers silence, so the transport asks for the raw (decompressed) stream
 * and reads it itself, counting bytes, until the attempt's deadline.
 */

/**
 * The largest answer read, decompressed. Norce's largest answers are list pages of at most
 * 100 orders; an order with a large cart is tens of kilobytes, so a page stays in single
 * megabytes. 32 MiB leaves an order of magnitude to spare and keeps a decompression bomb to
 * a few tens of megabytes of memory.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** Norce's documents nest about ten levels; anything this deep is not Norce's. */
export const MAX_JSON_DEPTH = 100;

/** What n8n hands back for `encoding: 'stream'`: a Node readable (possibly a gunzip stream). */
export interface AnswerStream {
	on(event: 'data', listener: (chunk: unknown) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	destroy(error?: Error): void;
}

export class AnswerTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`the answer is larger than ${Math.round(limit / (1024 * 1024))} MB`);
	}
}

/** The stopped attempt's stream, named so the caller can tell it from a network failure. */
export class AttemptStoppedError extends Error {}

function isStream(body: unknown): body is AnswerStream {
	return (
		!!body &&
		typeof body === 'object' &&
		typeof (body as AnswerStream).destroy === 'function' &&
		typeof (body as AnswerStream).on === 'function'
	);
}

/** A stream closed before its end without saying why (as `for await` and `finished` report it). */
function prematureClose(): Error {
	return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * The answer's bytes as text. Stops (destroying the stream, and with it the connection) when
 * `signal` aborts or more than `maxBytes` arrive. Read with listeners rather than `for await`,
 * which costs a promise per chunk and, for the one-chunk answers Norce mostly sends, about
 * three times the CPU.
 */
export async function readAnswerText(
	body: unknown,
	maxBytes: number,
	signal: AbortSignal,
): Promise<string> {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	if (!isStream(body)) return Buffer.isBuffer(body) ? body.toString('utf8') : '';
	if (signal.aborted) {
		// Without an error: an error event with no 'error' listener on the stream is thrown.
		body.destroy();
		throw new AttemptStoppedError('stopped');
	}
	return await new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		// Settles too, so a stream that had already closed cannot hold the attempt.
		const stop = () => {
			body.destroy(new AttemptStoppedError('stopped'));
			settle(new AttemptStoppedError('stopped'));
		};
		const settle = (error?: Error) => {
			if (settled) return;
			settled = true;
			signal.removeEventListener('abort', stop);
			if (error === undefined) resolve(Buffer.concat(chunks, size).toString('utf8'));
			else reject(error);
		};
		signal.addEventListener('abort', stop, { once: true });
		body.on('data', (chunk) => {
			if (settled) return;
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += bytes.length;
			if (size > maxBytes) {
				settle(new AnswerTooLargeError(maxBytes));
				body.destroy();
				return;
			}
			chunks.push(bytes);
		});
		body.on('end', () => settle());
		body.on('error', (error) => settle(error));
		body.on('close', () => {
			if (!settled) settle(prematureClose()); // after 'end' too: the error only when needed
		});
	});
}

/** Whether the JSON text nests deeper than `limit`: one pass over it, stopping early. */
function nestingPasses(text: string, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === 0x5c /* \ */) index++;
			else if (code === 0x22 /* " */) inString = false;
		} else if (code === 0x22) {
			inString = true;
		} else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
			if (++depth > limit) return true;
		} else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
			depth--;
		}
	}
	return false;
}

/** The parsed answer: JSON where the text is JSON, else the text itself (HTML, plain text). */
export interface ParsedAnswer {
	body: unknown;
	isJson: boolean;
	/** JSON nested deeper than MAX_JSON_DEPTH: refused, `body` left empty. */
	tooDeep?: boolean;
}

export const TOO_DEEP = `the answer's JSON is nested more than ${MAX_JSON_DEPTH} levels deep`;

export function parseAnswer(text: string): ParsedAnswer {
	if (/^\s*$/.test(text)) return { body: undefined, isJson: false };
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { body: text, isJson: false };
	}
	// JSON.parse itself copes with any depth; what comes after it (n8n copying the item,
	// saving the run) recurses and would fail with "Maximum call stack size exceeded".
	if (typeof body === 'object' && body !== null && nestingPasses(text, MAX_JSON_DEPTH)) {
		return { body: undefined, isJson: true, tooDeep: true };
	}
	return { body, isJson: true };
}

/** The part of express's Response the Notification Trigger uses, plus what the stand-in reads. */
export interface JsonResponse {
	readonly headersSent: boolean;
	readonly statusCode: number;
	status(code: number): JsonResponse;
	json(value: unknown): JsonResponse;
	end(): void;
}

export interface WebhookServer {
	/** e.g. http://127.0.0.1:40123 */
	readonly url: string;
	close(): Promise<void>;
}

/** Starts a loopback server handing each POSTed JSON body, its response and path to `handle`. */
export declare function startWebhookServer(
	handle: (body: unknown, response: JsonResponse, url: string) => void,
): Promise<WebhookServer>;

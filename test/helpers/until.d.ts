/** Resolves once `condition()` holds; checked once per event-loop turn, with no time limit. */
export declare function until(condition: () => boolean): Promise<void>;
/** Lets `count` event-loop turns pass; never needed for a correct node to pass. */
export declare function turns(count: number): Promise<void>;
/** Resolves once the server at `url` has read every connection opened to it before. */
export declare function caughtUp(url: string): Promise<void>;

/** Resolves once `condition()` holds; checked once per event-loop turn, with no time limit. */
export declare function until(condition: () => boolean): Promise<void>;
/** Lets `count` event-loop turns pass; never needed for a correct node to pass. */
export declare function turns(count: number): Promise<void>;

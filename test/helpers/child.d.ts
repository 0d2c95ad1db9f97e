/** Runs `script` with Node (--expose-gc) in its own process; resolves to its last line as JSON. */
export declare function runChild(script: string, args: string[]): Promise<any>;

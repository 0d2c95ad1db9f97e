/** What a child script measured, as it printed it. */
export interface ChildFigure {
	message: string;
	before: number;
	peak: number;
	rise: number;
}

/** Runs `script` (a path below test/) with Node in its own process; its last line as JSON. */
export declare function runChild(script: string, args: string[]): Promise<ChildFigure>;

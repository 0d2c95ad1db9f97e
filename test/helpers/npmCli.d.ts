export declare const REPO_ROOT: string;
export declare function npm(
	args: string[],
	options?: { cwd?: string; env?: Record<string, string> },
): { status: number | null; output: string };
export declare function packFixture(options?: {
	extra?: Record<string, string>;
	files?: string[];
}): string;
export declare function removeFixture(root: string): void;
export declare function readRepoFile(file: string): string;

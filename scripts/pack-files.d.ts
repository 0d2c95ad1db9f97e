export declare const ALWAYS: string[];
export declare function expectedFiles(root: string): string[];
export declare function packedFiles(root: string): {
	files: string[];
	size: number;
	unpackedSize: number;
};
export declare function packProblems(packed: string[], expected: string[]): string[];
export declare function checkPack(root: string): {
	files: string[];
	size: number;
	unpackedSize: number;
	problems: string[];
};

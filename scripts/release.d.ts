export declare function releaseProblems(release: {
	tag: string;
	version: string;
	changelog: string;
}): string[];

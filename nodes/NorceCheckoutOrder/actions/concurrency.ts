/**
 * Runs `work(index)` for indexes 0..count-1 with at most `limit` in flight, starting them in
 * order. After `stop()` turns true no new index starts; running ones are awaited. Callers
 * store results by index, so output order never depends on which request answers first.
 */
export async function forEachIndex(
	count: number,
	limit: number,
	work: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	async function worker() {
		while (next < count && !stop()) {
			const index = next++;
			await work(index);
		}
	}
	const workers = Array.from(
		{ length: Math.min(Math.max(1, limit), count) },
		async () => await worker(),
	);
	await Promise.all(workers);
}

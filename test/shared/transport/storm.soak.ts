/**
 * Rate-limit storms at full size, for the figures: 2,000 items at concurrency 5 against a
 * sandbox answering every request 429 (requests sent are recorded; per item, Max Retries 3 sent
 * 8,000), and a storm of 10 seconds with the real default waits, after which every item must
 * succeed. The storm's length is the scenario, never an assertion: the breaker needs about a
 * minute of throttling, six times the storm.
 */
import { sleep } from 'n8n-workflow';

import { DEFAULT_RETRY_TIMING } from '../../../shared/transport';
import { now, recordFigures } from '../../helpers/figures';
import { useNorceSandbox } from '../../helpers/norceFixture';
import { DEMO } from '../../sandbox';

jest.setTimeout(180_000);

const norce = useNorceSandbox();
const ITEMS = 2_000;
const items = Array.from({ length: ITEMS }, () => ({ id: DEMO.validOrderId }));
const get = { operation: 'get', orderId: '={{ $json.id }}', options: { concurrency: 5 } };

it('every answer 429: a bounded number of requests, every item an error item', async () => {
	norce.sandbox.addFault({ kind: 'status', status: 429, retryAfter: 0 });
	const started = now();

	const result = await norce.run(get, { items, onError: 'continueRegularOutput' });

	const neverSent = result.output.filter((item) =>
		String(item.json.error).includes('nothing was sent'),
	).length;
	recordFigures('storm-every-429', {
		items: ITEMS,
		requests: norce.sandbox.requests.length,
		errorItems: result.output.length,
		neverSent,
		ms: Math.round(now() - started),
	});
	expect(result.output).toHaveLength(ITEMS);
	expect(norce.sandbox.requests.length).toBeLessThan(100);
});

it('a 10-second storm, then normal answers: every item succeeds (default waits)', async () => {
	const storm = norce.sandbox.addFault({ kind: 'status', status: 429, retryAfter: 1 });
	const started = now();
	const ending = sleep(10_000).then(() => {
		norce.sandbox.removeFault(storm);
		return now();
	});

	const result = await norce.run(get, { items, timing: DEFAULT_RETRY_TIMING });

	const stormEndedAt = await ending;
	const throttled = norce.sandbox.requests.filter((request) => request.status === 429).length;
	recordFigures('storm-10s', {
		items: ITEMS,
		requests: norce.sandbox.requests.length,
		throttled,
		results: result.output.length,
		stormMs: Math.round(stormEndedAt - started),
		ms: Math.round(now() - started),
	});
	expect(result.error).toBeUndefined();
	expect(result.output).toHaveLength(ITEMS);
});

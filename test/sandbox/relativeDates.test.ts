/**
 * The sandbox's demo orders dated relative to now (`demoNow`, the CLI's default `--dates now`):
 * a fresh demo has recent status changes, so the polling trigger's test run has one to show.
 */
import type { Sandbox } from './index';
import { DEMO_NIGHT, demoOrders, startSandbox } from './index';
import { API_KEY, TEST_RETRY_TIMING } from '../helpers/norceFixture';
import { createPoller } from '../helpers/pollRuntime';
import { stopN8nBackgroundServices } from '../helpers/n8nRuntime';

const NOW = Date.parse('2031-07-01T09:30:00.000Z'); // any moment: nothing depends on the real clock
const DAY = 24 * 60 * 60_000;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: API_KEY, demoNow: NOW });
});
afterAll(async () => {
	stopN8nBackgroundServices();
	await sandbox?.close();
});

describe('demoNow', () => {
	it('moves every demo order so that DEMO_NIGHT is now, none in the future, the same after reset()', () => {
		const fixed = new Map(demoOrders().map((order) => [order.id, order]));
		const check = () => {
			for (const order of sandbox.orders.values()) {
				const created = Date.parse(order.created);
				const was = Date.parse(fixed.get(order.id)!.created);
				expect(created).toBeLessThanOrEqual(NOW - 60_000);
				expect(created).toBe(Math.min(was + NOW - Date.parse(DEMO_NIGHT), NOW - 60_000));
			}
		};
		expect(sandbox.orders.size).toBe(fixed.size);
		check();
		sandbox.reset();
		check();
	});

	it("gives the trigger's test run a status change into Completed within the default 30 days", async () => {
		const poller = createPoller({
			parameters: { statuses: ['completed'] },
			credentials: {
				environment: 'custom',
				baseUrl: sandbox.baseUrl,
				slug: '',
				merchant: sandbox.merchant,
				channel: 'se',
				apiKey: API_KEY,
			},
			dependencies: { timing: TEST_RETRY_TIMING, now: () => NOW },
		});
		const result = await poller.poll('manual');
		const [event] = result![0];
		expect(event.json).toMatchObject({ event: 'orderStatusChanged', status: 'completed' });
		expect(Date.parse(String(event.json.changedAt))).toBeGreaterThan(NOW - 30 * DAY);
	});
});

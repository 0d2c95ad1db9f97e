import { DEMO } from '../sandbox';
import { API, useNorceSandbox, wire } from '../helpers/norceFixture';

const norce = useNorceSandbox();

describe('validate', () => {
	it('turns a 200 with warnings into one item per validation', async () => {
		const result = await norce.run({ operation: 'validate', orderId: DEMO.warningOrderId });
		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([`POST ${API}/orders/${DEMO.warningOrderId}/validate`]);
		expect(result.output.length).toBeGreaterThan(0);
		for (const item of result.output) {
			expect(item.json).toMatchObject({ orderId: DEMO.warningOrderId, orderValid: true });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});
});

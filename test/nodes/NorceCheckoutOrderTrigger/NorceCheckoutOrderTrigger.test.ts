import { NorceCheckoutOrderTrigger } from '../../../nodes/NorceCheckoutOrderTrigger/NorceCheckoutOrderTrigger.node';
import { NorceCheckoutTrigger } from '../../../nodes/NorceCheckoutTrigger/NorceCheckoutTrigger.node';

// The node creator's trigger of the "Norce Checkout" entry (test/project/nodeCreator.test.ts).
describe('NorceCheckoutOrderTrigger', () => {
	it('is the polling trigger: same parameters, same poll', () => {
		const shown = new NorceCheckoutOrderTrigger().description;
		const saved = new NorceCheckoutTrigger().description;
		expect(saved.hidden).toBe(true);
		expect(shown.hidden).toBeUndefined();
		expect({ ...shown, name: saved.name, hidden: true }).toEqual(saved);
		expect(new NorceCheckoutOrderTrigger()).toBeInstanceOf(NorceCheckoutTrigger);
	});
});

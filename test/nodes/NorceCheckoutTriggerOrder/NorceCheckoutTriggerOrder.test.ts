import { NorceCheckoutNotificationTrigger } from '../../../nodes/NorceCheckoutNotificationTrigger/NorceCheckoutNotificationTrigger.node';
import { NorceCheckoutTriggerOrder } from '../../../nodes/NorceCheckoutTriggerOrder/NorceCheckoutTriggerOrder.node';

// The node creator's second trigger of the "Norce Checkout" entry (test/project/nodeCreator.test.ts).
describe('NorceCheckoutTriggerOrder', () => {
	it('is the Notification Trigger: same parameters, same webhook and registration', () => {
		const shown = new NorceCheckoutTriggerOrder();
		const saved = new NorceCheckoutNotificationTrigger();
		expect(saved.description.hidden).toBe(true);
		expect(shown.description.hidden).toBeUndefined();
		expect({ ...shown.description, name: saved.description.name, hidden: true }).toEqual(
			saved.description,
		);
		expect(shown).toBeInstanceOf(NorceCheckoutNotificationTrigger);
		expect(Object.keys(shown.webhookMethods.default)).toEqual(['checkExists', 'create', 'delete']);
	});
});

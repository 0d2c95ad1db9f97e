import { NorceCheckoutOrder } from '../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import codex from '../../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node.json';

const { description } = new NorceCheckoutOrder();

describe('NorceCheckoutOrder node', () => {
	it('has the fixed public names and is usable as an AI tool', () => {
		expect(description).toMatchObject({
			name: 'norceCheckoutOrder',
			displayName: 'Norce Checkout',
			usableAsTool: true,
			version: [1, 2],
			credentials: [{ name: 'norceApi', required: true }],
		});
		expect(description.icon).toEqual({
			light: 'file:../../icons/norce.svg',
			dark: 'file:../../icons/norce.dark.svg',
		});
	});

	it('ships a codex with categories and documentation links', () => {
		expect(codex.node).toBe('n8n-nodes-norce-checkout.norceCheckoutOrder');
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
		expect(codex.resources.credentialDocumentation[0].url).toMatch(/^https:\/\//);
	});
});

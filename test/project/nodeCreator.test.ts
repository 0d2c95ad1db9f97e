/**
 * One "Norce Checkout" entry in n8n's node creator. The editor merges a trigger into an app's
 * entry by type name only (editor-ui useActionsGenerator.generateMergedNodesAndActions, n8n 2.8.4
 * and 2.41.1): every node type not hidden and not in group "trigger" is an app; a trigger whose
 * `name.replace('Trigger', '')` is an app's name adds its events to that app's Triggers tab,
 * any other trigger is an entry of its own. This replays that rule on the package's node types.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import pkg from '../../package.json';
import { NorceCheckoutNotificationTrigger } from '../../nodes/NorceCheckoutNotificationTrigger/NorceCheckoutNotificationTrigger.node';
import { NorceCheckoutOrder } from '../../nodes/NorceCheckoutOrder/NorceCheckoutOrder.node';
import { NorceCheckoutOrderTrigger } from '../../nodes/NorceCheckoutOrderTrigger/NorceCheckoutOrderTrigger.node';
import codex from '../../nodes/NorceCheckoutOrderTrigger/NorceCheckoutOrderTrigger.node.json';
import { NorceCheckoutTrigger } from '../../nodes/NorceCheckoutTrigger/NorceCheckoutTrigger.node';

const PACKAGE = 'n8n-nodes-norce-checkout';
const descriptions: INodeTypeDescription[] = [
	new NorceCheckoutOrder(),
	new NorceCheckoutTrigger(),
	new NorceCheckoutOrderTrigger(),
	new NorceCheckoutNotificationTrigger(),
].map(({ description }) => ({ ...description, name: `${PACKAGE}.${description.name}` }));

/** The creator's entries: app (or lone trigger) display name → the node types in it. */
function creatorEntries(types: INodeTypeDescription[]) {
	const visible = types.filter((type) => !type.hidden);
	const entries = new Map<string, { displayName: string; types: string[] }>();
	for (const app of visible.filter((type) => !type.group.includes('trigger')))
		entries.set(app.name, { displayName: app.displayName, types: [app.name] });
	for (const trigger of visible.filter((type) => type.group.includes('trigger'))) {
		const app = entries.get(trigger.name.replace('Trigger', ''));
		if (app) app.types.push(trigger.name);
		else entries.set(trigger.name, { displayName: trigger.displayName, types: [trigger.name] });
	}
	return [...entries.values()];
}

describe('the node creator', () => {
	it('shows the actions and the polling trigger as one "Norce Checkout" entry', () => {
		expect(creatorEntries(descriptions)).toEqual([
			{
				displayName: 'Norce Checkout',
				types: [`${PACKAGE}.norceCheckoutOrder`, `${PACKAGE}.norceCheckoutOrderTrigger`],
			},
			// n8n merges one trigger type per app: the Notification Trigger stays an entry of its own
			{
				displayName: 'Norce Checkout Notification Trigger',
				types: [`${PACKAGE}.norceCheckoutNotificationTrigger`],
			},
		]);
	});

	it('ships the new type: package.json lists it and its codex names it', () => {
		expect(pkg.n8n.nodes).toContain(
			'dist/nodes/NorceCheckoutOrderTrigger/NorceCheckoutOrderTrigger.node.js',
		);
		expect(pkg.n8n.nodes).toContain('dist/nodes/NorceCheckoutTrigger/NorceCheckoutTrigger.node.js');
		expect(codex.node).toBe(`${PACKAGE}.norceCheckoutOrderTrigger`);
	});
});

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
import pollingCodex from '../../nodes/NorceCheckoutOrderTrigger/NorceCheckoutOrderTrigger.node.json';
import { NorceCheckoutTrigger } from '../../nodes/NorceCheckoutTrigger/NorceCheckoutTrigger.node';
import notificationCodex from '../../nodes/NorceCheckoutTriggerOrder/NorceCheckoutTriggerOrder.node.json';
import { NorceCheckoutTriggerOrder } from '../../nodes/NorceCheckoutTriggerOrder/NorceCheckoutTriggerOrder.node';

const PACKAGE = 'n8n-nodes-norce-checkout';
const descriptions: INodeTypeDescription[] = [
	new NorceCheckoutOrder(),
	new NorceCheckoutTrigger(),
	new NorceCheckoutOrderTrigger(),
	new NorceCheckoutNotificationTrigger(),
	new NorceCheckoutTriggerOrder(),
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

/**
 * What the creator lists in a trigger's part of the Triggers tab (editor-ui useActionsGenerator
 * triggersCategory): one line per option of the property displayed as "Event", its `action` or
 * "On <name>"; without such a property a single "On new <display name> event".
 */
function triggerEvents(trigger: INodeTypeDescription) {
	const event = trigger.properties.find((property) =>
		['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()),
	);
	if (!event?.options) return [`On new ${trigger.displayName.replace('Trigger', '').trim()} event`];
	return event.options.map((option) =>
		'action' in option && option.action ? option.action : `On ${option.name}`,
	);
}

describe('the node creator', () => {
	it('shows the actions and both triggers as one "Norce Checkout" entry', () => {
		expect(creatorEntries(descriptions)).toEqual([
			{
				displayName: 'Norce Checkout',
				types: [
					`${PACKAGE}.norceCheckoutOrder`,
					`${PACKAGE}.norceCheckoutOrderTrigger`,
					`${PACKAGE}.norceCheckoutTriggerOrder`,
				],
			},
		]);
	});

	it("names each trigger's events in the Triggers tab, saying how each one fires", () => {
		const triggers = descriptions.filter((type) => !type.hidden && type.group.includes('trigger'));
		expect(triggers.flatMap(triggerEvents)).toEqual([
			'On order created (polls on a schedule)',
			'On order status changed (polls on a schedule)',
			'On order status changed (instant, from Norce notifications)',
		]);
	});

	it('ships the new types: package.json lists them with the first ones and their codex names them', () => {
		for (const file of [
			'NorceCheckoutTrigger/NorceCheckoutTrigger',
			'NorceCheckoutOrderTrigger/NorceCheckoutOrderTrigger',
			'NorceCheckoutNotificationTrigger/NorceCheckoutNotificationTrigger',
			'NorceCheckoutTriggerOrder/NorceCheckoutTriggerOrder',
		])
			expect(pkg.n8n.nodes).toContain(`dist/nodes/${file}.node.js`);
		expect(pollingCodex.node).toBe(`${PACKAGE}.norceCheckoutOrderTrigger`);
		expect(notificationCodex.node).toBe(`${PACKAGE}.norceCheckoutTriggerOrder`);
	});
});

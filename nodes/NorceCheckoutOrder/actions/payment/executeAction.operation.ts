import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import {
	actionIdProperty,
	operationProperties,
	orderIdProperty,
	paymentIdProperty,
} from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Execute Action',
	description:
		"Run one of a payment's registered actions (its URL, as the adapter that added it defines). What it does is up to that adapter and may move money. Norce's own clients capture and refund through the payment adapter's API instead.",
	action: 'Execute an action of a payment',
};

const properties: INodeProperties[] = [
	{
		displayName:
			'This runs the payment action at the payment provider: money may move (a capture, a refund). Every execution of this node runs it again, and it is never retried after a lost answer.',
		name: 'executeActionNotice',
		type: 'notice',
		default: '',
	},
	orderIdProperty,
	paymentIdProperty,
	actionIdProperty,
];

export const description = operationProperties(properties, {
	changesOrder: true,
});

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * After the action ran: the payment as Norce now holds it and the action that ran, found by
 * its id in the payment's `actions` (its type and adapter). The action has run by then, so a
 * failed read must not fail the item (a re-run would execute it again): it is reported.
 */
async function paymentAfterAction(
	norce: NorceClient,
	orderId: string,
	paymentId: string,
	actionId: string,
): Promise<IDataObject> {
	try {
		const payment = await norce.readObject({
			path: ['orders', orderId, 'payments', paymentId],
			subject: `payment "${paymentId}" on order "${orderId}"`,
			what: 'a payment',
		});
		const actions = Array.isArray(payment.actions) ? payment.actions : [];
		const ran = actions.find((entry) => isObject(entry) && entry.id === actionId);
		return { action: isObject(ran) ? { ...ran } : { id: actionId }, payment };
	} catch (error) {
		return {
			action: { id: actionId },
			paymentReadError: `The action ran, but reading the payment afterwards failed: ${(error as Error).message}. Check it with Payment → Get; do not run the action again.`,
		};
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const paymentId = getIdParameter(this, 'paymentId', 'Payment ID', itemIndex);
	const actionId = getIdParameter(this, 'actionId', 'Action ID', itemIndex);
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'payments', paymentId, 'actions', actionId, 'execute'],
		// A capture or refund must never run twice because an answer got lost.
		safeToRepeat: false,
		subject: `action "${actionId}" of payment "${paymentId}" on order "${orderId}"`,
	});
	const [result] = changeResult(response, { orderId, paymentId, actionId });
	return [{ ...result, ...(await paymentAfterAction(norce, orderId, paymentId, actionId)) }];
}

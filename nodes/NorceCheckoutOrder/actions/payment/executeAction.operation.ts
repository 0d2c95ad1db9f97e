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

const properties: INodeProperties[] = [orderIdProperty, paymentIdProperty, actionIdProperty];

export const description = operationProperties(properties, {
	changesOrder: true,
});

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
	return changeResult(response, { orderId, paymentId, actionId });
}

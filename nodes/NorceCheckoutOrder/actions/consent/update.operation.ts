import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { consentIdProperty, operationProperties, orderIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Update',
	description: 'Check or uncheck one consent of an order',
	action: 'Check or uncheck a consent of an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	consentIdProperty,
	{
		displayName: 'Checked',
		name: 'checked',
		type: 'boolean',
		// An expression's "true"/"false" becomes a boolean; anything else is refused.
		validateType: 'boolean',
		default: true,
		description: 'Whether the customer has given the consent (Norce changes only this value)',
	},
];

export const description = operationProperties(properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const consentId = getIdParameter(this, 'consentId', 'Consent ID', itemIndex);
	const checked = this.getNodeParameter('checked', itemIndex, true) as boolean;
	const response = await norce.request({
		method: 'PATCH',
		path: ['orders', orderId, 'consents', consentId],
		body: { id: consentId, checked },
		safeToRepeat: true,
		subject: `consent "${consentId}" on order "${orderId}"`,
	});
	return changeResult(response, { orderId, consentId, checked });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../answers';
import { bodyInputProperties, getBody } from '../body';
import { operationProperties, orderIdProperty } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Add a consent (e.g. newsletter or terms) to an order',
	action: 'Add a consent to an order',
};

const properties: INodeProperties[] = [
	orderIdProperty,
	...bodyInputProperties(
		[
			{
				displayName: 'Consent ID',
				name: 'consentId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. ci_newsletter',
				description: 'Your ID for the consent; it is unique per order',
			},
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				default: '',
				placeholder: 'e.g. Send me the newsletter',
				description: 'What the customer agrees to',
			},
			{
				displayName: 'Checked',
				name: 'checked',
				type: 'boolean',
				default: false,
				description: 'Whether the customer has given the consent',
			},
			{
				displayName: 'Required',
				name: 'required',
				type: 'boolean',
				default: false,
				description: 'Whether the order can only move to processing once the consent is checked',
			},
		],
		{ id: 'ci_newsletter', text: 'Send me the newsletter', checked: false, required: false },
		"The consent, as Norce's Consent object {id, checked, text, required}",
	),
];

export const description = operationProperties('consent', 'create', properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const body = getBody(this, itemIndex, () => ({
		id: getIdParameter(this, 'consentId', 'Consent ID', itemIndex),
		text: this.getNodeParameter('text', itemIndex, '') as string,
		checked: this.getNodeParameter('checked', itemIndex, false) as boolean,
		required: this.getNodeParameter('required', itemIndex, false) as boolean,
	}));
	const consentId = (JSON.parse(body) as IDataObject).id;
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'consents'],
		jsonBody: body,
		// The consent carries its own ID: a repeat cannot add a second one, Norce answers 409.
		// After a connection failure that 409 means the first attempt added it.
		safeToRepeat: true,
		isResult: ({ statusCode, afterUncertainAttempt }) =>
			statusCode === 409 && afterUncertainAttempt,
		subject: `consent "${String(consentId)}" on order "${orderId}"`,
	});
	const result = changeResult(response, { orderId, consentId });
	if (response.statusCode === 409) result[0].alreadyExists = true;
	return result;
}

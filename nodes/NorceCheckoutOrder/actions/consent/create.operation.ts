import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { bodyInputProperties, getBody } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getIdParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Create',
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
				// An expression's "true"/"false" becomes a boolean; anything else is refused.
				validateType: 'boolean',
				default: false,
				description: 'Whether the customer has given the consent',
			},
			{
				displayName: 'Required',
				name: 'required',
				type: 'boolean',
				validateType: 'boolean',
				default: false,
				description: 'Whether the order can only move to processing once the consent is checked',
			},
		],
		{ id: 'ci_newsletter', text: 'Send me the newsletter', checked: false, required: false },
		"The consent, as Norce's Consent object {id, checked, text, required}",
	),
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
	const body = getBody(this, itemIndex, () => ({
		id: getIdParameter(this, 'consentId', 'Consent ID', itemIndex),
		text: this.getNodeParameter('text', itemIndex, '') as string,
		checked: this.getNodeParameter('checked', itemIndex, false) as boolean,
		required: this.getNodeParameter('required', itemIndex, false) as boolean,
	}));
	const consentId = body.id;
	// The ID makes a repeat safe (Norce answers 409) and names the consent in messages.
	if (typeof consentId !== 'string' || consentId.trim() === '') {
		throw new NodeOperationError(
			this.getNode(),
			`JSON Body has no consent "id" (item ${itemIndex})`,
			{
				itemIndex,
				description:
					'Give the consent\'s own ID as text, e.g. {"id": "ci_newsletter", "checked": true}.',
			},
		);
	}
	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'consents'],
		body,
		// The consent carries its own ID: a repeat cannot add a second one, Norce answers 409.
		// After a connection failure that 409 means the first attempt added it.
		safeToRepeat: true,
		isResult: ({ statusCode, afterUncertainAttempt }) =>
			statusCode === 409 && afterUncertainAttempt,
		subject: `consent "${consentId}" on order "${orderId}"`,
	});
	// The 409's body is Norce's error text, not the consent: answer with the ids.
	if (response.statusCode === 409)
		return [{ orderId, consentId, success: true, alreadyExists: true }];
	return changeResult(response, { orderId, consentId });
}

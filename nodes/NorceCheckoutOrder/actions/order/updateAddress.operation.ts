import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../answers';
import { bodyInputProperties, getBody, withoutEmpty } from '../body';
import { operationProperties, orderIdProperty } from '../descriptions';
import { getIdParameter, getOptionParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Update Address',
	value: 'updateAddress',
	description: "Replace the customer's billing or shipping address while the order is in checkout",
	action: 'Update the billing or shipping address of an order',
};

const ADDRESS_TYPES = [
	{ name: 'Billing', value: 'billing' },
	{ name: 'Shipping', value: 'shipping' },
];

/** Norce's Address fields, as text fields of one collection. */
const ADDRESS_FIELDS: Array<[string, string, string]> = [
	['City', 'city', 'Stockholm'],
	['Care Of', 'careOf', ''],
	['Country', 'country', 'SE'],
	['Email', 'email', 'name@email.com'],
	['Family Name', 'familyName', 'Svensson'],
	['Given Name', 'givenName', 'Anna'],
	['National Identification Number', 'nationalIdentificationNumber', ''],
	['Organization Identification Number', 'organizationIdentificationNumber', ''],
	['Organization Name', 'organizationName', ''],
	['Phone', 'phone', '+46701234567'],
	['Postal Code', 'postalCode', '11122'],
	['Reference', 'reference', ''],
	['Region', 'region', ''],
	['Street Address', 'streetAddress', 'Drottninggatan 1'],
	['Street Address 2', 'streetAddress2', ''],
];

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Address Type',
		name: 'addressType',
		type: 'options',
		required: true,
		options: ADDRESS_TYPES,
		default: 'billing',
	},
	...bodyInputProperties(
		[
			{
				displayName: 'Address',
				name: 'address',
				type: 'collection',
				placeholder: 'Add address field',
				default: {},
				description: 'The new address; it replaces the whole address, so give every part of it',
				options: ADDRESS_FIELDS.map(([displayName, name, example]) => ({
					displayName,
					name,
					type: 'string',
					default: '',
					...(example ? { placeholder: `e.g. ${example}` } : {}),
				})),
			},
		],
		{
			givenName: 'Anna',
			familyName: 'Svensson',
			streetAddress: 'Drottninggatan 1',
			postalCode: '11122',
			city: 'Stockholm',
			country: 'SE',
		},
		"The whole address, as Norce's Address object",
	),
];

export const description = operationProperties('order', 'updateAddress', properties, {
	changesOrder: true,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = getIdParameter(this, 'orderId', 'Order ID', itemIndex);
	const addressType = getOptionParameter(
		this,
		'addressType',
		'Address Type',
		ADDRESS_TYPES,
		itemIndex,
	);
	const body = getBody(this, itemIndex, () =>
		withoutEmpty(this.getNodeParameter('address', itemIndex, {}) as IDataObject),
	);
	const response = await norce.request({
		method: 'PUT',
		path: ['orders', orderId, 'customer', addressType],
		jsonBody: body,
		// The address is replaced as a whole: sending it twice ends in the same state.
		safeToRepeat: true,
		subject: `the ${addressType} address of order "${orderId}"`,
	});
	return changeResult(response, { orderId, addressType });
}

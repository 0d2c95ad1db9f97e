import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { bodyInputProperties, getBody, parseJsonField, withoutEmpty } from '../../helpers/body';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getOrderId, getOptionParameter } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Update Address',
	description:
		"Change the customer's billing or shipping address while the order is in checkout (Norce replaces the whole address)",
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
	// Norce's own clients send "Person" (NorceTech/checkout-collection, norce-checkout-training-collection).
	['Type', 'type', 'Person'],
];

const OTHER_FIELDS = [
	{
		name: 'Keep Other Fields',
		value: 'keep',
		description:
			"Read the order's address first and send it with these fields merged in (attributes too), so nothing else is lost",
	},
	{
		name: 'Replace the Whole Address',
		value: 'replace',
		description: 'Send only these fields: every field not given here is removed from the address',
	},
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
				displayName: 'Other Fields',
				name: 'otherFields',
				type: 'options',
				options: OTHER_FIELDS,
				default: 'keep',
				description:
					"Norce's PUT replaces the whole address: a field it does not get is removed. What to do with the fields not given below.",
			},
			{
				displayName: 'Address',
				name: 'address',
				type: 'collection',
				placeholder: 'Add address field',
				default: {},
				description: 'The address fields to set',
				options: [
					{
						displayName: 'Attributes',
						name: 'attributes',
						type: 'json',
						default: '{}',
						description:
							'Custom fields of the address as a JSON object, e.g. {"nationalIdentificationNumber": "19900101-1234"}',
					},
					...ADDRESS_FIELDS.map(
						([displayName, name, example]): INodeProperties => ({
							displayName,
							name,
							type: 'string',
							default: '',
							...(example ? { placeholder: `e.g. ${example}` } : {}),
						}),
					),
				],
			},
		],
		{
			type: 'Person',
			givenName: 'Anna',
			familyName: 'Svensson',
			streetAddress: 'Drottninggatan 1',
			postalCode: '11122',
			city: 'Stockholm',
			country: 'SE',
		},
		"The whole address, as Norce's Address object: Norce replaces the address with it, so a field left out is removed",
	),
];

export const description = operationProperties(properties, {
	changesOrder: true,
});

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The address fields of the form, empty ones left out; `attributes` parsed (an object). */
function addressFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = { ...(context.getNodeParameter('address', itemIndex, {}) as IDataObject) };
	delete fields.attributes; // read apart below, as JSON
	const attributes = parseJsonField(context, 'address.attributes', 'Attributes', itemIndex);
	if (attributes !== undefined && !isObject(attributes)) {
		throw new NodeOperationError(
			context.getNode(),
			`Attributes must be a JSON object (item ${itemIndex})`,
			{ itemIndex, description: 'Give the address attributes as {"name": value, …}.' },
		);
	}
	const given = withoutEmpty(fields);
	return attributes && Object.keys(attributes).length > 0 ? { ...given, attributes } : given;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const addressType = getOptionParameter(
		this,
		'addressType',
		'Address Type',
		ADDRESS_TYPES,
		itemIndex,
	);
	const bodyInput = this.getNodeParameter('bodyInput', itemIndex, 'fields') as string;
	const keep =
		bodyInput === 'fields' &&
		getOptionParameter(this, 'otherFields', 'Other Fields', OTHER_FIELDS, itemIndex) === 'keep';
	let body = getBody(this, itemIndex, () => addressFields(this, itemIndex));
	if (keep) {
		// Norce's PUT replaces the whole address: send the current one with the given fields merged in.
		const order = await norce.readObject({
			path: ['orders', orderId],
			subject: `order "${orderId}"`,
			what: 'an order',
		});
		const customer = isObject(order.customer) ? order.customer : {};
		const current = isObject(customer[addressType]) ? (customer[addressType] as IDataObject) : {};
		const given = body;
		const merged: IDataObject = { ...current, ...given };
		if (isObject(current.attributes) && isObject(given.attributes))
			merged.attributes = { ...current.attributes, ...given.attributes };
		body = merged;
	}
	const response = await norce.request({
		method: 'PUT',
		path: ['orders', orderId, 'customer', addressType],
		body,
		// The address is replaced as a whole: sending it twice ends in the same state.
		safeToRepeat: true,
		subject: `the ${addressType} address of order "${orderId}"`,
	});
	return changeResult(response, { orderId, addressType });
}

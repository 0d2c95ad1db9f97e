import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { norceApiError } from '../../../../shared/transport';
import type { NorceClient } from '../../../../shared/transport';
import { operationProperties, orderIdProperty } from '../../helpers/properties';
import { getItemParameter, getOrderId } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Validation',
				value: 'validations',
				description:
					'Each validation message becomes an item {orderId, code, adapterId, orderValid, …}; an order without messages gives no items',
			},
			{
				name: 'One Summary per Order',
				value: 'summary',
				description: 'One item per order: {orderId, valid, validations}',
			},
		],
		default: 'validations',
		hint: 'With One Item per Validation a valid order gives no items. Pick One Summary per Order to get one item for every order, valid or not.',
	},
];

export const option: OperationModule['option'] = {
	name: 'Validate',
	description:
		'Run all validations registered on an order and return the problems found, one item per validation message',
	action: 'Validate an order',
};

export const description = operationProperties(properties, {
	changesOrder: false,
});

/** Norce answers failed validations with 400 and the list (norce-order-api §6.1). */
const FAILED_VALIDATION_STATUS = 400;

/**
 * The validation list of a validate answer, in every shape seen: a bare array (the spec),
 * `{ errors: [...] }` (the validations guide), or an empty body. Undefined when the body is
 * not a validation list at all.
 */
function validationList(body: unknown): IDataObject[] | undefined {
	let list: unknown[] | undefined;
	if (body === '' || body === undefined || body === null) list = [];
	else if (Array.isArray(body)) list = body;
	else if (typeof body === 'object' && Array.isArray((body as IDataObject).errors)) {
		list = (body as IDataObject).errors as unknown[];
	}
	return list?.map((entry) =>
		entry && typeof entry === 'object' ? (entry as IDataObject) : { code: String(entry) },
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const orderId = await getOrderId(this, itemIndex, norce);
	const output = getItemParameter<string>(this, 'output', itemIndex, 'validations');

	const response = await norce.request({
		method: 'POST',
		path: ['orders', orderId, 'validate'],
		// A 400 carrying validations is the answer "this order is not valid"; any other 400
		// (e.g. a BaseError) stays an error.
		isResult: ({ statusCode, body }) =>
			statusCode === FAILED_VALIDATION_STATUS && !!validationList(body)?.length,
		// Validation runs the merchant's validation adapters; do not repeat it blindly.
		safeToRepeat: false,
		subject: `order "${orderId}"`,
		checksAnswer: true,
	});
	const validations = validationList(response.body);
	if (validations === undefined) {
		throw norceApiError(
			{ node: this.getNode(), itemIndex },
			`Norce Checkout answered the validation of order "${orderId}" with something that is not a validation list [HTTP ${response.statusCode}]`,
			'Expected a JSON array of {code, adapterId}. Check the environment or Base URL of the credential.',
			{ httpCode: String(response.statusCode) },
		);
	}

	const valid = response.statusCode !== FAILED_VALIDATION_STATUS;
	if (output === 'summary') return [{ orderId, valid, validations }];
	// orderId, code and adapterId lead; whatever else Norce sent follows; ours win on clashes.
	// One object per item; a spread copies a "__proto__" key as a plain field, where
	// Object.assign would set the item's prototype from it.
	return validations.map((entry) => {
		const item: IDataObject = { orderId, code: entry.code, adapterId: entry.adapterId, ...entry };
		item.orderId = orderId;
		item.orderValid = valid;
		return item;
	});
}

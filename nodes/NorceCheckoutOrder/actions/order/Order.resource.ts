import type { ResourceModule } from '../../execution/registry';
import * as addValidation from './addValidation.operation';
import * as create from './create.operation';
import * as deleteOrder from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as removeValidation from './removeValidation.operation';
import * as updateAddress from './updateAddress.operation';
import * as updateAttributes from './updateAttributes.operation';
import * as updateCart from './updateCart.operation';
import * as updateReference from './updateReference.operation';
import * as updateState from './updateState.operation';
import * as validate from './validate.operation';

export const resource = {
	name: 'Order',
	defaultOperation: 'validate',
	operations: {
		addValidation,
		create,
		delete: deleteOrder,
		get,
		getMany,
		removeValidation,
		updateAddress,
		updateAttributes,
		updateCart,
		updateReference,
		updateState,
		validate,
	},
} satisfies ResourceModule;

import type { ResourceModule } from '../registry';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as removeValidation from './removeValidation.operation';
import * as updateReference from './updateReference.operation';
import * as validate from './validate.operation';

export const resource = {
	option: { name: 'Order', value: 'order' },
	defaultOperation: 'validate',
	operations: { get, getMany, removeValidation, updateReference, validate },
} satisfies ResourceModule;

import type { ResourceModule } from '../../execution/registry';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const resource = {
	name: 'Shipping',
	defaultOperation: 'getMany',
	operations: { create, get, getMany, update },
} satisfies ResourceModule;

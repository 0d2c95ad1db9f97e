import type { ResourceModule } from '../../execution/registry';
import * as create from './create.operation';
import * as deleteHook from './delete.operation';

export const resource = {
	name: 'Hook',
	defaultOperation: 'create',
	operations: { create, delete: deleteHook },
} satisfies ResourceModule;

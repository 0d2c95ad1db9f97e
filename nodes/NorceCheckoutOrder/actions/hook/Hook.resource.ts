import type { ResourceModule } from '../registry';
import * as create from './create.operation';
import * as deleteHook from './delete.operation';

export const resource = {
	option: { name: 'Hook', value: 'hook' },
	defaultOperation: 'create',
	operations: { create, delete: deleteHook },
} satisfies ResourceModule;

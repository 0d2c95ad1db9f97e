import type { ResourceModule } from '../../execution/registry';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as retry from './retry.operation';

export const resource = {
	name: 'Notification Event',
	defaultOperation: 'getMany',
	operations: { get, getMany, retry },
} satisfies ResourceModule;

import type { ResourceModule } from '../registry';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as retry from './retry.operation';

export const resource = {
	option: { name: 'Notification Event', value: 'notificationEvent' },
	defaultOperation: 'getMany',
	operations: { get, getMany, retry },
} satisfies ResourceModule;

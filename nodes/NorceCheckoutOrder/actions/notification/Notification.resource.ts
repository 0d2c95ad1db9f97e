import type { ResourceModule } from '../../execution/registry';
import * as create from './create.operation';
import * as deleteNotification from './delete.operation';

export const resource = {
	name: 'Notification',
	defaultOperation: 'create',
	operations: { create, delete: deleteNotification },
} satisfies ResourceModule;

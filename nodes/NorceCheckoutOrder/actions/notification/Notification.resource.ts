import type { ResourceModule } from '../registry';
import * as create from './create.operation';
import * as deleteNotification from './delete.operation';

export const resource = {
	option: { name: 'Notification', value: 'notification' },
	defaultOperation: 'create',
	operations: { create, delete: deleteNotification },
} satisfies ResourceModule;

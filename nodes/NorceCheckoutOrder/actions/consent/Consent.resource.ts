import type { ResourceModule } from '../../execution/registry';
import * as create from './create.operation';
import * as deleteConsent from './delete.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';

export const resource = {
	name: 'Consent',
	defaultOperation: 'update',
	operations: { create, delete: deleteConsent, update, updateMany },
} satisfies ResourceModule;

import type { ResourceModule } from '../../execution/registry';
import * as addActions from './addActions.operation';
import * as addTransaction from './addTransaction.operation';
import * as create from './create.operation';
import * as executeAction from './executeAction.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getTransactions from './getTransactions.operation';
import * as update from './update.operation';

export const resource = {
	name: 'Payment',
	defaultOperation: 'getMany',
	operations: {
		addActions,
		addTransaction,
		create,
		executeAction,
		get,
		getMany,
		getTransactions,
		update,
	},
} satisfies ResourceModule;

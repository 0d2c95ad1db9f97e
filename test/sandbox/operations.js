// @ts-check
'use strict';
/**
 * Operation names: what fault rules match on (`match.operation`). The five original
 * routes keep their short names; the others are `<resource>.<operation>` of the node.
 */

/** @typedef {import('./index').Operation} Operation */

/** @type {readonly Operation[]} */
const OPERATIONS = [
	'validate',
	'get',
	'getMany',
	'removeValidation',
	'updateReference',
	'order.create',
	'order.delete',
	'order.updateState',
	'order.updateCart',
	'order.updateAddress',
	'order.updateAttributes',
	'order.addValidation',
	'consent.create',
	'consent.update',
	'consent.updateMany',
	'consent.delete',
	'hook.create',
	'hook.delete',
	'notification.create',
	'notification.delete',
	'payment.create',
	'payment.get',
	'payment.getMany',
	'payment.update',
	'payment.addActions',
	'payment.executeAction',
	'payment.getTransactions',
	'payment.addTransaction',
	'shipping.create',
	'shipping.get',
	'shipping.getMany',
	'shipping.update',
	'notificationEvent.getMany',
	'notificationEvent.get',
	'notificationEvent.retry',
];

module.exports = { OPERATIONS };

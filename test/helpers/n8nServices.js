// @ts-check
'use strict';
/**
 * n8n-core starts two housekeeping intervals (SSH tunnel cleanup, cron logging) the first time
 * an execution context is built. A server keeps them for its lifetime; a test process has to
 * stop them or Jest never exits. They live in n8n-core's own DI container, so that container
 * is resolved from n8n-core's location (plain JS: the cloud lint rules forbid such requires in TS).
 */
const path = require('node:path');

function stopN8nBackgroundServices() {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] }));
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	const { ScheduledTaskManager } = require('n8n-core/dist/execution-engine/scheduled-task-manager');
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
	if (Container.has(ScheduledTaskManager)) Container.get(ScheduledTaskManager).deregisterAllCrons();
}

module.exports = { stopN8nBackgroundServices };

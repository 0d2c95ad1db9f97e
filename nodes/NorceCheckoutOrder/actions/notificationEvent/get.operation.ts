import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { readObject } from '../answers';
import { eventIdProperty, operationProperties } from '../descriptions';
import { getIdParameter } from '../parameters';
import type { OperationModule } from '../registry';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one notification event: the order and the notification it was fired for',
	action: 'Get a notification event',
};

const properties: INodeProperties[] = [eventIdProperty];

export const description = operationProperties('notificationEvent', 'get', properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const eventId = getIdParameter(this, 'eventId', 'Event ID', itemIndex);
	return await readObject(
		this,
		itemIndex,
		norce,
		{
			service: 'notification',
			path: ['events', eventId],
			subject: `notification event "${eventId}"`,
		},
		'a notification event',
	);
}

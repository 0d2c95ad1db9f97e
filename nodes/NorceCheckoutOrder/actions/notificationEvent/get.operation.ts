import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { eventIdProperty, operationProperties } from '../../helpers/properties';
import { getIdParameter } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Get',
	description: 'Get one notification event: the order and the notification it was fired for',
	action: 'Get a notification event',
};

const properties: INodeProperties[] = [eventIdProperty];

export const description = operationProperties(properties, {
	changesOrder: false,
});

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	norce: NorceClient,
): Promise<IDataObject[]> {
	const eventId = getIdParameter(this, 'eventId', 'Event ID', itemIndex);
	return [
		await norce.readObject({
			service: 'notification',
			path: ['events', eventId],
			subject: `notification event "${eventId}"`,
			what: 'a notification event',
		}),
	];
}

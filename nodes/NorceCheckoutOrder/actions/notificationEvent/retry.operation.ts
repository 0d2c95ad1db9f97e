import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NorceClient } from '../../../../shared/transport';
import { changeResult } from '../../helpers/changes';
import { eventIdProperty, operationProperties } from '../../helpers/properties';
import { getIdParameter } from '../../helpers/parameters';
import type { OperationModule } from '../../execution/registry';

export const option: OperationModule['option'] = {
	name: 'Retry',
	description:
		'Have Norce deliver a notification event again, e.g. after the receiver was down. Norce answers 200 without saying whether the delivery got through.',
	action: 'Retry the delivery of a notification event',
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
	const response = await norce.request({
		method: 'POST',
		service: 'notification',
		path: ['events', eventId, 'retry'],
		// Each retry is another delivery to the receiver: never sent twice by accident.
		safeToRepeat: false,
		subject: `notification event "${eventId}"`,
	});
	return changeResult(response, { eventId });
}

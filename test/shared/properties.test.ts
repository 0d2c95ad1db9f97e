import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/properties';

const option = (displayName: string): INodeProperties => ({
	displayName,
	name: displayName.toLowerCase(),
	type: 'string',
	default: '',
});

describe('optionsCollection', () => {
	it("is n8n's Options collection, its options sorted by display name, the input left as it was", () => {
		const given = [option('Timeout'), option('Channel'), option('Max Retries')];
		const collection = optionsCollection(given);

		expect(collection).toMatchObject({ name: 'options', type: 'collection', default: {} });
		expect((collection.options as INodeProperties[]).map((entry) => entry.displayName)).toEqual([
			'Channel',
			'Max Retries',
			'Timeout',
		]);
		expect(given.map((entry) => entry.displayName)).toEqual(['Timeout', 'Channel', 'Max Retries']);
	});
});

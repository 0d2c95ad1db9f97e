/**
 * Remove Validation: DELETE …/orders/{id}/validations/{validationId}, no body; Norce answers
 * 200 with an empty body. A 404 after an attempt that may have reached Norce (dropped
 * connection, 502/504) means the first attempt removed it: a success marked alreadyRemoved.
 */
import { API, DEMO, useNorceSandbox, wire } from '../operationTests';

const norce = useNorceSandbox();

const remove = (validationId: string, options = {}) => ({
	operation: 'removeValidation',
	orderId: DEMO.orderWithValidationId,
	validationId,
	options,
});

const validationIds = () =>
	norce.sandbox.orders.get(DEMO.orderWithValidationId)!.validations.map(({ id }) => id);

describe('wire', () => {
	it('deletes the validation path with no body, and x-adapterid when set', async () => {
		const result = await norce.run(remove(DEMO.validationId, { adapterId: 'onhand_verify' }));

		expect(result.error).toBeUndefined();
		expect(wire(norce.sandbox)).toEqual([
			`DELETE ${API}/orders/${DEMO.orderWithValidationId}/validations/${DEMO.validationId}`,
		]);
		const [request] = norce.sandbox.requests;
		expect(request.body).toBe('');
		expect(request.headers['content-type']).toBeUndefined();
		expect(request.headers['x-adapterid']).toBe('onhand_verify');
	});
});

describe('output', () => {
	it('answers {orderId, validationId, success} and the validation is gone', async () => {
		const result = await norce.run(remove(DEMO.validationId));

		expect(result.output).toEqual([
			{
				json: {
					orderId: DEMO.orderWithValidationId,
					validationId: DEMO.validationId,
					success: true,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(validationIds()).not.toContain(DEMO.validationId);
	});

	it('pairs each removal to its input, failures included', async () => {
		const [first, second] = validationIds();
		const items = [first, 'oc_missing', second].map((validationId) => ({ validationId }));
		const result = await norce.run(remove('={{ $json.validationId }}'), {
			items,
			onError: 'continueErrorOutput',
		});

		expect(result.output.map((item) => [item.json.validationId, item.pairedItem])).toEqual([
			[first, { item: 0 }],
			[second, { item: 2 }],
		]);
		expect(result.errorOutput.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(validationIds()).toEqual([]);
	});
});

describe('errors and repeats', () => {
	it('reports an unknown validation as not found, naming it and the order', async () => {
		const result = await norce.run(remove('oc_missing'));

		expect(result.error).toMatchObject({
			message: `Not found: validation "oc_missing" on order "${DEMO.orderWithValidationId}" [404 validation-not-found]`,
			httpCode: '404',
		});
	});

	it('counts a 404 after a dropped first attempt as already removed', async () => {
		// The first DELETE is carried out but its answer is lost; the retry finds nothing left.
		norce.sandbox.orders.get(DEMO.orderWithValidationId)!.validations = [];
		norce.sandbox.addFault({ kind: 'drop', times: 1, match: { operation: 'removeValidation' } });
		const result = await norce.run(remove(DEMO.validationId, { maxRetries: 1 }));

		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([0, 404]);
		expect(result.output.map((item) => item.json)).toEqual([
			{
				orderId: DEMO.orderWithValidationId,
				validationId: DEMO.validationId,
				success: true,
				alreadyRemoved: true,
			},
		]);
	});

	it('counts a 404 after a 504 as already removed, but not after a 503', async () => {
		norce.sandbox.orders.get(DEMO.orderWithValidationId)!.validations = [];
		norce.sandbox.addFault({ kind: 'status', status: 504, times: 1 });
		const afterGateway = await norce.run(remove(DEMO.validationId));
		expect(afterGateway.output[0].json.alreadyRemoved).toBe(true);

		norce.sandbox.reset();
		norce.sandbox.orders.get(DEMO.orderWithValidationId)!.validations = [];
		norce.sandbox.addFault({ kind: 'status', status: 503, times: 1 });
		const afterUnavailable = await norce.run(remove(DEMO.validationId));
		expect(afterUnavailable.error?.message).toContain('[404 validation-not-found]');
		expect(norce.sandbox.requests.map((request) => request.status)).toEqual([503, 404]);
	});
});

import {
  MIN_OPERATIONS_PER_COLLECTION,
  operationDone,
  operationsUntilCollection,
  workerRunning,
} from '../../src/model/torrent/operationGarbage.ts';

describe('collections after tracker operations', () => {
  it('collects every MIN_OPERATIONS_PER_COLLECTION operations with few torrents, every quarter of the running ones with many', () => {
    // Start from a collection: run up to the next one.
    for (let n = operationsUntilCollection(); n > 0; n--) operationDone();
    expect(operationsUntilCollection()).toBe(MIN_OPERATIONS_PER_COLLECTION);
    operationDone();
    expect(operationsUntilCollection()).toBe(MIN_OPERATIONS_PER_COLLECTION - 1);
    for (let n = operationsUntilCollection(); n > 0; n--) operationDone();
    expect(operationsUntilCollection()).toBe(MIN_OPERATIONS_PER_COLLECTION);

    const many = MIN_OPERATIONS_PER_COLLECTION * 8;
    for (let i = 0; i < many; i++) workerRunning(1);
    try {
      expect(operationsUntilCollection()).toBe(many / 4);
      for (let n = operationsUntilCollection(); n > 1; n--) operationDone();
      expect(operationsUntilCollection()).toBe(1);
      operationDone();
      expect(operationsUntilCollection()).toBe(many / 4);
    } finally {
      for (let i = 0; i < many; i++) workerRunning(-1);
    }
    expect(operationsUntilCollection()).toBe(MIN_OPERATIONS_PER_COLLECTION);
  });
});

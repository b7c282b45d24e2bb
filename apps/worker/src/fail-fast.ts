import { DomainError } from '@carebook/core';
import { UnrecoverableError } from 'bullmq';

/**
 * Runs a job's work; a DomainError that retrying cannot mend (`retryable: false`) fails the job
 * at once (BullMQ's UnrecoverableError), any other error lets BullMQ retry with backoff.
 */
export async function failFastOnPermanent<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && !error.retryable)
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}

import { NotFoundError, ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { Centre } from '../../../domain/centre';
import { CentreRepository } from '../../../domain/centre.repository';
import { CreateCentreHandler } from '../create-centre/create-centre.handler';
import { CreateCentre } from '../create-centre/create-centre.command';
import { UpdateCentre } from './update-centre.command';
import { UpdateCentreHandler } from './update-centre.handler';

/** In-memory port fake: keeps aggregates and the events each save handed over. */
class InMemoryCentres extends CentreRepository {
  readonly rows = new Map<string, Centre>();
  readonly saved: string[] = [];
  async findById(id: string) {
    const c = this.rows.get(id);
    return c && !c.isDeleted ? c : undefined;
  }
  async save(centre: Centre) {
    this.saved.push(...centre.pullEvents().map((e) => e.eventName));
    this.rows.set(centre.id, centre);
  }
}

const input = {
  name: 'carebook Saket',
  city: 'New Delhi',
  address: 'Press Enclave Road',
  phone: '+911141000008',
  location: { lat: 28.5245, lng: 77.2066 },
};

describe('UpdateCentreHandler', () => {
  const clock = new FixedClock(new Date('2026-03-29T00:30:00Z'));
  let repo: InMemoryCentres;
  beforeEach(() => (repo = new InMemoryCentres()));

  it('creates with the default zone, then changes only the given fields', async () => {
    const created = await new CreateCentreHandler(repo, clock).execute(new CreateCentre(input));
    expect(created.timeZone).toBe('Asia/Kolkata');
    clock.advance(60_000);
    const updated = await new UpdateCentreHandler(repo, clock).execute(
      new UpdateCentre(created.id, { timeZone: 'Europe/London', location: { lat: 51.5072, lng: -0.1276 } }),
    );
    expect(updated).toMatchObject({ name: 'carebook Saket', timeZone: 'Europe/London', location: { lat: 51.5072, lng: -0.1276 } });
    expect(updated.updatedAt).toBe('2026-03-29T00:31:00.000Z');
    expect(repo.saved).toEqual(['centres.CentreCreated', 'centres.CentreUpdated']);
  });

  it('answers NOT_FOUND for an unknown centre and rejects a bad zone', async () => {
    const handler = new UpdateCentreHandler(repo, clock);
    await expect(handler.execute(new UpdateCentre('5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10', {}))).rejects.toBeInstanceOf(NotFoundError);
    const created = await new CreateCentreHandler(repo, clock).execute(new CreateCentre(input));
    await expect(handler.execute(new UpdateCentre(created.id, { timeZone: 'Nowhere/Land' }))).rejects.toBeInstanceOf(
      ValidationFailedError,
    );
  });
});

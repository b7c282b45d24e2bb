import { ValidationFailedError } from '@carebook/core';
import { Centre } from './centre';
import { CentreActivationChanged, CentreCreated, CentreDeleted, CentreUpdated } from './events/centre-events';
import { GeoPoint } from './geo-point';
import { TimeZone } from './time-zone';

const now = new Date('2026-03-01T09:00:00Z');
const details = () => ({
  name: 'carebook Indiranagar',
  city: 'Bengaluru',
  address: '100 Feet Road',
  phone: '+918041000001',
  email: null,
  timeZone: TimeZone.of('Asia/Kolkata'),
  location: GeoPoint.of(12.9784, 77.6408),
});

describe('Centre', () => {
  it('opens active and records CentreCreated once', () => {
    const centre = Centre.open(details(), now);
    expect(centre.snapshot()).toMatchObject({ isActive: true, deletedAt: null, createdAt: now });
    const events = centre.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(CentreCreated);
    expect(events[0]).toMatchObject({ aggregateId: centre.id, city: 'Bengaluru', location: { lat: 12.9784, lng: 77.6408 } });
    expect(events[0].eventName).toBe('centres.CentreCreated');
    expect(centre.pullEvents()).toEqual([]);
  });

  it('records an update only for fields that really changed', () => {
    const centre = Centre.open(details(), now);
    centre.pullEvents();
    centre.revise({ name: 'carebook Indiranagar', location: GeoPoint.of(12.9784, 77.6408) }, now);
    expect(centre.pullEvents()).toEqual([]);
    centre.revise({ name: 'carebook HAL', timeZone: TimeZone.of('Asia/Kolkata'), city: undefined }, now);
    const [event] = centre.pullEvents();
    expect(event).toBeInstanceOf(CentreUpdated);
    expect((event as CentreUpdated).changed).toEqual(['name']);
    expect(centre.snapshot().name).toBe('carebook HAL');
  });

  it('toggles activation and soft-deletes', () => {
    const centre = Centre.open(details(), now);
    centre.toggleActive(now);
    expect(centre.snapshot().isActive).toBe(false);
    centre.remove(now);
    expect(centre.isDeleted).toBe(true);
    expect(centre.pullEvents().map((e) => e.constructor)).toEqual([CentreCreated, CentreActivationChanged, CentreDeleted]);
  });
});

describe('GeoPoint and TimeZone', () => {
  it.each([
    [91, 0, 'location.lat'],
    [-90.5, 0, 'location.lat'],
    [0, 180.1, 'location.lng'],
    [Number.NaN, 0, 'location.lat'],
  ])('rejects lat %p lng %p', (lat, lng, field) => {
    expect(() => GeoPoint.of(lat, lng)).toThrow(ValidationFailedError);
    try {
      GeoPoint.of(lat, lng);
    } catch (e) {
      expect((e as ValidationFailedError).errors[0].field).toBe(field);
    }
  });

  it.each(['Asia/Kolkata', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'UTC'])('accepts %s', (zone) => {
    expect(TimeZone.of(zone).name).toBe(zone);
  });

  it.each(['Mars/Olympus', '+05:30', 'IST', '', 'Asia/Kolkata; DROP TABLE'])('rejects %p', (zone) => {
    expect(() => TimeZone.of(zone)).toThrow(ValidationFailedError);
  });
});

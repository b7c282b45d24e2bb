import { AggregateRoot, newId } from '@carebook/core';
import { CentreActivationChanged, CentreCreated, CentreDeleted, CentreUpdated } from './events/centre-events';
import { GeoPoint } from './geo-point';
import { TimeZone } from './time-zone';

export interface CentreDetails {
  name: string;
  city: string;
  address: string;
  phone: string;
  email: string | null;
  timeZone: TimeZone;
  location: GeoPoint;
}

export interface CentreState extends CentreDetails {
  id: string;
  isActive: boolean;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A clinic location of the network. Inactive centres take no bookings and leave search. */
export class Centre extends AggregateRoot {
  private constructor(private state: CentreState) {
    super();
  }

  static open(details: CentreDetails, now: Date): Centre {
    const centre = new Centre({ ...details, id: newId(), isActive: true, deletedAt: null, createdAt: now, updatedAt: now });
    const { lat, lng } = details.location;
    centre.record(new CentreCreated(centre.id, details.name, details.city, details.timeZone.name, { lat, lng }, now));
    return centre;
  }

  static restore(state: CentreState): Centre {
    return new Centre({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get isDeleted(): boolean {
    return this.state.deletedAt !== null;
  }
  snapshot(): Readonly<CentreState> {
    return { ...this.state };
  }

  /** Changes the given details; records an event only when something really changed. */
  revise(changes: Partial<CentreDetails>, now: Date): void {
    const changed = (Object.keys(changes) as Array<keyof CentreDetails>).filter((key) => {
      const next = changes[key];
      if (next === undefined) return false;
      const current = this.state[key];
      if (next instanceof GeoPoint) return !next.equals(current as GeoPoint);
      if (next instanceof TimeZone) return next.name !== (current as TimeZone).name;
      return next !== current;
    });
    if (!changed.length) return;
    this.state = { ...this.state, ...pick(changes, changed), updatedAt: now };
    this.record(new CentreUpdated(this.id, changed, now));
  }

  toggleActive(now: Date): void {
    this.state = { ...this.state, isActive: !this.state.isActive, updatedAt: now };
    this.record(new CentreActivationChanged(this.id, this.state.isActive, now));
  }

  /** Soft delete: the row stays for history; the centre disappears from every read. */
  remove(now: Date): void {
    this.state = { ...this.state, isActive: false, deletedAt: now, updatedAt: now };
    this.record(new CentreDeleted(this.id, now));
  }
}

function pick<T extends object>(source: Partial<T>, keys: Array<keyof T>): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Partial<T>;
}

import { AggregateRoot, NotFoundError, newId, ValidationFailedError } from '@carebook/core';
import {
  assertValidClinician,
  ClinicianPlacement,
  ClinicianProfile,
  ClinicianSettings,
  DEFAULT_SETTINGS,
  normalisePlacement,
  normaliseProfile,
  settingsWithDefaults,
} from './clinician-profile';
import {
  AvailabilityChanged,
  ClinicianActivationChanged,
  ClinicianCreated,
  ClinicianDeleted,
  ClinicianUpdated,
  TimeOffAdded,
  TimeOffRemoved,
} from './events/clinician-events';
import { TimeOff } from './time-off';
import { AvailabilityRuleInput, WeeklyAvailability } from './weekly-availability';

export interface ClinicianState extends ClinicianProfile, ClinicianSettings, ClinicianPlacement {
  id: string;
  /** The CLINICIAN staff user (identity) who signs in as this clinician. */
  userId: string;
  availability: WeeklyAvailability;
  isActive: boolean;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a manager may change; omitted (undefined) parts keep their value. */
export interface ClinicianChanges {
  profile?: Partial<ClinicianProfile>;
  settings?: Partial<ClinicianSettings>;
  primaryCentreId?: string;
  /** The centres besides the primary one (the primary is always kept among them). */
  centreIds?: string[];
}

/** What a save writes beyond the clinician row, handed over once like events. */
export interface PendingWrites {
  availability: boolean;
  addedTimeOff: TimeOff[];
  removedTimeOffIds: string[];
}

const PROFILE_FIELDS: Array<keyof ClinicianProfile> = [
  'specializations',
  'qualifications',
  'languages',
  'yearsOfExperience',
  'fee',
  'consultationDurationMinutes',
  'bio',
  'photoUrl',
];
const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS) as Array<keyof ClinicianSettings>;

/**
 * A clinician: their public profile, booking settings, the centres they practise at, their
 * weekly availability (whose rules take place only at those centres) and their time off.
 */
export class Clinician extends AggregateRoot {
  private writes: PendingWrites = { availability: false, addedTimeOff: [], removedTimeOffIds: [] };

  private constructor(private state: ClinicianState) {
    super();
  }

  /** Registers the profile of an existing CLINICIAN staff user; throws VALIDATION_FAILED. */
  static register(
    input: {
      userId: string;
      profile: ClinicianProfile;
      settings?: Partial<ClinicianSettings>;
      primaryCentreId: string;
      centreIds: string[];
      /** The primary centre's city, for the event (null when unknown). */
      city: string | null;
    },
    now: Date,
  ): Clinician {
    const profile = normaliseProfile(input.profile);
    const settings = settingsWithDefaults(input.settings);
    const placement = normalisePlacement(input.primaryCentreId, input.centreIds);
    assertValidClinician(profile, settings, placement);
    const clinician = new Clinician({
      ...profile,
      ...settings,
      ...placement,
      id: newId(),
      userId: input.userId,
      availability: WeeklyAvailability.EMPTY,
      isActive: true,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    clinician.record(
      new ClinicianCreated(
        clinician.id,
        input.userId,
        placement.primaryCentreId,
        [...placement.centreIds],
        input.city,
        now,
      ),
    );
    return clinician;
  }

  /** Rebuilds a stored clinician; records nothing. */
  static restore(state: ClinicianState): Clinician {
    return new Clinician({ ...state, centreIds: [...state.centreIds] });
  }

  get id(): string {
    return this.state.id;
  }
  get userId(): string {
    return this.state.userId;
  }
  get centreIds(): string[] {
    return [...this.state.centreIds];
  }
  get isDeleted(): boolean {
    return this.state.deletedAt !== null;
  }
  snapshot(): Readonly<ClinicianState> {
    return { ...this.state, centreIds: [...this.state.centreIds] };
  }

  /**
   * Changes profile, settings and centres, checked as a whole. A centre that the weekly rules
   * still use cannot be removed. Records ClinicianUpdated only when something really changed.
   */
  revise(changes: ClinicianChanges, now: Date): void {
    const s = this.state;
    const profile = normaliseProfile({
      ...pick(s, PROFILE_FIELDS),
      ...defined(changes.profile ?? {}),
    });
    const settings = { ...pick(s, SETTINGS_FIELDS), ...defined(changes.settings ?? {}) };
    const placement = normalisePlacement(
      changes.primaryCentreId ?? s.primaryCentreId,
      changes.centreIds ?? s.centreIds,
    );
    assertValidClinician(profile, settings, placement);
    const stranded = s.availability.centreIds().filter((id) => !placement.centreIds.includes(id));
    if (stranded.length) {
      throw new ValidationFailedError([
        {
          field: 'centreIds',
          message: `the weekly availability has rules at ${stranded.join(', ')}: change the availability first`,
        },
      ]);
    }
    const changed = [
      ...PROFILE_FIELDS.filter((f) => !same(profile[f], s[f])).map((f) =>
        f === 'fee' ? 'consultationFee' : f,
      ),
      ...SETTINGS_FIELDS.filter((f) => settings[f] !== s[f]).map((f) => `settings.${f}`),
      ...(placement.primaryCentreId !== s.primaryCentreId ? ['primaryCentreId'] : []),
      ...(!sameSet(placement.centreIds, s.centreIds) ? ['centreIds'] : []),
    ];
    if (!changed.length) return;
    this.state = { ...s, ...profile, ...settings, ...placement, updatedAt: now };
    this.record(new ClinicianUpdated(this.id, changed, now));
  }

  /**
   * Replaces the weekly rules as a whole; throws VALIDATION_FAILED naming `rules[i]` for a bad
   * or overlapping rule, or a rule at a centre the clinician does not practise at.
   */
  replaceAvailability(rules: readonly AvailabilityRuleInput[], now: Date): void {
    const next = WeeklyAvailability.of(rules, this.state.centreIds);
    if (next.equals(this.state.availability)) return;
    this.state = { ...this.state, availability: next, updatedAt: now };
    this.writes.availability = true;
    this.record(new AvailabilityChanged(this.id, next.toInputs(), now));
  }

  /** Plans time off `[startsAt, endsAt)`; throws VALIDATION_FAILED for a bad interval. */
  addTimeOff(startsAt: Date, endsAt: Date, reason: string, now: Date): TimeOff {
    const timeOff = TimeOff.plan(this.id, startsAt, endsAt, reason, now);
    this.writes.addedTimeOff.push(timeOff);
    this.record(
      new TimeOffAdded(this.id, timeOff.id, startsAt.toISOString(), endsAt.toISOString(), now),
    );
    return timeOff;
  }

  /** Cancels time off of this clinician (NOT_FOUND for someone else's). */
  removeTimeOff(timeOff: TimeOff, now: Date): void {
    if (timeOff.clinicianId !== this.id) throw new NotFoundError('Time off');
    const { startsAt, endsAt } = timeOff.snapshot();
    this.writes.removedTimeOffIds.push(timeOff.id);
    this.record(
      new TimeOffRemoved(this.id, timeOff.id, startsAt.toISOString(), endsAt.toISOString(), now),
    );
  }

  /** Switches the clinician off for booking and search, or back on. */
  toggleActive(now: Date): void {
    this.state = { ...this.state, isActive: !this.state.isActive, updatedAt: now };
    this.record(new ClinicianActivationChanged(this.id, this.state.isActive, now));
  }

  /** Switches the clinician off if on; answers whether it changed anything. */
  deactivate(now: Date): boolean {
    if (!this.state.isActive) return false;
    this.toggleActive(now);
    return true;
  }

  /** Soft delete: rows stay for history; the clinician disappears from every read. */
  remove(now: Date): void {
    this.state = { ...this.state, isActive: false, deletedAt: now, updatedAt: now };
    this.record(new ClinicianDeleted(this.id, this.state.userId, now));
  }

  /** Hands over the writes beyond the clinician row exactly once (the repository calls it). */
  pullPendingWrites(): PendingWrites {
    const pending = this.writes;
    this.writes = { availability: false, addedTimeOff: [], removedTimeOffIds: [] };
    return pending;
  }
}

function defined<T extends object>(changes: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Pick<T, K>;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

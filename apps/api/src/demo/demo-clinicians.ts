import { DEMO_CENTRES, DemoCentre } from './demo-centres';
import { DemoKind, demoId, DemoRandom } from './demo-ids';
import { CITIES, pickPerson, REGIONS, regionOf } from './demo-names';
import { DemoRule, weeklyRules } from './demo-schedules';
import { CENTRE_TEAM, DemoSpecialty, ROTATING, SPECIALTIES } from './demo-specialties';

export const CLINICIANS_PER_CENTRE = CENTRE_TEAM.length + 3;

export interface DemoStaffUser {
  id: string;
  fullName: string;
  phone: string;
  email: string;
  username: string;
  role: 'FRONT_DESK' | 'CLINICIAN';
  centreIds: string[];
}

export interface DemoClinician {
  /** 1…300: the clinician's number, in their ids, phone and appointment ids. */
  n: number;
  id: string;
  user: DemoStaffUser;
  specialty: DemoSpecialty;
  specializations: string[];
  qualifications: string[];
  languages: string[];
  yearsOfExperience: number;
  feeAmount: number;
  durationMinutes: number;
  bufferAfterMinutes: number;
  bio: string;
  primaryCentreId: string;
  centreIds: string[];
  rules: DemoRule[];
  /** Leave in the coming two weeks, as whole local days from today. */
  timeOff: { inDays: number; days: number; reason: string } | null;
}

const slug = (centre: DemoCentre) => centre.name.replace(/^carebook /, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
const LEAVE_REASONS = ['Conference', 'Personal leave', 'Medical camp', 'Family function'];

/** One front desk user per centre: `desk.<area>`, e.g. `desk.indiranagar`. */
export function buildDeskUsers(): DemoStaffUser[] {
  const random = new DemoRandom(7001);
  const used = new Set<string>();
  return DEMO_CENTRES.map((centre, i) => {
    const person = pickPerson(random, CITIES[centre.city].region, used);
    const username = `desk.${slug(centre)}`;
    return {
      id: demoId(DemoKind.deskUser, i + 1),
      fullName: `${person.firstName} ${person.lastName}`,
      phone: `+91920000${String(i + 1).padStart(4, '0')}`,
      email: `${username}@carebook.example`,
      username,
      role: 'FRONT_DESK',
      centreIds: [centre.id],
    };
  });
}

/** Twenty clinicians per centre, the same on every run (a seeded generator per clinician). */
export function buildClinicians(): DemoClinician[] {
  const used = new Set<string>();
  return DEMO_CENTRES.flatMap((centre, c) =>
    Array.from({ length: CLINICIANS_PER_CENTRE }, (_, j) => {
      const key = j < CENTRE_TEAM.length ? CENTRE_TEAM[j] : ROTATING[(c * 3 + j - CENTRE_TEAM.length) % ROTATING.length];
      return clinician(c * CLINICIANS_PER_CENTRE + j + 1, centre, SPECIALTIES[key], used);
    }),
  );
}

function clinician(n: number, centre: DemoCentre, specialty: DemoSpecialty, used: Set<string>): DemoClinician {
  const random = new DemoRandom(10_000 + n);
  const city = CITIES[centre.city];
  const person = pickPerson(random, city.region, used);
  const username = `dr.${person.firstName}.${person.lastName}`.toLowerCase();
  const siblings = DEMO_CENTRES.filter((other) => other.city === centre.city && other.id !== centre.id);
  const second = siblings.length && random.chance(0.25) ? random.pick(siblings).id : undefined;
  const centreIds = second ? [centre.id, second] : [centre.id];
  const languages = spokenLanguages(random, centre.city, regionOf(person.lastName, city.region));
  const years = Math.min(40, random.int(specialty.minYears, specialty.minYears + 24));
  const specializations = [specialty.name];
  if (specialty.also && random.chance(specialty.also.share)) specializations.push(specialty.also.name);
  return {
    n,
    id: demoId(DemoKind.clinician, n),
    user: {
      id: demoId(DemoKind.clinicianUser, n),
      fullName: `Dr. ${person.firstName} ${person.lastName}`,
      phone: `+91910000${String(n).padStart(4, '0')}`,
      email: `${username}@carebook.example`,
      username,
      role: 'CLINICIAN',
      centreIds,
    },
    specialty,
    specializations,
    qualifications: [...random.pick(specialty.qualifications)],
    languages,
    yearsOfExperience: years,
    feeAmount: random.stepped(specialty.feeRupees[0], specialty.feeRupees[1], 50) * 100,
    durationMinutes: random.pick(specialty.durations),
    // The chair is cleaned between dental patients.
    bufferAfterMinutes: specialty === SPECIALTIES.dentistry ? 10 : 0,
    bio: `Practising for ${years} years. Sees patients for ${specialty.focus}. Consults in ${listed(languages)}.`,
    primaryCentreId: centre.id,
    centreIds,
    rules: weeklyRules(random, { primaryCentreId: centre.id, secondCentreId: second, onlineShare: specialty.online }),
    timeOff: random.chance(0.06)
      ? { inDays: random.int(2, 11), days: random.int(1, 3), reason: random.pick(LEAVE_REASONS) }
      : null,
  };
}

/** The city's languages (nearly always), their own, maybe Hindi and others heard there, English. */
function spokenLanguages(random: DemoRandom, cityName: string, home: keyof typeof REGIONS): string[] {
  const city = CITIES[cityName];
  const languages = new Set<string>();
  if (home === city.region || random.chance(0.85)) city.languages.forEach((l) => languages.add(l));
  languages.add(REGIONS[home].language);
  if (random.chance(0.5)) languages.add('Hindi');
  for (const other of city.alsoHeard) if (random.chance(0.2)) languages.add(other);
  languages.add('English');
  return [...languages];
}

function listed(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

import { DEMO_CENTRES } from './demo-centres';
import { DemoKind, demoId, DemoRandom } from './demo-ids';
import { CITIES, pickPerson, REGIONS, regionOf } from './demo-names';

export const DEMO_PATIENT_COUNT = 200;

export interface DemoPatient {
  /** 1…200; patient 1 is the one a newcomer signs in as (see DEMO_LOGINS). */
  n: number;
  id: string;
  city: string;
  fullName: string;
  phone: string;
  email: string | null;
  dateOfBirth: string;
  gender: 'FEMALE' | 'MALE';
  bloodGroup: string;
  emergencyContacts: Array<{ name: string; phone: string; relationship: string }>;
  createdDaysAgo: number;
}

/** `+919000000001` … `+919000000200`: obviously demo numbers, far from the tests' `+9198…`. */
export const demoPatientPhone = (n: number) => `+91900000${String(n).padStart(4, '0')}`;

/** Ages only choose who the emergency contact is; the data set must not depend on the clock. */
const AGE_IN = 2026;

/** Roughly India's ABO/Rh distribution. */
const BLOOD_GROUPS: Array<[string, number]> = [
  ['O+', 0.36], ['B+', 0.32], ['A+', 0.22], ['AB+', 0.07], ['O-', 0.01], ['B-', 0.01], ['A-', 0.005], ['AB-', 0.005],
];

/** Patients live near the centres, spread over them evenly (so Bengaluru has the most). */
export function buildPatients(): DemoPatient[] {
  const random = new DemoRandom(20_001);
  const used = new Set<string>();
  return Array.from({ length: DEMO_PATIENT_COUNT }, (_, i) => {
    const n = i + 1;
    const centre = DEMO_CENTRES[i % DEMO_CENTRES.length];
    const person = pickPerson(random, CITIES[centre.city].region, used);
    // Patient 1, whom a newcomer signs in as, is an adult with an emergency contact.
    const year = n === 1 ? 1989 : random.int(1948, 2021);
    const dateOfBirth = `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const emergencyContacts = random.chance(0.8) || n === 1 ? [contact(random, n, person.lastName, centre.city, AGE_IN - year)] : [];
    return {
      n,
      id: demoId(DemoKind.patient, n),
      city: centre.city,
      fullName: `${person.firstName} ${person.lastName}`,
      phone: demoPatientPhone(n),
      email: random.chance(0.5) ? `${person.firstName}.${person.lastName}${n}@example.com`.toLowerCase() : null,
      dateOfBirth,
      gender: person.gender,
      bloodGroup: weighted(random, BLOOD_GROUPS),
      emergencyContacts,
      createdDaysAgo: random.int(30, 400),
    };
  });
}

function contact(random: DemoRandom, n: number, lastName: string, city: string, age: number) {
  const region = REGIONS[regionOf(lastName, CITIES[city].region)];
  const female = random.chance(0.5);
  const relationship =
    age < 18 ? (female ? 'Mother' : 'Father') : age > 60 ? (female ? 'Daughter' : 'Son') : random.pick(['Spouse', 'Sibling', 'Parent']);
  return {
    name: `${random.pick(female ? region.female : region.male)} ${lastName}`,
    phone: `+91930000${String(n).padStart(4, '0')}`,
    relationship,
  };
}

function weighted(random: DemoRandom, options: Array<[string, number]>): string {
  let roll = random.next();
  for (const [value, share] of options) {
    roll -= share;
    if (roll < 0) return value;
  }
  return options[0][0];
}

const pad = (n: number) => String(n).padStart(2, '0');

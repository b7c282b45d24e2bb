/**
 * What the demo clinicians practise: qualifications that go with each specialization, fees in
 * rupees (stored in paise), consultation lengths, and whether they also see patients by video.
 */
export interface DemoSpecialty {
  name: string;
  /** One of these degree lists, as written on an Indian clinic's board. */
  qualifications: ReadonlyArray<readonly string[]>;
  /** A second specialization some of them list, and how many do. */
  also?: { name: string; share: number };
  feeRupees: readonly [number, number];
  durations: readonly number[];
  minYears: number;
  /** Share that holds an ONLINE session some afternoons (0: needs the patient in the room). */
  online: number;
  focus: string;
  reasons: readonly string[];
}

const s = (spec: DemoSpecialty): DemoSpecialty => spec;

export const SPECIALTIES = {
  gp: s({
    name: 'General Physician', qualifications: [['MBBS'], ['MBBS', 'MD (General Medicine)'], ['MBBS', 'DNB (Family Medicine)']],
    also: { name: 'Diabetology', share: 0.2 }, feeRupees: [300, 700], durations: [15, 20], minYears: 2, online: 0.4,
    focus: 'fevers, infections, diabetes and blood pressure, and preventive check-ups',
    reasons: ['Fever and body ache', 'Cough and cold', 'Blood pressure review', 'Diabetes follow-up', 'Annual health check'],
  }),
  paediatrics: s({
    name: 'Paediatrics', qualifications: [['MBBS', 'MD (Paediatrics)'], ['MBBS', 'DCH'], ['MBBS', 'DNB (Paediatrics)']],
    also: { name: 'Neonatology', share: 0.2 }, feeRupees: [500, 900], durations: [15, 20], minYears: 4, online: 0.2,
    focus: 'newborn care, vaccinations, growth and childhood illnesses',
    reasons: ['Vaccination', 'Fever in child', 'Growth and nutrition review', 'Cough and wheezing', 'Newborn check-up'],
  }),
  gynaecology: s({
    name: 'Gynaecology', qualifications: [['MBBS', 'MS (Obstetrics & Gynaecology)'], ['MBBS', 'DGO'], ['MBBS', 'DNB (Obstetrics & Gynaecology)']],
    feeRupees: [600, 1100], durations: [20], minYears: 4, online: 0.2,
    focus: 'pregnancy care, PCOS, menstrual problems and menopause',
    reasons: ['Antenatal check-up', 'Irregular periods', 'PCOS follow-up', 'Pre-conception counselling'],
  }),
  dermatology: s({
    name: 'Dermatology', qualifications: [['MBBS', 'MD (Dermatology, Venereology & Leprosy)'], ['MBBS', 'DDVL'], ['MBBS', 'DNB (Dermatology)']],
    also: { name: 'Cosmetology', share: 0.3 }, feeRupees: [600, 1200], durations: [15, 20], minYears: 4, online: 0.5,
    focus: 'acne, eczema, pigmentation, hair loss and skin allergies',
    reasons: ['Acne', 'Skin rash and itching', 'Hair fall', 'Pigmentation', 'Eczema follow-up'],
  }),
  orthopaedics: s({
    name: 'Orthopaedics', qualifications: [['MBBS', 'MS (Orthopaedics)'], ['MBBS', 'DNB (Orthopaedics)'], ['MBBS', 'D.Ortho']],
    also: { name: 'Sports Medicine', share: 0.2 }, feeRupees: [600, 1200], durations: [15, 20], minYears: 5, online: 0,
    focus: 'joint pain, fractures, back pain and sports injuries',
    reasons: ['Knee pain', 'Lower back pain', 'Shoulder pain', 'Fracture follow-up', 'Sprained ankle'],
  }),
  dentistry: s({
    name: 'Dentistry', qualifications: [['BDS'], ['BDS', 'MDS (Orthodontics)'], ['BDS', 'MDS (Endodontics)'], ['BDS', 'MDS (Periodontics)']],
    feeRupees: [300, 800], durations: [30], minYears: 2, online: 0,
    focus: 'fillings, root canals, braces and gum care',
    reasons: ['Toothache', 'Dental cleaning', 'Root canal sitting', 'Braces adjustment', 'Bleeding gums'],
  }),
  physiotherapy: s({
    name: 'Physiotherapy', qualifications: [['BPT'], ['BPT', 'MPT (Orthopaedics)'], ['BPT', 'MPT (Neurology)'], ['BPT', 'MPT (Sports)']],
    feeRupees: [400, 800], durations: [30], minYears: 2, online: 0,
    focus: 'rehabilitation after injury or surgery, back and neck pain, and posture',
    reasons: ['Neck pain', 'Post-surgery rehabilitation', 'Frozen shoulder', 'Back pain exercises'],
  }),
  ent: s({
    name: 'ENT', qualifications: [['MBBS', 'MS (ENT)'], ['MBBS', 'DLO'], ['MBBS', 'DNB (ENT)']],
    feeRupees: [500, 1000], durations: [15, 20], minYears: 4, online: 0.1,
    focus: 'sinusitis, ear infections, hearing loss and throat problems',
    reasons: ['Ear pain', 'Sinusitis', 'Sore throat', 'Hearing check', 'Blocked nose'],
  }),
  ophthalmology: s({
    name: 'Ophthalmology', qualifications: [['MBBS', 'MS (Ophthalmology)'], ['MBBS', 'DO'], ['MBBS', 'DNB (Ophthalmology)']],
    feeRupees: [500, 1000], durations: [15, 20], minYears: 4, online: 0,
    focus: 'cataract, glaucoma, refraction and diabetic eye care',
    reasons: ['Blurred vision', 'Eye test for glasses', 'Red, itchy eyes', 'Cataract review'],
  }),
  psychiatry: s({
    name: 'Psychiatry', qualifications: [['MBBS', 'MD (Psychiatry)'], ['MBBS', 'DPM'], ['MBBS', 'DNB (Psychiatry)']],
    feeRupees: [800, 1500], durations: [30], minYears: 5, online: 0.8,
    focus: 'anxiety, depression, sleep problems and addiction',
    reasons: ['Anxiety', 'Low mood', 'Sleep problems', 'Medication review'],
  }),
  cardiology: s({
    name: 'Cardiology', qualifications: [['MBBS', 'MD (General Medicine)', 'DM (Cardiology)'], ['MBBS', 'DNB (Cardiology)']],
    feeRupees: [900, 1500], durations: [20, 30], minYears: 8, online: 0.3,
    focus: 'chest pain, hypertension, heart failure and preventive cardiology',
    reasons: ['Chest pain', 'Palpitations', 'ECG review', 'Hypertension follow-up'],
  }),
  endocrinology: s({
    name: 'Endocrinology', qualifications: [['MBBS', 'MD (General Medicine)', 'DM (Endocrinology)'], ['MBBS', 'DNB (Endocrinology)']],
    also: { name: 'Diabetology', share: 0.5 }, feeRupees: [800, 1500], durations: [20, 30], minYears: 8, online: 0.6,
    focus: 'diabetes, thyroid disorders, obesity and hormonal problems',
    reasons: ['Diabetes review', 'Thyroid follow-up', 'Weight management', 'HbA1c results'],
  }),
  neurology: s({
    name: 'Neurology', qualifications: [['MBBS', 'MD (General Medicine)', 'DM (Neurology)'], ['MBBS', 'DNB (Neurology)']],
    feeRupees: [900, 1500], durations: [30], minYears: 8, online: 0.3,
    focus: 'headaches, epilepsy, stroke recovery and nerve problems',
    reasons: ['Migraine', 'Numbness in hands', 'Seizure follow-up', 'Dizziness'],
  }),
  pulmonology: s({
    name: 'Pulmonology', qualifications: [['MBBS', 'MD (Pulmonary Medicine)'], ['MBBS', 'DNB (Respiratory Medicine)']],
    feeRupees: [700, 1200], durations: [20], minYears: 5, online: 0.3,
    focus: 'asthma, COPD, chronic cough and sleep apnoea',
    reasons: ['Asthma review', 'Chronic cough', 'Breathlessness', 'Lung function results'],
  }),
  gastroenterology: s({
    name: 'Gastroenterology', qualifications: [['MBBS', 'MD (General Medicine)', 'DM (Gastroenterology)']],
    feeRupees: [900, 1500], durations: [20, 30], minYears: 8, online: 0.3,
    focus: 'acidity, liver disease, IBS and digestive problems',
    reasons: ['Acidity', 'Abdominal pain', 'Liver function review', 'Irregular bowel habits'],
  }),
} satisfies Record<string, DemoSpecialty>;
export type SpecialtyKey = keyof typeof SPECIALTIES;

/** The 20 clinicians of every centre: 17 fixed places, 3 that rotate through the rarer fields. */
export const CENTRE_TEAM: readonly SpecialtyKey[] = [
  'gp', 'gp', 'gp', 'paediatrics', 'paediatrics', 'gynaecology', 'gynaecology', 'dermatology', 'dermatology',
  'orthopaedics', 'orthopaedics', 'dentistry', 'dentistry', 'physiotherapy', 'physiotherapy', 'ent', 'ophthalmology',
];
export const ROTATING: readonly SpecialtyKey[] = [
  'psychiatry', 'cardiology', 'endocrinology', 'neurology', 'pulmonology', 'gastroenterology', 'psychiatry', 'endocrinology',
];

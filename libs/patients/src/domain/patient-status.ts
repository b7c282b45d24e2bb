/** A patient's condition as a care report states it (the care context records it). */
export const PATIENT_STATUSES = [
  'STABLE',
  'IMPROVING',
  'DETERIORATING',
  'CRITICAL',
  'RECOVERED',
  'DECEASED',
] as const;
export type PatientStatus = (typeof PATIENT_STATUSES)[number];

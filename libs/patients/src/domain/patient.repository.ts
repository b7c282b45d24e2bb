import { Patient } from './patient';

/** Port: loads and saves the Patient aggregate with its events. */
export abstract class PatientRepository {
  abstract findById(id: string): Promise<Patient | undefined>;
  abstract findByPhone(phone: string): Promise<Patient | undefined>;
  /** Inserts a new patient unless the phone is already taken; answers whether it inserted. */
  abstract addIfPhoneFree(patient: Patient): Promise<boolean>;
  abstract save(patient: Patient): Promise<void>;
}

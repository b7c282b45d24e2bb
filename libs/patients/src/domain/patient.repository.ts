import { Patient } from './patient';

/** How a load is to be locked: `forUpdate` holds the row until the transaction ends. */
export interface LoadOptions {
  forUpdate?: boolean;
}

/** Port: loads and saves the Patient aggregate with its events. */
export abstract class PatientRepository {
  /** The living patient, or undefined. `forUpdate` needs an open transaction (UnitOfWork.run). */
  abstract findById(id: string, options?: LoadOptions): Promise<Patient | undefined>;
  abstract findByPhone(phone: string, options?: LoadOptions): Promise<Patient | undefined>;
  /** Inserts a new patient unless the phone is already taken; answers whether it inserted. */
  abstract addIfPhoneFree(patient: Patient): Promise<boolean>;
  /** Saves the row and its events; PATIENT_PHONE_TAKEN when another living patient has the phone. */
  abstract save(patient: Patient): Promise<void>;
}

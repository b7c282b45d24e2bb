import { FixedClock } from '@carebook/testing';
import { ImmediateUnitOfWork, InMemoryPatients } from '../../../testing/patient-fakes';
import { RegisterPatientByPhone } from './register-patient-by-phone.command';
import { RegisterPatientByPhoneHandler } from './register-patient-by-phone.handler';

describe('RegisterPatientByPhoneHandler', () => {
  const clock = new FixedClock();
  const phone = '+919812300000';

  it('registers a new phone once, then signs the same patient in, naming them only if unnamed', async () => {
    const patients = new InMemoryPatients();
    const handler = new RegisterPatientByPhoneHandler(
      patients,
      new ImmediateUnitOfWork().asUnitOfWork(),
      clock,
    );
    const first = await handler.execute(new RegisterPatientByPhone(phone));
    expect(first).toMatchObject({ created: true, patient: { phone, fullName: null } });
    const second = await handler.execute(new RegisterPatientByPhone(phone, 'Priya Sharma'));
    expect(second).toMatchObject({
      created: false,
      patient: { id: first.patient.id, fullName: 'Priya Sharma' },
    });
    const third = await handler.execute(new RegisterPatientByPhone(phone, 'Someone Else'));
    expect(third.patient.fullName).toBe('Priya Sharma');
    expect(patients.eventNames).toEqual(['patients.PatientRegistered', 'patients.PatientUpdated']);
    // The existing row is read locked, so a sign-in never writes back over a concurrent edit.
    expect(patients.lockedLoads).toEqual([first.patient.id, first.patient.id]);
  });
});

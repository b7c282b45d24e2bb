/** The seven staff roles of the contract. A staff user has exactly one. */
export enum Role {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  CENTRE_MANAGER = 'CENTRE_MANAGER',
  CARE_COORDINATOR = 'CARE_COORDINATOR',
  FRONT_DESK = 'FRONT_DESK',
  CLINICIAN = 'CLINICIAN',
  CAREGIVER = 'CAREGIVER',
}

export const ALL_ROLES = Object.values(Role);

/** Roles that see every centre; everyone else is scoped to the centres they belong to. */
export const NETWORK_WIDE_ROLES: readonly Role[] = [Role.ADMIN, Role.MANAGER];

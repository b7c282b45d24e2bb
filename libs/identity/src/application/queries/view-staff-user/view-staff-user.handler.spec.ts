import { Actor, NotFoundError, Role } from '@carebook/core';
import type { QueryBus } from '@nestjs/cqrs';
import type { StaffUserDto } from '../../dto/staff-user.dto';
import { GetStaffUser } from '../get-staff-user/get-staff-user.query';
import { ViewStaffUser } from './view-staff-user.query';
import { ViewStaffUserHandler } from './view-staff-user.handler';

const A = '0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10';
const B = '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10';
const user: StaffUserDto = {
  id: '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01',
  fullName: 'Asha Rao',
  phone: '+919800000001',
  email: null,
  username: 'asha',
  role: Role.FRONT_DESK,
  centreIds: [A],
  isActive: true,
  createdAt: '2026-03-01T09:00:00.000Z',
};

describe('ViewStaffUserHandler', () => {
  const asked: unknown[] = [];
  const queries = {
    execute: async (query: unknown) => {
      asked.push(query);
      return user;
    },
  } as unknown as QueryBus;
  const handler = new ViewStaffUserHandler(queries);
  const view = (actor: Actor) => handler.execute(new ViewStaffUser(actor, user.id));

  it('answers the user to actors who reach them, read through GetStaffUser', async () => {
    const cmA: Actor = { kind: 'staff', id: 'cm-a', role: Role.CENTRE_MANAGER, centreIds: [A] };
    expect(await view(cmA)).toBe(user);
    expect(await view({ kind: 'staff', id: 'm', role: Role.MANAGER, centreIds: [] })).toBe(user);
    expect(asked[0]).toEqual(new GetStaffUser(user.id));
  });

  it('answers NOT_FOUND to a centre manager of another centre and to patients', async () => {
    const cmB: Actor = { kind: 'staff', id: 'cm-b', role: Role.CENTRE_MANAGER, centreIds: [B] };
    await expect(view(cmB)).rejects.toBeInstanceOf(NotFoundError);
    await expect(view({ kind: 'patient', id: 'p' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

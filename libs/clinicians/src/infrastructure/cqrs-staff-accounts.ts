import { Actor, NotFoundError, Role } from '@carebook/core';
import {
  CreateStaffUser,
  DeleteStaffUser,
  GetStaffUser,
  UpdateStaffUser,
} from '@carebook/identity';
import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  NewStaffAccount,
  StaffAccount,
  StaffAccountChanges,
  StaffAccounts,
} from '../application/ports/staff-accounts';

/**
 * Staff users through identity's commands and queries. Commands run in the caller's
 * UnitOfWork transaction (identity's handlers join it), so a failed clinician save also undoes
 * the staff user.
 */
@Injectable()
export class CqrsStaffAccounts extends StaffAccounts {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {
    super();
  }

  async register(actor: Actor, input: NewStaffAccount): Promise<StaffAccount> {
    const user = await this.commands.execute(
      new CreateStaffUser(actor, { ...input, role: Role.CLINICIAN }),
    );
    return { id: user.id, fullName: user.fullName };
  }

  async revise(actor: Actor, userId: string, changes: StaffAccountChanges): Promise<StaffAccount> {
    const user = await this.commands.execute(new UpdateStaffUser(actor, userId, changes));
    return { id: user.id, fullName: user.fullName };
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    if (!(await this.find(userId))) return;
    await this.commands.execute(new DeleteStaffUser(actor, userId));
  }

  async find(userId: string): Promise<StaffAccount | undefined> {
    try {
      const user = await this.queries.execute(new GetStaffUser(userId));
      return { id: user.id, fullName: user.fullName };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}

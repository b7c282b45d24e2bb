import { Command } from '@nestjs/cqrs';
import type { CentreDto } from '../../dto/centre.dto';

export interface CentreInput {
  name: string;
  city: string;
  address: string;
  phone: string;
  email?: string | null;
  timeZone?: string;
  location: { lat: number; lng: number };
}

/** Opens a new centre. */
export class CreateCentre extends Command<CentreDto> {
  constructor(readonly input: CentreInput) {
    super();
  }
}

import { FindFreeSlots, FreeSlotsDto, FreeSlotsQueryDto } from '@carebook/booking';
import { ParseId, Public } from '@carebook/core';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

/** `GET /api/v1/clinicians/:id/slots`: booking answers it; the rest of `/clinicians` is the clinicians context's. */
@ApiTags('clinicians')
@Controller('clinicians')
export class ClinicianSlotsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/slots')
  @Public()
  @ApiOperation({
    summary: "A clinician's free slots",
    description:
      'Local dates `from..to` (inclusive, at most 31 days apart), in time order, respecting the weekly rules, ' +
      'time off, existing bookings and live holds, buffers, minimum notice (default 2 h), the booking horizon ' +
      '(default 60 days) and the daily cap. DST-correct.',
  })
  @ApiOkResponse({ type: FreeSlotsDto })
  slots(
    @Param('id', ParseId('Clinician')) id: string,
    @Query() q: FreeSlotsQueryDto,
  ): Promise<FreeSlotsDto> {
    return this.queries.execute(
      new FindFreeSlots(id, q.from, q.to, { sessionType: q.sessionType, centreId: q.centreId }),
    );
  }
}

import { Public } from '@carebook/core';
import { ClinicianSummaryPageDto, SearchClinicians, SearchCliniciansQueryDto } from '@carebook/directory';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

/** `GET /api/v1/clinicians`: the public directory patients search. */
@ApiTags('clinicians')
@Controller('clinicians')
export class ClinicianDirectoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Find clinicians',
    description:
      'Filters by specialization, centre, city, language, name, fee and session type. With `lat`/`lng`: only clinicians ' +
      'whose primary centre is within `radiusKm` (default 10), each with `distanceKm`. Each item has `nextAvailableSlot` ' +
      '(the first free slot within 14 days, or null). Sort: `distance`, `nextAvailable`, `fee`, `experience`.',
  })
  @ApiOkResponse({ type: ClinicianSummaryPageDto })
  // The page comes as JSON text from the database (ClinicianSummaryPage.json(): the bytes
  // JSON.stringify would write for ClinicianSummaryPageDto), sent as it is.
  @Header('Content-Type', 'application/json; charset=utf-8')
  async search(@Query() q: SearchCliniciansQueryDto): Promise<string> {
    const page = await this.queries.execute(
      new SearchClinicians({
        specialization: q.specialization,
        centreId: q.centreId,
        city: q.city,
        language: q.language,
        name: q.name,
        minFee: q.minFee,
        maxFee: q.maxFee,
        sessionType: q.sessionType,
        near: q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng, radiusKm: q.radiusKm ?? 10 } : undefined,
        availableFrom: q.availableFrom ? new Date(q.availableFrom) : undefined,
        availableTo: q.availableTo ? new Date(q.availableTo) : undefined,
        sort: q.sort,
        page: q.page,
        limit: q.limit,
      }),
    );
    return page.json();
  }
}

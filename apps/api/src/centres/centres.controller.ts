import { Actor, CurrentActor, ParseId, Public, Role, Roles } from '@carebook/core';
import {
  CentreDto,
  CentrePageDto,
  CreateCentre,
  CreateCentreDto,
  DeleteCentre,
  FindCentresNear,
  GetCentre,
  ListCentres,
  ListCentresQueryDto,
  ToggleCentreActive,
  UpdateCentre,
  UpdateCentreDto,
} from '@carebook/centres';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotent.interceptor';

const uuid = ParseId('Centre');

@ApiTags('centres')
@Controller('centres')
export class CentresController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'List centres',
    description:
      'Active centres by city and name. With `lat` and `lng`: only centres within `radiusKm` (default 10), nearest first, each with `distanceKm`.',
  })
  @ApiOkResponse({ type: CentrePageDto })
  list(@Query() q: ListCentresQueryDto, @CurrentActor() actor?: Actor) {
    if (q.lat !== undefined && q.lng !== undefined) {
      return this.queries.execute(
        new FindCentresNear({
          lat: q.lat,
          lng: q.lng,
          radiusKm: q.radiusKm ?? 10,
          city: q.city,
          page: q.page,
          limit: q.limit,
        }),
      );
    }
    return this.queries.execute(
      new ListCentres(
        {
          city: q.city,
          includeInactive: q.includeInactive === 'true',
          page: q.page,
          limit: q.limit,
        },
        actor,
      ),
    );
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One centre' })
  @ApiOkResponse({ type: CentreDto })
  get(@Param('id', uuid) id: string, @CurrentActor() actor?: Actor): Promise<CentreDto> {
    return this.queries.execute(new GetCentre(id, actor));
  }

  @Post()
  @Idempotent()
  @Roles(Role.ADMIN, Role.MANAGER)
  @ApiOperation({ summary: 'Open a centre' })
  @ApiCreatedResponse({ type: CentreDto })
  create(@Body() body: CreateCentreDto): Promise<CentreDto> {
    return this.commands.execute(new CreateCentre(body));
  }

  @Put(':id')
  @Roles(Role.ADMIN, Role.MANAGER)
  @ApiOperation({
    summary: "Change a centre's details",
    description: 'Fields omitted keep their value.',
  })
  @ApiOkResponse({ type: CentreDto })
  update(@Param('id', uuid) id: string, @Body() body: UpdateCentreDto): Promise<CentreDto> {
    return this.commands.execute(new UpdateCentre(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.ADMIN, Role.MANAGER)
  @ApiOperation({ summary: 'Remove a centre (soft delete; history is kept)' })
  @ApiNoContentResponse()
  async remove(@Param('id', uuid) id: string): Promise<void> {
    await this.commands.execute(new DeleteCentre(id));
  }

  @Patch(':id/toggle-active')
  @Roles(Role.ADMIN, Role.MANAGER)
  @ApiOperation({ summary: 'Switch a centre on or off for booking and search' })
  @ApiOkResponse({ type: CentreDto })
  toggleActive(@Param('id', uuid) id: string): Promise<CentreDto> {
    return this.commands.execute(new ToggleCentreActive(id));
  }
}

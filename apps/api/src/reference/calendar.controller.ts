import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceDataService } from '@app/workflow';
import { localDateParam } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { CalendarDayDto, CalendarDayListDto, CalendarRangeDto, PutCalendarDayDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('calendar/days')
export class CalendarController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Put(':date')
  @Endpoint({
    summary: 'Set a calendar day',
    description:
      'A statutory holiday, or an adjusted working day (调休) on a weekend. Deadlines computed later use it.',
    who: ['admin'],
    ok: CalendarDayDto,
    errors: [400],
  })
  put(@Param('date', localDateParam()) date: string, @Body() body: PutCalendarDayDto) {
    return this.reference.putCalendarDay(date, body);
  }

  @Get()
  @Endpoint({
    summary: 'List calendar days',
    description: 'Holidays and adjusted working days between `from` and `to` (inclusive).',
    who: 'any',
    ok: CalendarDayListDto,
    errors: [400],
  })
  async list(@Query() query: CalendarRangeDto) {
    return { items: await this.reference.listCalendarDays(query.from, query.to), nextCursor: null };
  }
}

import { BadRequestException, Body, Controller, Delete, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CalendarDaysService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { localDateParam } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import {
  CalendarDayDto,
  CalendarDayListDto,
  CalendarRangeDto,
  CalendarYearDto,
  PutCalendarDayDto,
  PutCalendarYearDto,
} from './reference.dto';

const yearParam = () =>
  new ParseIntPipe({ exceptionFactory: () => new BadRequestException('year must be a year such as 2027') });

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarDaysService) {}

  @Put('days/:date')
  @Endpoint({
    summary: 'Set a calendar day',
    description:
      'A statutory holiday, or an adjusted working day (调休) on a weekend. Deadlines computed later use it. ' +
      'Recorded in the audit log.',
    who: ['admin'],
    ok: CalendarDayDto,
    errors: [400],
  })
  put(@CurrentActor() actor: Actor, @Param('date', localDateParam()) date: string, @Body() body: PutCalendarDayDto) {
    return this.calendar.put(actor, date, body);
  }

  @Delete('days/:date')
  @Endpoint({
    summary: 'Unset a calendar day',
    description: 'The day is an ordinary weekday or weekend again. Recorded in the audit log.',
    who: ['admin'],
    status: 204,
    errors: [400, 404],
  })
  async remove(@CurrentActor() actor: Actor, @Param('date', localDateParam()) date: string): Promise<void> {
    await this.calendar.remove(actor, date);
  }

  @Put('years/:year')
  @Endpoint({
    summary: "Replace a year's holidays and adjusted working days",
    description:
      'In one step: the days given are the year’s from now on, and no other. A date outside the year is a 400 ' +
      'naming it. Recorded in the audit log.',
    who: ['admin'],
    ok: CalendarYearDto,
    errors: [400],
  })
  replaceYear(
    @CurrentActor() actor: Actor,
    @Param('year', yearParam()) year: number,
    @Body() body: PutCalendarYearDto,
  ) {
    if (year < 2000 || year > 2100) throw new BadRequestException('year must be from 2000 to 2100');
    return this.calendar.replaceYear(actor, year, body.days);
  }

  @Get('days')
  @Endpoint({
    summary: 'List calendar days',
    description: 'Holidays and adjusted working days between `from` and `to` (inclusive).',
    who: 'any',
    ok: CalendarDayListDto,
    errors: [400],
  })
  async list(@Query() query: CalendarRangeDto) {
    return { items: await this.calendar.list(query.from, query.to), nextCursor: null };
  }
}

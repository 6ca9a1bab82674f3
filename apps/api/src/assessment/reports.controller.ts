import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ProposalReportService } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { ProposalReportDto, ProposalReportQueryDto } from './assessment.dto';

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ProposalReportService) {}

  @Get('proposals')
  @Endpoint({
    summary: 'The annual proposal report',
    description: 'Registered, replied, reply rate, key proposals and how many were supervised, satisfaction; by unit.',
    who: ['inspector', 'admin'],
    ok: ProposalReportDto,
    errors: [400],
  })
  proposals(@Query() query: ProposalReportQueryDto) {
    return this.reports.report(query.year);
  }
}

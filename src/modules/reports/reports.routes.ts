import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Declared, FORMAT_HINT, Id, IsoTime, Literals, Nullable, Out, Strict, replies } from '../../platform/http/schemas.ts';
import { callbackReportPdf } from './callback-report-pdf.ts';
import { DEFINITIONS } from './definitions.ts';
import { MAX_REPORT_MONTHS, callbackReport, callbackReportCsv, reportFileName } from './reports.service.ts';

const Day = (example: string) => Declared('structured', { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: "A day on the client's calendar, YYYY-MM-DD", [FORMAT_HINT]: `a day written YYYY-MM-DD, such as ${example}` });
const Minutes = Nullable(Type.Number({ description: 'Minutes, to a tenth' }));

const CallbackReportSchema = Out({
  client: Out({ id: Type.String(), name: Type.String(), timeZone: Type.String() }),
  period: Out({ from: Type.String(), to: Type.String() }),
  summary: Out({
    received: Type.Integer(),
    completed: Type.Integer(),
    completedWithinSla: Type.Integer(),
    withinSlaShare: Nullable(Type.Number({ description: 'completedWithinSla / completed, 0 to 1' })),
    medianMinutesToFirstAttempt: Minutes,
    attemptsPerCallback: Nullable(Type.Number()),
    attempts: Type.Integer(),
    unreachable: Type.Integer(),
    escalated: Type.Integer(),
  }),
  days: Type.Array(Out({ day: Type.String(), received: Type.Integer(), completed: Type.Integer({ description: "Of that day's callbacks, completed by now" }) })),
  agents: Type.Array(Out({ agentId: Type.String(), displayName: Type.String(), handled: Type.Integer(), completed: Type.Integer(), medianHandlingMinutes: Minutes })),
  generatedAt: IsoTime,
});

/** Reports for supervisors and for the practices they serve. */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/reports/callbacks',
    {
      config: { permission: { action: 'read', subject: 'Report' } },
      schema: {
        tags: ['reports'],
        summary: "A client's callbacks over a period of its days (to inclusive, at most 13 months): figures, received and completed per day, and per agent; format=csv or pdf downloads it (export permission)",
        description: `No patient appears in a report. ${DEFINITIONS.map((d) => `${d.term}: ${d.meaning}`).join(' ')} The period may cover at most ${MAX_REPORT_MONTHS} months.`,
        querystring: Strict({ clientId: Id, from: Day('2026-11-01'), to: Day('2026-11-30'), format: Type.Optional(Literals(['json', 'csv', 'pdf'] as const)) }),
        response: replies(CallbackReportSchema),
      },
    },
    async (request, reply) => {
      const ctx = actorOf(request);
      const { format = 'json', ...query } = request.query;
      const report = await callbackReport(ctx, query, format);
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${reportFileName(report, 'csv')}"`).send(callbackReportCsv(report) as never);
      }
      if (format === 'pdf') {
        const pdf = await callbackReportPdf(report, { organization: (await ctx.db.organization()).name });
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reportFileName(report, 'pdf')}"`).send(pdf as never);
      }
      return report;
    },
  );
};

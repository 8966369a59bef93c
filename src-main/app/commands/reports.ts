// Shift reports and the post-well debrief: the figures for a preview, and PDF / CSV / JSON
// exports. The work runs in the ReportService (one job at a time, PDF in a worker thread).
import { ReportFontError } from '../../reports/report-font.js';
import { ReportRangeError } from '../../reports/report-period.js';
import { ReportServiceClosedError } from '../../reports/report-service.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

type ReportCommand = 'buildReport' | 'exportReport';

/** Errors the user can act on become readable refusals; anything else is internal. */
async function answer<T>(run: () => Promise<T>) {
  try {
    return ok(await run());
  } catch (e) {
    if (e instanceof ReportRangeError) return fail('not-found', e.message);
    if (e instanceof ReportFontError || e instanceof ReportServiceClosedError) return fail('refused', e.message);
    throw e;
  }
}

export const reportCommands: CommandModule<ReportCommand> = ({ reports }) => ({
  buildReport: (r) => answer(() => reports.build(r)),
  exportReport: (r) => answer(() => reports.export(r)),
});

// One report job at a time from this view: a job id the engine echoes in its progress events,
// the latest progress, and whether it is running.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportProgress } from '../../../src-shared/reports.js';
import { getBridge } from '../../store/connect.js';

let counter = 0;

export interface ReportJob {
  running: boolean;
  progress: ReportProgress | null;
  /** Runs `fn` with a fresh job id; progress events for that id update `progress`. */
  run<T>(fn: (jobId: string) => Promise<T>): Promise<T>;
}

export function useReportJob(): ReportJob {
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      getBridge().on('reportProgress', (p) => {
        if (p.jobId !== null && p.jobId === current.current) setProgress(p);
      }),
    [],
  );

  const run = useCallback(async <T,>(fn: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = `ui-${Date.now().toString(36)}-${++counter}`;
    current.current = jobId;
    setProgress({ jobId, phase: 'queued', fraction: 0, detail: 'starting' });
    setRunning(true);
    try {
      return await fn(jobId);
    } finally {
      setRunning(false);
    }
  }, []);

  return { running, progress, run };
}

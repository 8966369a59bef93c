// The enricher used when no LLM layer is wired in: advisories keep their template text.
import type { LiveStatus } from '../../src-shared/status.js';
import type { AdvisoryEnricher } from './enricher.js';

export class TemplateOnlyEnricher implements AdvisoryEnricher {
  submit(): void {}
  onOutcome(): () => void {
    return () => {};
  }
  status(): LiveStatus['llm'] {
    return { mode: 'template-only', model: null, device: null, detail: 'no model configured' };
  }
  async setModel(): Promise<LiveStatus['llm']> {
    return this.status();
  }
  needsRetry(): boolean {
    return false;
  }
  async retry(): Promise<LiveStatus['llm']> {
    return this.status();
  }
  async dispose(): Promise<void> {}
}

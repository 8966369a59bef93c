// The engine the API tests run against. Until src-main/pipeline/create-engine.ts lands this
// is the stand-in FakeEngine over a real SqliteStore in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { FakeEngine } from './fake-engine.js';

export interface EngineUnderTest {
  engine: FakeEngine;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function makeEngine(): Promise<EngineUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-api-'));
  const engine = new FakeEngine(SqliteStore.open({ dataDir, metricsFlushMs: 200 }));
  await engine.start();
  return {
    engine,
    dataDir,
    async dispose() {
      await engine.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

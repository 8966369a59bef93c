// Issue 9 item 5: setLlmModel opens only a .gguf inside the models folder or one picked in the
// desktop's file dialog; anything else is refused before it is read, and the refusal never
// quotes the file's bytes (a loader's "Invalid GGUF magic ... got 'root'" did, for /etc/shadow).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { createLlmEnricher } from '../../../src-main/llm/create-llm-enricher.js';
import { checkModelPath, modelsFolderOnly } from '../../../src-main/llm/model-path-policy.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-models-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const modelsDir = path.join(root, 'models');
fs.mkdirSync(modelsDir);
const GGUF = Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(60)]);
const SECRET = 'root:$6$SECRETHASH:19000:0:99999:7:::\n';
fs.writeFileSync(path.join(modelsDir, 'good.gguf'), GGUF);
fs.writeFileSync(path.join(root, 'outside.gguf'), GGUF);
fs.writeFileSync(path.join(root, 'shadow'), SECRET);
fs.writeFileSync(path.join(root, 'shadow.gguf'), SECRET);
fs.writeFileSync(path.join(modelsDir, 'fake.gguf'), SECRET);
fs.symlinkSync(path.join(root, 'outside.gguf'), path.join(modelsDir, 'link-out.gguf'));
const real = (p: string) => fs.realpathSync(p);

describe('which model files may be opened', () => {
  const policy = modelsFolderOnly(modelsDir);
  it('a .gguf with the GGUF signature inside the models folder', () => {
    expect(checkModelPath(path.join(modelsDir, 'good.gguf'), policy)).toEqual({ ok: true, path: real(path.join(modelsDir, 'good.gguf')) });
    expect(checkModelPath('', policy)).toEqual({ ok: true, path: '' });
  });

  it.each([
    ['a file that is not .gguf (/etc/shadow)', path.join(root, 'shadow'), 'only .gguf model files'],
    ['a .gguf outside the folder, not picked', path.join(root, 'outside.gguf'), 'must be in the models folder'],
    ['a .. path out of the folder', path.join(modelsDir, '..', 'outside.gguf'), 'must be in the models folder'],
    ['a symlink in the folder pointing out of it', path.join(modelsDir, 'link-out.gguf'), 'must be in the models folder'],
    ['a .gguf in the folder that is not a GGUF', path.join(modelsDir, 'fake.gguf'), 'not a GGUF model'],
    ['a missing file', path.join(modelsDir, 'none.gguf'), 'no such model file'],
  ])('refuses %s, without quoting the file', (_what, p, reason) => {
    const r = checkModelPath(p, policy);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
    expect(JSON.stringify(r)).not.toMatch(/root|SECRET|\$6\$/);
  });

  it('a file picked in the file dialog may be outside the folder; its contents still must be a GGUF', () => {
    const picked = new Set([real(path.join(root, 'outside.gguf')), real(path.join(root, 'shadow.gguf'))]);
    const withPicks = { modelsDir, picked: (p: string) => picked.has(p) };
    expect(checkModelPath(path.join(root, 'outside.gguf'), withPicks).ok).toBe(true);
    const r = checkModelPath(path.join(root, 'shadow.gguf'), withPicks);
    expect(!r.ok && r.reason).toMatch(/not a GGUF model/);
    expect(JSON.stringify(r)).not.toContain('root');
  });
});

describe('setLlmModel through the engine', () => {
  it('refuses /etc/shadow-like files with a message that quotes nothing of them, and changes nothing', async () => {
    const config = defaultConfig();
    const enricher = createLlmEnricher(config, { modelsDir, log: () => undefined });
    const engine = createEngine(config, { storage: new MemoryStore(), enricher, healthIntervalMs: 0, modelPaths: modelsFolderOnly(modelsDir) });
    await engine.start();
    try {
      const before = engine.status().llm;
      for (const p of [path.join(root, 'shadow'), path.join(root, 'shadow.gguf'), path.join(root, 'outside.gguf')]) {
        const r = await engine.call('setLlmModel', { path: p, enabled: true, actor: 'CM' });
        expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
        expect(JSON.stringify(r)).not.toMatch(/root|SECRET/);
        expect(JSON.stringify(engine.status().llm)).not.toMatch(/root|SECRET/);
      }
      expect(engine.status().llm).toEqual(before);
      const audit = await engine.call('getAudit', { kind: 'llm-mode' });
      expect(audit.ok && audit.value).toEqual([]);
    } finally {
      await engine.dispose();
      await enricher.dispose();
    }
  });
});

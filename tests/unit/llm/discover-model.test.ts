import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverModel } from '../../../src-main/llm/discover-model.js';

describe('discoverModel', () => {
  const root = mkdtempSync(join(tmpdir(), 'sairen-llm-discover-'));
  const models = join(root, 'models');
  mkdirSync(models);
  writeFileSync(join(models, 'b-qwen.gguf'), 'x');
  writeFileSync(join(models, 'a-qwen.gguf'), 'x');
  writeFileSync(join(models, 'readme.txt'), 'x');
  const configured = join(root, 'mine.gguf');
  writeFileSync(configured, 'x');

  it('prefers the configured path', () => {
    expect(discoverModel(configured, models)).toMatchObject({ kind: 'found', path: configured, source: 'config' });
  });

  it('else takes the first *.gguf by name in the models folder', () => {
    expect(discoverModel('', models)).toMatchObject({ kind: 'found', path: join(models, 'a-qwen.gguf'), source: 'resources' });
  });

  it('a configured path that is missing falls back to the folder and says so', () => {
    const d = discoverModel(join(root, 'gone.gguf'), models);
    expect(d).toMatchObject({ kind: 'found', source: 'resources' });
    expect(d.detail).toContain('gone.gguf not found');
  });

  it('none -> template-only status, not an error', () => {
    const d = discoverModel('', join(root, 'nothing-here'));
    expect(d.kind).toBe('none');
    expect(d.detail).toContain('template-only');
  });
});

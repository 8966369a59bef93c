// Lint, including the layer rules of ARCHITECTURE.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'child_process', 'crypto', 'http', 'worker_threads', 'stream'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-renderer/**', 'release/**', 'tests/e2e/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(nodeBuiltins, 'src-shared is pure: no Node built-ins.'),
          pattern(['electron', 'react', 'react-dom', 'react/*'], 'src-shared imports only small pure libraries (zod).'),
          pattern(['**/src-main/**', '**/src-renderer/**', '**/src-hub/**'], 'src-shared depends on nothing of ours.'),
        ],
      }],
    },
  },
  {
    files: ['src-main/**/*.{ts,tsx}'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['electron'], 'Only src-main/electron/ may import electron; the engine must run under plain Node.'),
          pattern(['**/src-renderer/**'], 'The engine never imports the renderer.'),
          pattern(['**/src-hub/**'], 'The engine talks to the hub over HTTP, not by import.'),
        ],
      }],
    },
  },
  {
    // The pure core (ARCHITECTURE.md "The hot path"): drilling logic with no I/O and no clock
    // (and the report model, built from stored records with the time passed in).
    // Time comes in the packet; randomness would make replays differ.
    files: ['src-main/physics/**/*.ts', 'src-main/agents/**/*.ts', 'src-main/advisory/**/*.ts', 'src-main/ml/**/*.ts', 'src-main/reports/model/**/*.ts'],
    ignores: ['src-main/ml/worker*.ts', 'src-main/ml/scheduler*.ts', 'src-main/ml/**/*-io.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(nodeBuiltins, 'The pure core does no I/O: no Node built-ins.'),
          pattern(['electron'], 'Only src-main/electron/ may import electron; the engine must run under plain Node.'),
          pattern(['**/src-renderer/**', '**/src-hub/**'], 'The engine never imports the renderer or the hub.'),
          pattern(['**/pipeline/**', '**/storage/**', '**/headless/**', '**/electron/**', '**/app/**', '**/cli/**'], 'The pure core imports nothing from the I/O layers (pipeline, storage, headless, electron, app, cli).'),
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The pure core reads no clock: time comes in the packet.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The pure core reads no clock: time comes in the packet.' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'The pure core reads no clock: timing belongs to the pipeline coordinator.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The pure core is deterministic: no Math.random (replays must give the same result).' },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [pattern(['**/src-renderer/**'], 'Electron loads the built renderer; it does not import its source.')],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(nodeBuiltins, 'The renderer runs in a browser sandbox: no Node built-ins.'),
          pattern(['electron'], 'The renderer reaches the engine only through the Bridge.'),
          pattern(['**/src-main/**', '**/src-hub/**'], 'The renderer knows the engine only through src-shared/bridge.ts.'),
        ],
      }],
    },
  },
  {
    files: ['src-hub/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['electron'], 'The hub is a server.'),
          pattern(['**/src-main/**', '**/src-renderer/**'], 'The hub shares only src-shared with the app.'),
        ],
      }],
    },
  },
);

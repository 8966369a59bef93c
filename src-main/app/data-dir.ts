// The app's data directory: the OS app-data location unless the user names one.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SAIREN_DATA_DIR) return env.SAIREN_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'SAIREN');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'SAIREN');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'sairen');
}

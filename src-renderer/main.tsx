import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { pickBridge } from './bridge/pick-bridge.js';
import { startClock } from './store/clock-store.js';
import { connectStores } from './store/connect.js';
import { usePrefs } from './store/prefs-store.js';
import './styles.css';

// the theme before the first paint, so a night screen never flashes white
document.documentElement.dataset.theme = usePrefs.getState().theme;
connectStores(pickBridge());
startClock();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(<App />);

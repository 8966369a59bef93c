import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { pickBridge } from './bridge/pick-bridge.js';
import { connectStores } from './store/connect.js';
import { prewarmCharts } from './views/EngineerView.js';
import './styles.css';

connectStores(pickBridge());
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(<App />);
// Part of start-up, not of a later click: compile the chart code now (see prewarmCharts).
prewarmCharts((cb) => setTimeout(cb, 0));

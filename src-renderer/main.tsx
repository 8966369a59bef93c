import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { pickBridge } from './bridge/pick-bridge.js';
import { connectStores } from './store/connect.js';
import './styles.css';

connectStores(pickBridge());
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(<App />);

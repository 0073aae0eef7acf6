// Starts the engine first (its worker loads while React and the charts are parsed), then renders the page.
import { exposeGlobal } from './store/exposeGlobal';
import { startRunner } from './store/runner';

exposeGlobal();
startRunner();

const [{ StrictMode, createElement }, { createRoot }, { App }] = await Promise.all([
  import('react'),
  import('react-dom/client'),
  import('./ui/App'),
  import('./ui/styles.css'),
]);
createRoot(document.getElementById('root')!).render(createElement(StrictMode, null, createElement(App)));

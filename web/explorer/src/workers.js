// Monaco's editor, JSON and GraphQL language workers, bundled beside the page by build.mjs (no CDN).
const base = '/explorer/';

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(base + file, { type: 'module' });
  },
};

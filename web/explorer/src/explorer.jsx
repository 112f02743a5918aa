// The GraphQL explorer served at GET /graphql to browsers: GraphiQL, its schema docs, the example queries as tabs
// and a plugin listing them, and the bearer token in the request headers pane.
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { useGraphiQL } from '@graphiql/react';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';
import 'graphiql/style.css';
import './workers.js';
import { examples } from './examples.js';
import { headersFor, knownToken } from './token.js';

const token = knownToken();
const headers = headersFor(token);
const variablesOf = (example) => (example.variables ? JSON.stringify(example.variables, null, 2) : '');

function ExamplesPanel() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const open = (example) => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(variablesOf(example));
  };
  return (
    <section className="ledger-examples" aria-label="Example queries">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Open one in the current tab, then run it (Ctrl-Enter).</p>
      <ul>
        {examples.map((example) => (
          <li key={example.title}>
            <button type="button" className="graphiql-un-styled" onClick={() => open(example)}>{example.title}</button>
          </li>
        ))}
      </ul>
      <p>{token ? 'The Headers pane sends your token (Authorization: Bearer ...).' : 'No token known: sign in on the dashboard (/), or open /graphql#token=YOUR_TOKEN.'}</p>
    </section>
  );
}

const examplesPlugin = {
  title: 'Example queries',
  icon: () => <span aria-hidden="true" className="ledger-examples-icon">Ex</span>,
  content: ExamplesPanel,
};

function Explorer() {
  return (
    <GraphiQL
      fetcher={createGraphiQLFetcher({ url: '/graphql' })}
      plugins={[HISTORY_PLUGIN, examplesPlugin]}
      visiblePlugin={DOC_EXPLORER_PLUGIN}
      defaultTabs={examples.map((example) => ({ query: example.query, variables: variablesOf(example), headers }))}
      initialHeaders={headers}
      defaultEditorToolsVisibility={token ? 'headers' : true}
      storage={sessionStorage}
    >
      <GraphiQL.Logo>PartnershipLedger</GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('explorer')).render(<Explorer />);

// Audit: who recorded what, for which organization, when it happened and when it was recorded, with filters.
// It reads Query.auditTrail; on a server that does not serve it yet, it reads one partnership's timeline (the same
// AuditEntry) and filters that page in the browser.
import { GraphQLErrors, graphql, queryFieldNames } from '../api.js';
import { formatDateTime, h, show, shortId } from '../dom.js';

const entryFields = 'eventId streamId type summary actor organizationId occurredAt recordedAt correlationId retractsEventId';
const pageSize = 50;

const auditTrailQuery = `query Audit($partnershipId: ID, $organizationId: ID, $actor: String, $eventTypes: [String!], $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  auditTrail(partnershipId: $partnershipId, organizationId: $organizationId, actor: $actor, eventTypes: $eventTypes, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${entryFields} } }
  }
}`;

const timelineQuery = `query Timeline($id: ID!) {
  partnership(id: $id) { timeline(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${entryFields} } } } }
}`;

const choicesQuery = `{ partnerships(first: 500) { edges { node { id name members { id name } } } } }`;

export async function auditPage(view, params) {
  // Without introspection (GraphQL:Introspection=false) assume a server recent enough to serve auditTrail.
  const [fields, choices] = await Promise.all([
    queryFieldNames().catch((error) => { if (error instanceof GraphQLErrors) return null; throw error; }),
    graphql(choicesQuery)]);
  const hasAuditTrail = fields?.has('auditTrail') ?? true;
  const filters = {
    partnershipId: params.get('partnership') || null,
    organizationId: params.get('organization') || null,
    actor: params.get('actor') || null,
    eventTypes: params.get('types') ? params.get('types').split(',').map((t) => t.trim()).filter(Boolean) : null,
    from: params.get('from') ? new Date(`${params.get('from')}T00:00:00Z`).toISOString() : null,
    to: params.get('to') ? new Date(`${params.get('to')}T23:59:59.999Z`).toISOString() : null,
  };
  const after = params.get('after') || null;
  const highlighted = params.get('event');

  const partnerships = choices.partnerships.edges.map((e) => e.node);
  const organizations = new Map(partnerships.flatMap((p) => p.members.map((m) => [m.id, m.name])));
  const partnershipName = new Map(partnerships.map((p) => [p.id, p.name]));

  const form = h('form', {
    class: 'filters', 'aria-label': 'Audit filters',
    onsubmit: (event) => {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (String(value).trim()) next.set(name, String(value).trim());
      location.hash = `#/audit?${next}`;
    },
  },
  h('label', {}, 'Partnership', h('select', { name: 'partnership' }, h('option', { value: '' }, hasAuditTrail ? 'All' : 'Choose one'),
    partnerships.map((p) => h('option', { value: p.id, selected: p.id === filters.partnershipId }, p.name)))),
  h('label', {}, 'Organization', h('select', { name: 'organization' }, h('option', { value: '' }, 'All'),
    [...organizations].sort((a, b) => a[1].localeCompare(b[1])).map(([value, name]) => h('option', { value, selected: value === filters.organizationId }, name)))),
  h('label', {}, 'Actor', h('input', { name: 'actor', type: 'text', value: filters.actor ?? '', placeholder: 'ada@contoso.example' })),
  h('label', {}, 'Event types', h('input', { name: 'types', type: 'text', value: params.get('types') ?? '', placeholder: 'LeadShared, AgreementSigned' })),
  h('label', {}, 'From', h('input', { name: 'from', type: 'date', value: params.get('from') ?? '' })),
  h('label', {}, 'To', h('input', { name: 'to', type: 'date', value: params.get('to') ?? '' })),
  h('button', { type: 'submit', class: 'primary' }, 'Filter'));

  const results = h('div', { class: 'audit-results' }, h('p', { class: 'loading' }, 'Loading…'));
  show(view, h('h1', {}, 'Audit trail'),
    hasAuditTrail ? null : h('p', { class: 'note' }, 'This server does not serve auditTrail yet: choose a partnership to read its timeline; the other filters apply to it here.'),
    form, results);

  let connection;
  if (hasAuditTrail) {
    connection = (await graphql(auditTrailQuery, { ...filters, first: pageSize, after })).auditTrail;
  } else if (filters.partnershipId) {
    connection = (await graphql(timelineQuery, { id: filters.partnershipId })).partnership?.timeline;
    if (connection) connection = filteredHere(connection, filters);
  }
  if (!connection) {
    show(results, h('p', { class: 'empty' }, 'Choose a partnership.'));
    return;
  }

  const next = new URLSearchParams(params);
  if (connection.pageInfo.hasNextPage && hasAuditTrail) next.set('after', connection.pageInfo.endCursor);
  show(results,
    h('table', { class: 'audit', dataset: { testid: 'audit-table' } },
      h('caption', {}, `${connection.totalCount} entr${connection.totalCount === 1 ? 'y' : 'ies'}${after ? ' (a later page)' : ''}`),
      h('thead', {}, h('tr', {}, ['Occurred', 'Recorded', 'Event', 'What happened', 'Actor', 'For', 'Stream'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, connection.edges.map(({ node }) => h('tr', { class: node.eventId === highlighted ? 'highlighted' : '', dataset: { eventId: node.eventId } },
        h('td', {}, formatDateTime(node.occurredAt)),
        h('td', {}, formatDateTime(node.recordedAt)),
        h('td', {}, h('code', {}, node.type), node.retractsEventId ? h('span', { class: 'note' }, ` retracts ${shortId(node.retractsEventId)}`) : ''),
        h('td', {}, node.summary),
        h('td', {}, node.actor),
        h('td', {}, organizations.get(node.organizationId) ?? (node.organizationId ? shortId(node.organizationId) : 'the ledger')),
        h('td', {}, partnershipName.has(node.streamId) ? h('a', { href: `#/partnership/${node.streamId}` }, partnershipName.get(node.streamId)) : shortId(node.streamId)))))),
    connection.pageInfo.hasNextPage && hasAuditTrail ? h('p', {}, h('a', { class: 'button', href: `#/audit?${next}` }, 'Next page')) : null);
}

function filteredHere(connection, filters) {
  const edges = connection.edges.filter(({ node }) =>
    (!filters.organizationId || node.organizationId === filters.organizationId)
    && (!filters.actor || node.actor === filters.actor)
    && (!filters.eventTypes || filters.eventTypes.includes(node.type))
    && (!filters.from || new Date(node.occurredAt) >= new Date(filters.from))
    && (!filters.to || new Date(node.occurredAt) <= new Date(filters.to)));
  return { ...connection, edges, totalCount: edges.length, pageInfo: { hasNextPage: false, endCursor: null } };
}

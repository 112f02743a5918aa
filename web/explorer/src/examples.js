// The example queries the explorer opens as tabs, one per main use case. They need no ids: each starts from the
// first partnerships of the portfolio, so they answer something on any ledger (try `ops/run --demo`).

const maturityFields = 'function level assessedLevel gap since evidenceExpiresAt nextLevelNeeds';

export const examples = [
  {
    title: 'Maturity now',
    query: `# Each function's evidenced and assessed level now, and the gap between them.
query MaturityNow {
  partnerships(first: 5) {
    totalCount
    edges { node { id name maturity { ${maturityFields} } } }
  }
}`,
  },
  {
    title: 'Maturity as of a date',
    query: `# The same, at a past business instant (asOf), as known now (knownAt defaults to now).
query MaturityAsOf($asOf: DateTime!) {
  partnerships(first: 5) {
    edges { node { id name maturity(asOf: $asOf) { function level assessedLevel gap since } } }
  }
}`,
    variables: { asOf: '2025-01-01T00:00:00Z' },
  },
  {
    title: 'Maturity history',
    query: `# Every change of level of one function, with its cause (null causeEventId: evidence expired).
query MaturityHistory($function: BusinessFunction!) {
  partnerships(first: 3) {
    edges { node { id name maturityHistory(function: $function) { at from to basis causeEventId reason } } }
  }
}`,
    variables: { function: 'AGREEMENT' },
  },
  {
    title: 'Portfolio trend',
    query: `# How the portfolio spreads over the levels of one function, quarter by quarter.
query PortfolioTrend($function: BusinessFunction!, $from: DateTime!, $to: DateTime!) {
  portfolioTrend(function: $function, from: $from, to: $to, interval: QUARTER) {
    periodStart periodEnd basic reactive proactive dynamic ups downs
  }
}`,
    variables: { function: 'LEADS_AND_PIPELINE', from: '2024-01-01T00:00:00Z', to: '2025-12-31T00:00:00Z' },
  },
  {
    title: 'Audit trail',
    query: `# Who recorded what, for which organization, and when.
query AuditTrail {
  auditTrail(first: 20) { edges { node { type summary actor occurredAt } } }
}`,
  },
  {
    title: 'A partnership\'s timeline',
    query: `# One partnership's events in recording order, with both times.
query Timeline {
  partnerships(first: 1) {
    edges { node { name timeline(first: 20) { edges { node { type summary actor organizationId occurredAt recordedAt } } } } }
  }
}`,
  },
];

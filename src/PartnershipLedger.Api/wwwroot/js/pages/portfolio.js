// Portfolio: every partnership's current evidenced level per function as a heat map, filtered by organization,
// partner type or circle of trust, and the portfolio trend of one function by quarter.
import { graphql, maturityModel } from '../api.js';
import { h, show } from '../dom.js';
import { levelLegend, levelNames } from '../levels.js';
import { shortName } from '../charts/radar.js';
import { trendChart } from '../charts/trend.js';

const pageSize = 200;

const partnershipsQuery = `query Portfolio($first: Int, $organizationId: ID, $partnerType: PartnerType, $circleOfTrustId: ID) {
  partnerships(first: $first, organizationId: $organizationId, partnerType: $partnerType, circleOfTrustId: $circleOfTrustId) {
    totalCount
    edges { node { id name status members { name } maturity { function level assessedLevel } } }
  }
}`;

// The filters' choices: the organizations and circles that appear in the portfolio.
const choicesQuery = `{ partnerships(first: 500) { edges { node { members { id name circlesOfTrust { id name } } } } } }`;

const trendQuery = `query Trend($function: BusinessFunction!, $from: DateTime!, $to: DateTime!, $organizationId: ID, $partnerType: PartnerType, $circleOfTrustId: ID) {
  portfolioTrend(function: $function, from: $from, to: $to, interval: QUARTER, organizationId: $organizationId, partnerType: $partnerType, circleOfTrustId: $circleOfTrustId) {
    periodStart periodEnd basic reactive proactive dynamic ups downs
  }
}`;

export async function portfolioPage(view, params) {
  const [model, choices] = await Promise.all([maturityModel(), graphql(choicesQuery)]);
  const filters = {
    organizationId: params.get('organization') || null,
    partnerType: params.get('partnerType') || null,
    circleOfTrustId: params.get('circle') || null,
  };
  const trendFunction = params.get('function') || model.functions[0].function;

  const organizations = new Map();
  const circles = new Map();
  for (const { node } of choices.partnerships.edges) {
    for (const member of node.members) {
      organizations.set(member.id, member.name);
      for (const circle of member.circlesOfTrust) circles.set(circle.id, circle.name);
    }
  }

  const setFilter = (name, value) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    location.hash = `#/portfolio?${next}`;
  };
  const select = (label, name, current, options) => h('label', {}, label,
    h('select', { name, onchange: (event) => setFilter(name, event.target.value) },
      h('option', { value: '' }, 'All'),
      options.map(([value, text]) => h('option', { value, selected: value === current }, text))));
  const byName = (map) => [...map].sort((a, b) => a[1].localeCompare(b[1]));

  const heatMapHolder = h('div', { class: 'heatmap-holder' }, h('p', { class: 'loading' }, 'Loading partnerships…'));
  const trendHolder = h('div', { class: 'trend-holder' }, h('p', { class: 'loading' }, 'Loading the trend…'));

  show(view,
    h('h1', {}, 'Portfolio'),
    h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (event) => event.preventDefault() },
      select('Organization', 'organization', filters.organizationId, byName(organizations)),
      select('Partner type', 'partnerType', filters.partnerType, model.partnerTypes.map((type) => [type.type, type.name])),
      select('Circle of trust', 'circle', filters.circleOfTrustId, byName(circles))),
    h('section', { 'aria-labelledby': 'heatmap-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'heatmap-title' }, 'Current level per function'), levelLegend()),
      heatMapHolder),
    h('section', { 'aria-labelledby': 'trend-title' },
      h('div', { class: 'section-head' },
        h('h2', { id: 'trend-title' }, 'Trend by quarter'),
        h('label', {}, 'Function ',
          h('select', { name: 'function', onchange: (event) => setFilter('function', event.target.value) },
            model.functions.map((f) => h('option', { value: f.function, selected: f.function === trendFunction }, f.name))))),
      trendHolder));

  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear() - 2, Math.floor(now.getUTCMonth() / 3) * 3, 1));
  const [portfolio, trend] = await Promise.all([
    graphql(partnershipsQuery, { first: pageSize, ...filters }),
    graphql(trendQuery, { function: trendFunction, from: from.toISOString(), to: now.toISOString(), ...filters }),
  ]);
  show(heatMapHolder, heatMap(model, portfolio.partnerships));
  const functionName = model.functions.find((f) => f.function === trendFunction).name;
  show(trendHolder,
    trendChart(trend.portfolioTrend, { title: `${functionName}: partnerships per evidenced level at the end of each quarter` }),
    h('p', { class: 'note' }, `${functionName}: partnerships at each level at the end of each quarter (▲ moves up, ▼ moves down during it).`));
}

function heatMap(model, partnerships) {
  if (partnerships.edges.length === 0) return h('p', { class: 'empty' }, 'No partnership matches these filters.');
  const rows = partnerships.edges.map(({ node }) => {
    const byFunction = new Map(node.maturity.map((m) => [m.function, m]));
    return h('tr', {},
      h('th', { scope: 'row' },
        h('a', { href: `#/partnership/${node.id}` }, node.name),
        h('span', { class: 'members' }, node.members.map((m) => m.name).join(' · ')),
        node.status !== 'ACTIVE' ? h('span', { class: 'status' }, node.status.toLowerCase()) : null),
      model.functions.map((f) => {
        const maturity = byFunction.get(f.function);
        const assessed = maturity.assessedLevel ? `, assessed ${levelNames[maturity.assessedLevel]}` : '';
        return h('td', { class: `heat level-fill-${maturity.level.toLowerCase()}`, title: `${f.name}: ${levelNames[maturity.level]}${assessed}` },
          h('span', { class: 'heat-text' }, levelNames[maturity.level].slice(0, 1)),
          h('span', { class: 'visually-hidden' }, levelNames[maturity.level]));
      }));
  });
  const shown = partnerships.edges.length;
  return h('table', { class: 'heatmap', dataset: { testid: 'heatmap' } },
    h('caption', {}, `${partnerships.totalCount} partnership${partnerships.totalCount === 1 ? '' : 's'}${shown < partnerships.totalCount ? `, the first ${shown} shown` : ''}; B, R, P, D: Basic, Reactive, Proactive, Dynamic (evidenced)`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partnership'),
      model.functions.map((f) => h('th', { scope: 'col', title: f.name }, h('span', { class: 'vertical' }, shortName(f.name)))))),
    h('tbody', {}, rows));
}


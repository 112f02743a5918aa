// Partnership: the radar of the ten functions, evidenced and assessed side by side, at any past instant chosen with
// the as-of slider; every level change with its cause; reciprocity, meeting rhythm and agreement reviews.
import { graphql, maturityModel } from '../api.js';
import { formatDate, h, show, shortId } from '../dom.js';
import { levelChip, levelLegend } from '../levels.js';
import { radar } from '../charts/radar.js';

const maturityFields = 'function level assessedLevel gap since';

// What the as-of slider redraws: each of these as it stood at $asOf (null: now).
const standingFields = `
    maturity(asOf: $asOf) { ${maturityFields} }
    rhythm(asOf: $asOf) { observed meetingsLast12Months lastMeetingAt daysSinceLastMeeting slipped previous nextMeetingDueBy advice }
    reciprocity(to: $asOf) { index balanced members { organizationId leadsGiven leadsReceived resourcesGiven resourcesReceived referencesGiven referencesReceived given received } }
    agreementReviews(asOf: $asOf) { agreementId kind title signedAt lastReviewedAt reviewDueAt overdue overdueDays inForce terminatedAt expiresOn }`;

const partnershipQuery = `query Partnership($id: ID!, $asOf: DateTime) {
  partnership(id: $id) {
    id name status formedAt endedAt
    members { id name partnerTypes homeRegion }
    maturityHistory { function at from to basis causeEventId reason }
    ${standingFields}
  }
}`;

const asOfQuery = `query StandingAsOf($id: ID!, $asOf: DateTime) { partnership(id: $id) { ${standingFields} } }`;

const day = 24 * 60 * 60 * 1000;

export async function partnershipPage(view, params, id) {
  const [model, data] = await Promise.all([maturityModel(), graphql(partnershipQuery, { id })]);
  const partnership = data.partnership;
  if (!partnership) {
    show(view, h('h1', {}, 'Partnership not found'), h('p', {}, `No partnership has the id ${id}.`));
    return;
  }
  const functions = model.functions;
  const memberName = new Map(partnership.members.map((m) => [m.id, m.name]));

  const radars = h('div', { class: 'radars', dataset: { testid: 'radars' } });
  const table = h('div', { class: 'maturity-table-holder' });
  const rhythm = h('div');
  const reciprocity = h('div');
  const agreements = h('div');
  const asOfNotes = [];
  const drawStanding = (standing, asOf, isNow) => {
    drawMaturity(standing.maturity, asOf);
    show(rhythm, rhythmPanel(standing.rhythm));
    show(reciprocity, reciprocityPanel(standing.reciprocity, memberName));
    show(agreements, agreementsPanel(standing.agreementReviews));
    for (const note of asOfNotes) note.textContent = isNow ? '' : ` as of ${formatDate(asOf)}`;
  };
  const asOfNote = () => { const note = h('span', { class: 'as-of-note' }); asOfNotes.push(note); return note; };
  const drawMaturity = (maturity, asOf) => {
    const byFunction = new Map(maturity.map((m) => [m.function, m]));
    radars.dataset.asOf = asOf;
    show(radars,
      h('figure', {}, radar({ functions, kind: 'evidenced', title: `Evidenced (the record) as of ${formatDate(asOf)}`, levelOf: (f) => byFunction.get(f)?.level }),
        h('figcaption', {}, 'Evidenced: what the record shows')),
      h('figure', {}, radar({ functions, kind: 'assessed', title: `Assessed (the members' self-assessments) as of ${formatDate(asOf)}`, levelOf: (f) => byFunction.get(f)?.assessedLevel }),
        h('figcaption', {}, 'Assessed: what the members say (the lowest member)')));
    show(table, maturityTable(functions, byFunction));
  };

  const formed = new Date(partnership.formedAt).getTime();
  const end = partnership.endedAt ? new Date(partnership.endedAt).getTime() : Date.now();
  const totalDays = Math.max(1, Math.ceil((end - formed) / day));
  const asOfLabel = h('output', { id: 'as-of-value', for: 'as-of' }, 'now');
  let request = 0;
  const redraw = async (daysAfterFormation) => {
    const asOf = daysAfterFormation >= totalDays ? new Date(end) : new Date(formed + daysAfterFormation * day);
    asOfLabel.textContent = daysAfterFormation >= totalDays ? `${formatDate(asOf.toISOString())} (now)` : formatDate(asOf.toISOString());
    const mine = ++request;
    const isNow = daysAfterFormation >= totalDays && !partnership.endedAt;
    const answer = await graphql(asOfQuery, { id, asOf: isNow ? null : asOf.toISOString() });
    if (mine === request) drawStanding(answer.partnership, asOf.toISOString(), isNow);   // a later move wins
  };
  let pending;
  const slider = h('input', {
    id: 'as-of', type: 'range', min: 0, max: totalDays, step: 1, value: totalDays, dataset: { testid: 'as-of-slider' },
    'aria-describedby': 'as-of-help',
    oninput: (event) => { clearTimeout(pending); pending = setTimeout(() => redraw(Number(event.target.value)), 150); },
  });

  show(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/portfolio' }, 'Portfolio'), ' / ', partnership.name),
    h('h1', {}, partnership.name),
    h('p', { class: 'subtitle' },
      partnership.members.map((m) => `${m.name} (${m.homeRegion})`).join(' · '),
      ` — formed ${formatDate(partnership.formedAt)}`,
      partnership.status !== 'ACTIVE' ? `, ${partnership.status.toLowerCase()}${partnership.endedAt ? ` ${formatDate(partnership.endedAt)}` : ''}` : ''),
    h('nav', { class: 'page-actions', 'aria-label': 'About this partnership' },
      h('a', { class: 'button', href: `#/partnership/${id}/next-steps` }, 'Next steps'),
      h('a', { class: 'button', href: `#/partnership/${id}/self-assessment` }, 'Self-assessment'),
      h('a', { class: 'button', href: `#/audit?partnership=${id}` }, 'Audit trail')),
    h('section', { 'aria-labelledby': 'radar-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'radar-title' }, 'Maturity of the ten functions'), levelLegend()),
      h('div', { class: 'as-of' },
        h('label', { for: 'as-of' }, 'As of'), slider, asOfLabel,
        h('p', { id: 'as-of-help', class: 'note' }, 'Slide back in time, from the formation to now: the radars, the meeting rhythm, reciprocity and agreement reviews show the partnership as it stood then.')),
      radars, table),
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'rhythm-title' }, h('h2', { id: 'rhythm-title' }, 'Meeting rhythm', asOfNote()), rhythm),
      h('section', { 'aria-labelledby': 'reciprocity-title' }, h('h2', { id: 'reciprocity-title' }, 'Reciprocity', asOfNote()), reciprocity)),
    h('section', { 'aria-labelledby': 'agreements-title' }, h('h2', { id: 'agreements-title' }, 'Agreement reviews', asOfNote()), agreements),
    h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'History of level changes'), historyTimeline(partnership.maturityHistory, functions, id, memberName)));

  drawStanding(partnership, new Date(end).toISOString(), true);
}

function maturityTable(functions, byFunction) {
  return h('table', { class: 'maturity-table' },
    h('caption', { class: 'visually-hidden' }, 'Each function: evidenced level, assessed level and the gap'),
    h('thead', {}, h('tr', {}, ['Function', 'Evidenced', 'Assessed', 'Gap', 'Evidenced since'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, functions.map((f) => {
      const m = byFunction.get(f.function);
      const gap = m?.gap;
      return h('tr', {},
        h('th', { scope: 'row' }, f.name),
        h('td', {}, levelChip(m?.level)),
        h('td', {}, levelChip(m?.assessedLevel)),
        h('td', { class: gap > 0 ? 'gap-over' : gap < 0 ? 'gap-under' : '' }, gap === null || gap === undefined ? '—' : gap > 0 ? `+${gap} (says more)` : gap < 0 ? `${gap} (says less)` : '0'),
        h('td', {}, formatDate(m?.since)));
    })));
}

const cadenceWords = { WEEKLY: 'weekly (Nirvana)', MONTHLY: 'monthly (great)', QUARTERLY: 'quarterly (good)', IRREGULAR: 'irregular', NONE: 'no meetings' };

function rhythmPanel(rhythm) {
  return h('dl', { class: 'facts' },
    h('dt', {}, 'Observed'), h('dd', {}, cadenceWords[rhythm.observed], rhythm.slipped ? h('span', { class: 'warning' }, ` slipped (was ${cadenceWords[rhythm.previous]})`) : ''),
    h('dt', {}, 'Meetings, last 12 months'), h('dd', {}, rhythm.meetingsLast12Months),
    h('dt', {}, 'Last meeting'), h('dd', {}, rhythm.lastMeetingAt ? `${formatDate(rhythm.lastMeetingAt)} (${rhythm.daysSinceLastMeeting} days ago)` : 'never'),
    h('dt', {}, 'Next meeting due by'), h('dd', {}, formatDate(rhythm.nextMeetingDueBy)),
    h('dt', {}, 'Advice'), h('dd', {}, rhythm.advice));
}

function reciprocityPanel(reciprocity, memberName) {
  return [
    h('p', {}, reciprocity.index === null ? 'No leads, resources or references have flowed yet.'
      : [`Index ${reciprocity.index.toFixed(2)} `, h('span', { class: reciprocity.balanced ? 'good' : 'warning' }, reciprocity.balanced ? '(balanced)' : '(one-sided)'), ' — 1 when every member gives as much as it receives.']),
    h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, ['Member', 'Leads given / received', 'Resources', 'References', 'Total'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, reciprocity.members.map((m) => h('tr', {},
        h('th', { scope: 'row' }, memberName.get(m.organizationId) ?? `former member ${shortId(m.organizationId)}`),
        h('td', {}, `${m.leadsGiven} / ${m.leadsReceived}`),
        h('td', {}, `${m.resourcesGiven} / ${m.resourcesReceived}`),
        h('td', {}, `${m.referencesGiven} / ${m.referencesReceived}`),
        h('td', {}, `${m.given} / ${m.received}`))))),
  ];
}

function agreementsPanel(reviews) {
  if (reviews.length === 0) return h('p', { class: 'empty' }, 'No agreement signed yet.');
  return h('table', { class: 'compact' },
    h('thead', {}, h('tr', {}, ['Agreement', 'Signed', 'Last reviewed', 'Review due', 'Status'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, reviews.map((r) => h('tr', {},
      h('th', { scope: 'row' }, r.title ?? r.kind.replaceAll('_', ' ').toLowerCase()),
      h('td', {}, formatDate(r.signedAt)),
      h('td', {}, formatDate(r.lastReviewedAt)),
      h('td', {}, formatDate(r.reviewDueAt)),
      h('td', {}, !r.inForce ? (r.terminatedAt ? `terminated ${formatDate(r.terminatedAt)}` : `expired ${r.expiresOn ?? ''}`)
        : r.overdue ? h('span', { class: 'warning' }, `review overdue by ${r.overdueDays} days`) : h('span', { class: 'good' }, 'in force, review on time'))))));
}

function historyTimeline(history, functions, partnershipId, memberName) {
  const withNames = (reason) => [...memberName].reduce((text, [memberId, name]) => text.replaceAll(memberId, name), reason);
  const nameOf = new Map(functions.map((f) => [f.function, f.name]));
  const changes = history.filter((change) => change.from !== null).slice().reverse();   // newest first; formation rows left out
  if (changes.length === 0) return h('p', { class: 'empty' }, 'No level has changed yet.');
  return h('ol', { class: 'timeline', dataset: { testid: 'history' } }, changes.map((change) =>
    h('li', { class: `timeline-item ${change.causeEventId ? '' : 'expired'}` },
      h('time', { datetime: change.at }, formatDate(change.at)),
      h('div', {},
        h('strong', {}, nameOf.get(change.function)), ' ',
        h('span', { class: 'basis' }, change.basis.toLowerCase()), ' ',
        levelChip(change.from), ' → ', levelChip(change.to),
        h('p', { class: 'reason' }, withNames(change.reason),
          change.causeEventId ? [' ', h('a', { href: `#/audit?partnership=${partnershipId}&event=${change.causeEventId}`, title: 'The event that caused it' }, `(event ${shortId(change.causeEventId)})`)] : '')))));
}


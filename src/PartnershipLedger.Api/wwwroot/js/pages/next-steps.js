// Next steps: for each function below Dynamic, what its next level looks like (the playbook's framework cell and
// overview), the essay's advice, the playbook's actions, and which evidence the record is still missing.
import { graphql, maturityModel } from '../api.js';
import { h, show } from '../dom.js';
import { levelChip, nextLevel } from '../levels.js';

const nextStepsQuery = `query NextSteps($id: ID!) {
  partnership(id: $id) { id name maturity { function level assessedLevel nextLevelNeeds evidenceExpiresAt evidence { type occurredAt } } }
}`;

export async function nextStepsPage(view, params, id) {
  const [model, data] = await Promise.all([maturityModel(), graphql(nextStepsQuery, { id })]);
  const partnership = data.partnership;
  if (!partnership) {
    show(view, h('h1', {}, 'Partnership not found'));
    return;
  }
  const byFunction = new Map(partnership.maturity.map((m) => [m.function, m]));
  const toImprove = model.functions.filter((f) => byFunction.get(f.function).level !== 'DYNAMIC');

  show(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/portfolio' }, 'Portfolio'), ' / ', h('a', { href: `#/partnership/${id}` }, partnership.name), ' / Next steps'),
    h('h1', {}, `Next steps for ${partnership.name}`),
    toImprove.length === 0
      ? h('p', { class: 'good' }, 'Every function is Dynamic: keep the evidence coming so it does not expire.')
      : h('p', { class: 'subtitle' }, `${toImprove.length} of ${model.functions.length} functions are below Dynamic. For each: what the next level looks like, what to do, and what the record still lacks.`),
    toImprove.map((definition) => nextStep(definition, byFunction.get(definition.function))));
}

function nextStep(definition, maturity) {
  const target = nextLevel(maturity.level);
  const targetDefinition = definition.levels.find((l) => l.level === target);
  return h('article', { class: 'next-step', dataset: { testid: 'next-step', function: definition.function } },
    h('header', {},
      h('h2', {}, definition.name),
      h('p', {}, 'Now ', levelChip(maturity.level), ' → next ', levelChip(target),
        maturity.assessedLevel ? [' · members say ', levelChip(maturity.assessedLevel)] : '')),
    h('div', { class: 'next-step-body' },
      h('div', {},
        h('section', {},
          h('h3', {}, `What ${target.toLowerCase()} looks like`),
          h('p', { class: 'framework' }, targetDefinition.framework),
          targetDefinition.overview.length ? h('ul', {}, targetDefinition.overview.map((line) => h('li', {}, line))) : ''),
        h('section', {},
          h('h3', {}, 'Missing evidence'),
          h('p', { class: 'missing', dataset: { testid: 'missing-evidence' } }, maturity.nextLevelNeeds ?? '—'),
          maturity.evidenceExpiresAt ? h('p', { class: 'note' }, `The current level's evidence expires ${new Date(maturity.evidenceExpiresAt).toISOString().slice(0, 10)} unless renewed.`) : '')),
      h('div', {},
        definition.actions.length
          ? h('section', {}, h('h3', {}, 'Playbook actions'),
            h('ul', {}, definition.actions.map((a) => h('li', {}, a.action, a.resource ? h('span', { class: 'resource' }, ` — ${a.resource}`) : ''))))
          : '',
        definition.advice
          ? h('section', { class: 'advice' }, h('h3', {}, `Advice (essay: ${definition.advice.area})`), definition.advice.text.map((line) => h('p', {}, line)))
          : '')));
}

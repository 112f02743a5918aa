// Self-assessment: a function's questionnaire from the playbook, answered here for one member, recorded with
// recordSelfAssessment (one SelfAssessmentRecorded event), and the resulting level shown.
import { GraphQLErrors, graphql, maturityModel, me } from '../api.js';
import { h, show } from '../dom.js';
import { levelChip, levelNames } from '../levels.js';

const partnershipQuery = `query SelfAssessment($id: ID!) {
  partnership(id: $id) { id name version members { id name } maturity { function assessedLevel assessments { organizationId level yesCount assessedAt } } }
}`;

const recordMutation = `mutation Record($input: RecordSelfAssessmentInput!) {
  recordSelfAssessment(input: $input) {
    eventId version
    partnership { maturity { function assessedLevel assessments { organizationId level yesCount assessedAt } } }
  }
}`;

export async function selfAssessmentPage(view, params, id) {
  const [model, data, viewer] = await Promise.all([maturityModel(), graphql(partnershipQuery, { id }), me()]);
  const partnership = data.partnership;
  if (!partnership) {
    show(view, h('h1', {}, 'Partnership not found'));
    return;
  }
  const chosenFunction = params.get('function') || model.functions[0].function;
  const definition = model.functions.find((f) => f.function === chosenFunction);
  // A member answers for its own organization only; an admin may record for any member.
  const answerable = viewer.role === 'ADMIN' ? partnership.members : partnership.members.filter((m) => m.id === viewer.organizationId);
  if (answerable.length === 0) {
    show(view, h('h1', {}, 'Self-assessment'), h('p', { class: 'error' }, `Only a member of ${partnership.name} can assess itself here; your token acts for another organization.`));
    return;
  }
  const chosenMember = answerable.some((m) => m.id === params.get('member')) ? params.get('member') : answerable[0].id;
  const memberName = new Map(partnership.members.map((m) => [m.id, m.name]));
  const questionnaire = definition.assessment;

  const navigate = (name, value) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    location.hash = `#/partnership/${id}/self-assessment?${next}`;
  };

  const questions = questionnaire.questions.map((question) => h('li', {},
    h('fieldset', { class: 'question' },
      h('legend', {}, `${question.number}. ${question.text}`, question.negativeSignal ? h('span', { class: 'note' }, ' (a yes here describes immature behaviour; the playbook still counts it)') : ''),
      ['yes', 'no'].map((answer) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: `q${question.number}`, value: answer, required: true, checked: answer === 'no' }), ` ${answer === 'yes' ? 'Yes' : 'No'}`)))));
  const outcome = h('div', { class: 'outcome', role: 'status', 'aria-live': 'polite', dataset: { testid: 'assessment-result' } });
  const current = (maturity) => {
    const m = maturity.find((x) => x.function === chosenFunction);
    const mine = m.assessments.find((a) => a.organizationId === chosenMember);
    return h('p', {}, `${memberName.get(chosenMember)}'s latest assessment: `, mine ? [levelChip(mine.level), ` (${mine.yesCount} yes, ${mine.assessedAt.slice(0, 10)})`] : 'none',
      ' · the partnership\'s assessed level (its lowest member): ', levelChip(m.assessedLevel));
  };
  const currentHolder = h('div', { class: 'current' }, current(partnership.maturity));

  const form = h('form', {
    class: 'questionnaire', 'aria-label': questionnaire.title,
    onsubmit: async (event) => {
      event.preventDefault();
      const answers = questionnaire.questions.map((q) => form.querySelector(`input[name="q${q.number}"]:checked`)?.value === 'yes');
      const submit = form.querySelector('button[type="submit"]');
      submit.disabled = true;
      try {
        const result = await graphql(recordMutation, { input: { partnershipId: id, organizationId: chosenMember, function: chosenFunction, answers } });
        const maturity = result.recordSelfAssessment.partnership.maturity;
        const mine = maturity.find((m) => m.function === chosenFunction).assessments.find((a) => a.organizationId === chosenMember);
        show(outcome, h('p', { class: 'good' }, `Recorded: ${memberName.get(chosenMember)} assessed ${definition.name} at `, levelChip(mine.level), ` (${mine.yesCount} of ${answers.length} yes).`));
        show(currentHolder, current(maturity));
      } catch (error) {
        if (!(error instanceof GraphQLErrors)) throw error;
        show(outcome, h('p', { class: 'error' }, `Not recorded: ${error.message}`));
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('ol', { class: 'questions' }, questions),
  h('p', { class: 'bands' }, 'Scoring (as published): ', questionnaire.bands.map((band) => h('span', { class: 'band' }, levelChip(band.level, { label: `${levelNames[band.level]}: ${band.published}` }))),
    '. A level is reached when the yes-count reaches its band\'s lowest number.'),
  h('button', { type: 'submit', class: 'primary' }, 'Record this self-assessment'));

  show(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/portfolio' }, 'Portfolio'), ' / ', h('a', { href: `#/partnership/${id}` }, partnership.name), ' / Self-assessment'),
    h('h1', {}, `Self-assessment: ${definition.name}`),
    h('div', { class: 'filters' },
      h('label', {}, 'Function',
        h('select', { name: 'function', onchange: (event) => navigate('function', event.target.value) },
          model.functions.map((f) => h('option', { value: f.function, selected: f.function === chosenFunction }, f.name)))),
      h('label', {}, 'Answering for',
        h('select', { name: 'member', onchange: (event) => navigate('member', event.target.value) },
          answerable.map((m) => h('option', { value: m.id, selected: m.id === chosenMember }, m.name))))),
    h('h2', {}, questionnaire.title),
    currentHolder,
    form,
    outcome);
}

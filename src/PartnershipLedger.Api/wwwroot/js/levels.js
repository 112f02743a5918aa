// The four maturity levels, their order and their colours: one place, so every page and chart agrees.
import { h } from './dom.js';

export const levels = ['BASIC', 'REACTIVE', 'PROACTIVE', 'DYNAMIC'];
export const levelNames = { BASIC: 'Basic', REACTIVE: 'Reactive', PROACTIVE: 'Proactive', DYNAMIC: 'Dynamic' };
export const rank = (level) => levels.indexOf(level);
export const nextLevel = (level) => levels[rank(level) + 1];

/** A level as a coloured chip with its name (colour is never the only signal). */
export function levelChip(level, { label } = {}) {
  if (!level) return h('span', { class: 'level level-none' }, label ?? 'not assessed');
  return h('span', { class: `level level-${level.toLowerCase()}`, dataset: { level } }, label ?? levelNames[level]);
}

/** The legend of the level colours. */
export function levelLegend() {
  return h('ul', { class: 'legend', 'aria-label': 'Level colours' },
    levels.map((level) => h('li', {}, levelChip(level))));
}

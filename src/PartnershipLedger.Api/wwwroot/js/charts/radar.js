// A radar (spider) chart of the ten functions: one axis per function, one ring per level (Basic innermost,
// Dynamic outermost), the polygon joining each function's level. A function without a level (not assessed)
// sits at the centre and its axis label says so.
import { svg } from '../dom.js';
import { levelNames, levels, rank } from '../levels.js';

const size = 340;
const centre = size / 2;
const radius = 120;

const point = (index, count, fraction) => {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return [centre + Math.cos(angle) * radius * fraction, centre + Math.sin(angle) * radius * fraction];
};
const fractionOf = (level) => (level ? (rank(level) + 1) / levels.length : 0);
const points = (list) => list.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/**
 * @param functions  [{ function, name }] in model order
 * @param levelOf    function key -> level (or null)
 * @param kind       'evidenced' | 'assessed' (colour and labels)
 */
export function radar({ functions, levelOf, kind, title }) {
  const count = functions.length;
  const rings = levels.map((level) => svg('polygon', {
    class: 'radar-ring', points: points(functions.map((_, index) => point(index, count, fractionOf(level)))),
  }));
  const ringLabels = levels.map((level) => svg('text', { class: 'radar-ring-label', x: centre + 3, y: centre - radius * fractionOf(level) + 11 }, levelNames[level]));
  const axes = functions.map((_, index) => {
    const [x, y] = point(index, count, 1);
    return svg('line', { class: 'radar-axis', x1: centre, y1: centre, x2: x, y2: y });
  });
  const labels = functions.map((definition, index) => {
    const [x, y] = point(index, count, 1.2);
    const anchor = Math.abs(x - centre) < 10 ? 'middle' : x > centre ? 'start' : 'end';
    return svg('text', { class: 'radar-label', x, y: y + 4, 'text-anchor': anchor }, shortName(definition.name));
  });
  const shape = functions.map((definition, index) => point(index, count, fractionOf(levelOf(definition.function))));
  const values = functions.map((definition) => `${definition.name}: ${levelNames[levelOf(definition.function)] ?? 'none'}`).join('; ');
  return svg('svg', {
    class: `radar radar-${kind}`, viewBox: `-40 -10 ${size + 80} ${size + 20}`, role: 'img',
    'aria-label': `${title}. ${values}`, dataset: { testid: `radar-${kind}` },
  },
  svg('title', {}, title),
  rings, axes, ringLabels,
  svg('polygon', { class: 'radar-shape', points: points(shape), dataset: { testid: `radar-${kind}-shape` } }),
  shape.map(([x, y], index) => svg('circle', { class: 'radar-dot', cx: x, cy: y, r: 3.5, dataset: { level: levelOf(functions[index].function) ?? 'NONE' } },
    svg('title', {}, `${functions[index].name}: ${levelNames[levelOf(functions[index].function)] ?? 'none'}`))),
  labels);
}

const shortNames = {
  'Joint business planning': 'Planning',
  'Leads and pipeline': 'Leads & pipeline',
  'Sales compensation': 'Sales comp.',
  'Market messaging': 'Messaging',
  'Resource utilization': 'Resources',
  'Readiness and certification': 'Readiness',
  'Product and customer support': 'Support',
  'Customer relationships and satisfaction': 'Customers',
};
export const shortName = (name) => shortNames[name] ?? name;

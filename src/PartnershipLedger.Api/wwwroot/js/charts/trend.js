// The portfolio trend of one function: per period, a bar stacked by level (how many partnerships were at each
// level at the period's end), with the moves up and down written under it.
import { svg } from '../dom.js';
import { levelNames, levels } from '../levels.js';

const height = 220;
const top = 12;
const axisWidth = 34;
const barGap = 10;

export function quarterLabel(periodStart) {
  const date = new Date(periodStart);
  return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function trendChart(points, { title }) {
  const width = Math.max(480, axisWidth + points.length * 56);
  const plotHeight = height - top - 46;
  const most = Math.max(1, ...points.map((p) => p.basic + p.reactive + p.proactive + p.dynamic));
  const barWidth = (width - axisWidth) / Math.max(points.length, 1) - barGap;
  const y = (count) => top + plotHeight - (count / most) * plotHeight;

  const gridLines = [0, 0.5, 1].map((fraction) => {
    const count = Math.round(most * fraction);
    return [
      svg('line', { class: 'trend-grid', x1: axisWidth, x2: width, y1: y(count), y2: y(count) }),
      svg('text', { class: 'trend-axis', x: axisWidth - 6, y: y(count) + 4, 'text-anchor': 'end' }, count),
    ];
  });

  const bars = points.map((point, index) => {
    const x = axisWidth + index * (barWidth + barGap) + barGap / 2;
    let below = 0;
    const segments = levels.map((level) => {
      const count = point[level.toLowerCase()];
      const segment = svg('rect', {
        class: `trend-bar level-fill-${level.toLowerCase()}`, x, width: barWidth, y: y(below + count), height: y(below) - y(below + count),
      }, svg('title', {}, `${quarterLabel(point.periodStart)}: ${count} ${levelNames[level]}`));
      below += count;
      return segment;
    });
    return svg('g', { class: 'trend-period' }, segments,
      svg('text', { class: 'trend-axis', x: x + barWidth / 2, y: height - 28, 'text-anchor': 'middle' }, quarterLabel(point.periodStart)),
      svg('text', { class: 'trend-moves', x: x + barWidth / 2, y: height - 12, 'text-anchor': 'middle' }, `▲${point.ups} ▼${point.downs}`));
  });

  return svg('svg', { class: 'trend', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, dataset: { testid: 'portfolio-trend' } },
    svg('title', {}, title), gridLines, bars);
}

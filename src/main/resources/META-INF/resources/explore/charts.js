// Funding (万元) and participants of the programmes, grouped by one dimension, drawn with ECharts
// (served from the service's own jar). The figures are the API's programmeBreakdown, counted in Neo4j.
import * as echarts from '/_static/echarts/6.0.0/dist/echarts.esm.min.js';
import { graphql } from './api.js';
import { BREAKDOWN } from './queries.js';

const NOT_ASSIGNED = '未分配 (not assigned)';

function groupName(group, by) {
  if (group.notAssigned.includes(by)) {
    return NOT_ASSIGNED;
  }
  const region = { PROVINCE: group.province, PREFECTURE: group.prefecture, COUNTY: group.county }[by];
  if (region) {
    return region.label;
  }
  return String(by === 'YEAR' ? group.year : group.mode);
}

export function createCharts(container, totalLine) {
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  window.addEventListener('resize', () => chart.resize());

  async function load(by) {
    const { programmeBreakdown: b } = await graphql(BREAKDOWN, { by: [by] });
    const names = b.groups.map((g) => groupName(g, by));
    const total = b.total;
    // The total is the API's own (each programme once); with multiCounted the bars may add up to more.
    totalLine.textContent = `Total: ${total.programmes} programmes, ${total.fundingWan} 万元, ${total.participants} participants`
      + (b.multiCounted ? ' — a programme in several groups counts in each, so the bars add up to more.' : '.');
    totalLine.dataset.fundingWan = String(total.fundingWan);
    totalLine.dataset.by = by;
    chart.setOption({
      textStyle: { fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
      // Drawn on the canvas, not as HTML: region names come from the API and are never parsed as markup.
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { data: ['Funding (万元)', 'Participants'] },
      grid: { left: 60, right: 60, bottom: 90 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 8 ? 40 : 0, interval: 0 } },
      yAxis: [{ type: 'value', name: '万元' }, { type: 'value', name: 'participants' }],
      series: [
        { name: 'Funding (万元)', type: 'bar', data: b.groups.map((g) => g.figures.fundingWan) },
        { name: 'Participants', type: 'bar', yAxisIndex: 1, data: b.groups.map((g) => g.figures.participants) },
      ],
    }, true);
    return b;
  }

  return { chart, load };
}

// Training figures: courses and trainee-times by month from the <script type="application/json" id="training-data"> block (ECharts; the
// tooltip built from classes, as the CSP refuses style attributes).
(function () {
  const el = document.getElementById('training-chart');
  const source = document.getElementById('training-data');
  if (!el || !source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const escape = echarts.format.encodeHTML;
  const chart = echarts.init(el);
  chart.setOption({
    tooltip: {
      trigger: 'axis',
      formatter: (items) => '<div class="chart-tip"><b>' + escape(items[0].name) + '</b>' + items.map(p =>
        '<div><span class="chart-dot chart-dot-' + (p.seriesIndex + 1) + '"></span>' + escape(p.seriesName) + ' <b>' + p.value + '</b></div>').join('') + '</div>',
    },
    legend: { data: [data.courses, data.attended] },
    grid: { left: 50, right: 50, bottom: 40, top: 40 },
    xAxis: { type: 'category', data: data.months.map(m => m.label) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1 }],
    series: [
      { name: data.courses, type: 'bar', data: data.months.map(m => m.courses), itemStyle: { color: '#409eff' } },
      { name: data.attended, type: 'line', yAxisIndex: 1, data: data.months.map(m => m.attended), itemStyle: { color: '#e6a23c' } },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
})();

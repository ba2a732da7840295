// Exams: a form with data-progress shows its progress element while the upload runs; the figures page draws its chart over the years
// from the <script type="application/json" id="exam-data"> block (ECharts; the tooltip built from classes, as the CSP refuses style attributes).
(function () {
  document.querySelectorAll('form[data-progress]').forEach(form => form.addEventListener('submit', () => {
    const bar = document.getElementById(form.dataset.progress);
    if (bar) bar.classList.remove('d-none');
  }));

  const el = document.getElementById('exam-chart');
  const source = document.getElementById('exam-data');
  if (!el || !source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const escape = echarts.format.encodeHTML;
  const chart = echarts.init(el);
  chart.setOption({
    tooltip: {
      trigger: 'axis',
      formatter: (items) => '<div class="chart-tip"><b>' + escape(items[0].name) + '</b>' + items.map(p =>
        '<div><span class="chart-dot chart-dot-' + p.seriesIndex + '"></span>' + escape(p.seriesName) + ' <b>' + (p.value == null ? '—' : p.value) + '</b></div>').join('') + '</div>',
    },
    legend: { data: [data.sat, data.passed, data.rate] },
    grid: { left: 50, right: 50, bottom: 40, top: 40 },
    xAxis: { type: 'category', data: data.years.map(y => String(y.Year)) },
    yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: data.sat, type: 'bar', data: data.years.map(y => y.Sat), itemStyle: { color: '#c0c4cc' } },
      { name: data.passed, type: 'bar', data: data.years.map(y => y.Passed), itemStyle: { color: '#409eff' } },
      { name: data.rate, type: 'line', yAxisIndex: 1, data: data.years.map(y => y.Rate), itemStyle: { color: '#e6a23c' } },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
})();

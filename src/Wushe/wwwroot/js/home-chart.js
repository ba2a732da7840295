// Home page: township coverage by child area (bar chart). Data and texts come from the
// <script type="application/json" id="coverage-data"> block of the page.
(function () {
  const el = document.getElementById('coverage-chart');
  const source = document.getElementById('coverage-data');
  if (!el || !source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const rows = data.rows;
  const colors = ['#c0c4cc', '#409eff'];
  const escape = echarts.format.encodeHTML;
  const chart = echarts.init(el);
  chart.setOption({
    // The tooltip is built from classes: ECharts' own markup carries style attributes, which the Content-Security-Policy refuses.
    tooltip: {
      trigger: 'axis',
      formatter: (items) => '<div class="chart-tip"><b>' + escape(items[0].name) + '</b>' + items.map(p =>
        '<div><span class="chart-dot chart-dot-' + p.seriesIndex + '"></span>' + escape(p.seriesName) + ' <b>' + p.value + '</b>' +
        (p.seriesIndex === 1 ? ' (' + rows[p.dataIndex].Rate + '%)' : '') + '</div>').join('') + '</div>',
    },
    legend: { data: [data.townships, data.covered] },
    grid: { left: 40, right: 20, bottom: 90, top: 40 },
    xAxis: { type: 'category', data: rows.map(r => r.Name), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [
      { name: data.townships, type: 'bar', data: rows.map(r => r.Townships), itemStyle: { color: colors[0] } },
      { name: data.covered, type: 'bar', data: rows.map(r => r.Covered), itemStyle: { color: colors[1] }, label: { show: rows.length <= 12, position: 'top', formatter: p => rows[p.dataIndex].Rate + '%' } },
    ],
  });
  chart.on('click', p => { location.href = '/Stations?area=' + rows[p.dataIndex].Code; });
  window.addEventListener('resize', () => chart.resize());
})();

// The agent figures page: the chosen figure per agent as a bar chart (ECharts), highest first, as the table is
// sorted. The page shows the same numbers without JavaScript in its table; the data comes from the chart element's
// data-chart attribute.
(function () {
    var element = document.getElementById('agent-figures-chart');
    if (!element || typeof echarts === 'undefined') {
        return;
    }
    var chartData = JSON.parse(element.getAttribute('data-chart') || '{"bars":[]}');
    var bars = chartData.bars;
    element.style.height = Math.max(160, 28 * bars.length + 40) + 'px';
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
        animation: false,
        grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: bars.map(function (b) { return b.label; }) },
        series: [{
            name: chartData.figure,
            type: 'bar',
            data: bars.map(function (b) { return b.value; }),
            itemStyle: { color: '#0d6efd' },
            label: { show: true, position: 'right' }
        }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();

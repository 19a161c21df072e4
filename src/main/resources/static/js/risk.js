// Alerts opened and closed per day as a line chart (ECharts). The page shows the same numbers without JavaScript in
// its table; the data comes from the chart element's data-chart attribute.
(function () {
    var element = document.getElementById('alerts-per-day');
    if (!element || typeof echarts === 'undefined') {
        return;
    }
    var data = JSON.parse(element.getAttribute('data-chart') || '{}');
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
        animation: false,
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        legend: { data: [data.openedLabel, data.closedLabel] },
        xAxis: { type: 'category', data: data.days || [] },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
            { name: data.openedLabel, type: 'line', data: data.opened || [], itemStyle: { color: '#dc3545' } },
            { name: data.closedLabel, type: 'line', data: data.closed || [], itemStyle: { color: '#198754' } }
        ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();

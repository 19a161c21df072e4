// Cards by state as a bar chart (ECharts). The page shows the same numbers without JavaScript in its table;
// the data comes from the chart element's data-chart attribute.
(function () {
    var element = document.getElementById('cards-by-state');
    if (!element || typeof echarts === 'undefined') {
        return;
    }
    var bars = JSON.parse(element.getAttribute('data-chart') || '[]');
    var colours = {
        INVENTORY: '#6c757d', TEST: '#0dcaf0', PENDING_ACTIVATION: '#ffc107', ACTIVE: '#198754',
        SUSPENDED: '#dc3545', PRE_CANCELLED: '#fd7e14', CANCELLED: '#343a40'
    };
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
        animation: false,
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: bars.map(function (b) { return b.label; }) },
        series: [{
            type: 'bar',
            data: bars.map(function (b) { return { value: b.count, itemStyle: { color: colours[b.state] } }; }),
            label: { show: true, position: 'right' }
        }]
    });
    chart.on('click', function (params) {
        var bar = bars[params.dataIndex];
        if (bar) {
            window.location.href = '/cards?state=' + encodeURIComponent(bar.state);
        }
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();

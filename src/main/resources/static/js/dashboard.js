// The dashboard's charts (ECharts): each panel's figures as bars or a ring, or its series per day as lines. The page
// shows the same numbers without JavaScript in each panel's table; a click on a bar or slice opens the list behind it.
(function () {
    if (typeof echarts === 'undefined') {
        return;
    }
    var tones = {
        primary: '#0d6efd', success: '#198754', warning: '#ffc107', danger: '#dc3545',
        secondary: '#6c757d', info: '#0dcaf0', dark: '#343a40'
    };
    function colour(tone) { return tones[tone] || tones.primary; }
    document.querySelectorAll('.dashboard-chart').forEach(function (element) {
        var data = JSON.parse(element.getAttribute('data-chart') || '{}');
        var chart = echarts.init(element, null, { renderer: 'svg' });
        var bars = data.bars || [];
        if (data.type === 'DAYS') {
            chart.setOption({
                animation: false,
                grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
                tooltip: { trigger: 'axis' },
                legend: { type: 'scroll', data: data.series.map(function (s) { return s.name; }) },
                xAxis: { type: 'category', data: data.days || [] },
                yAxis: { type: 'value', minInterval: 1 },
                series: data.series.map(function (s) {
                    return { name: s.name, type: 'line', data: s.values, showSymbol: false, itemStyle: { color: colour(s.tone) } };
                })
            });
        } else if (data.type === 'PIE') {
            chart.setOption({
                animation: false,
                tooltip: { trigger: 'item' },
                series: [{
                    type: 'pie', radius: ['45%', '70%'], avoidLabelOverlap: true,
                    label: { formatter: '{b}: {c}' },
                    data: bars.map(function (b) { return { name: b.label, value: b.value, itemStyle: { color: colour(b.tone) } }; })
                }]
            });
        } else {
            chart.setOption({
                animation: false,
                grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', inverse: true, data: bars.map(function (b) { return b.label; }),
                         axisLabel: { width: 170, overflow: 'truncate' } },
                series: [{
                    type: 'bar',
                    data: bars.map(function (b) { return { value: b.value, itemStyle: { color: colour(b.tone) } }; }),
                    label: { show: true, position: 'right' }, barMaxWidth: 28
                }]
            });
        }
        chart.on('click', function (params) {
            var bar = bars[params.dataIndex];
            if (bar && bar.path) {
                window.location.href = bar.path;
            }
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });
})();

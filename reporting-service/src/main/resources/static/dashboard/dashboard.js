/*
 * The plan dashboard: draws the scorecard, funding, the county × target heat-map, the assessment ranking, trends,
 * alerts and one county's view from the report API, and redraws when the server says the facts changed (server-sent
 * events at /dashboard/stream). No build step, no CDN: ECharts comes from the service's own webjar.
 */
(function () {
  'use strict';

  var root = document.getElementById('dashboard');
  var ctx = JSON.parse(root.getAttribute('data-context'));
  var lang = ctx.lang;
  // a marker a reload would reset: the browser test checks the page updated without one
  window.__dashboardLoadedAt = window.__dashboardLoadedAt || Date.now();
  window.__dashboardRenders = 0;

  var TEXT = {
    zh: {
      subtitle: '实时看板', asOf: '截至', backToLive: '回到实时', live: '实时连接', offline: '连接中断，重连中…',
      history: '历史视图', cityScorecard: '全市目标计分卡', target: '编号', name: '目标', value: '当前值', goal: '目标值',
      progress: '进度（黑线为时间进度）', status: '状态', funding: '争取国家、省科技资金 · 专项资金', year: '年度',
      budget: '预算', allocated: '已安排', disbursed: '已拨付', left: '结余', heatmap: '县市区 × 目标（弱项一目了然）',
      assessment: '县市区绩效考核排名', trend: '趋势', alerts: '预警与恢复', countyView: '县市区视图', cityWide: '全市',
      footer: '数据来源：项目、资金、平台登记各服务发布的事件', updated: '更新于', secured: '已争取（万元）',
      expected: '时间进度应达', weakest: '最弱', pace: '时间进度', points: '得分', noAlerts: '暂无预警',
      city: '郴州市（全市）', notOpened: '未下达', alertArrived: '新预警', recovered: '已恢复', yuan10k: '万元',
      ACHIEVED: '已完成', ON_TRACK: '进度正常', BEHIND: '滞后', AT_RISK: '有风险', NO_DATA: '无数据'
    },
    en: {
      subtitle: 'live dashboard', asOf: 'As of', backToLive: 'Back to live', live: 'live', offline: 'disconnected, retrying…',
      history: 'history view', cityScorecard: 'City scorecard', target: 'Id', name: 'Target', value: 'Value', goal: 'Goal',
      progress: 'Progress (black line: time elapsed)', status: 'Status', funding: 'Funds secured · special fund', year: 'Year',
      budget: 'Budget', allocated: 'Allocated', disbursed: 'Disbursed', left: 'Left', heatmap: 'Counties × targets',
      assessment: 'County performance assessment', trend: 'Trend', alerts: 'Alerts and recoveries', countyView: 'County view',
      cityWide: 'City-wide', footer: 'From the events of the project, funding and registry services', updated: 'updated',
      secured: 'secured (10k yuan)', expected: 'pace', weakest: 'weakest', pace: 'time elapsed', points: 'score',
      noAlerts: 'no alerts', city: 'Chenzhou (city)', notOpened: 'not opened', alertArrived: 'New alert', recovered: 'recovered',
      yuan10k: '10k yuan',
      ACHIEVED: 'achieved', ON_TRACK: 'on track', BEHIND: 'behind', AT_RISK: 'at risk', NO_DATA: 'no data'
    }
  };
  var COLORS = { ACHIEVED: '#15803d', ON_TRACK: '#65a30d', BEHIND: '#d97706', AT_RISK: '#dc2626', NO_DATA: '#9ca3af' };
  var RANK = { NO_DATA: 0, AT_RISK: 1, BEHIND: 2, ON_TRACK: 3, ACHIEVED: 4 };
  var STATUSES = ['ACHIEVED', 'ON_TRACK', 'BEHIND', 'AT_RISK', 'NO_DATA'];

  var state = { asOf: null, data: null, previousValues: {}, charts: {}, county: null, refreshTimer: null };

  function t(key) { return (TEXT[lang] && TEXT[lang][key]) || key; }
  function label(text) { return text ? (lang === 'en' && text.en ? text.en : text.zh) : ''; }
  function countyName(code) {
    if (code === '431000') { return t('city'); }
    for (var i = 0; i < ctx.counties.length; i++) {
      if (ctx.counties[i].code === code) { return lang === 'en' ? ctx.counties[i].en : ctx.counties[i].zh; }
    }
    return code;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  // ECharts tooltips are HTML: anything from the data (plan labels come from whoever loaded the plan) is escaped
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function chip(status) { return status ? el('span', 'chip ' + status, t(status)) : el('span', '', ''); }
  function yuan10k(v) { return v === null || v === undefined ? '—' : (Number(v) / 10000).toLocaleString(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 }); }
  function get(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ' answered ' + r.status); }
      return r.json();
    });
  }
  function query() { return state.asOf ? '?asOf=' + state.asOf : ''; }

  // ---- static text, language switch, date --------------------------------------------------------------------
  function applyText() {
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    var sw = document.getElementById('langSwitch');
    sw.textContent = lang === 'en' ? '中文' : 'English';
    var params = new URLSearchParams(window.location.search);
    params.set('lang', lang === 'en' ? 'zh' : 'en');
    sw.href = window.location.pathname + '?' + params.toString();
  }

  function setupControls() {
    var input = document.getElementById('asOf');
    input.min = ctx.planStart;
    input.max = ctx.liveDate;
    input.value = ctx.liveDate;
    input.addEventListener('change', function () {
      state.asOf = input.value && input.value !== ctx.liveDate ? input.value : null;
      refresh();
      refreshTrend();
    });
    document.getElementById('liveButton').addEventListener('click', function () {
      state.asOf = null;
      input.value = ctx.liveDate;
      refresh();
      refreshTrend();
    });
    var countySelect = document.getElementById('countySelect');
    ctx.counties.forEach(function (c) {
      var o = el('option', '', lang === 'en' ? c.en : c.zh);
      o.value = c.code;
      countySelect.appendChild(o);
    });
    var wanted = new URLSearchParams(window.location.search).get('county');
    if (wanted) { countySelect.value = wanted; }
    state.county = countySelect.value;
    countySelect.addEventListener('change', function () { state.county = countySelect.value; renderCounty(); });
    document.getElementById('trendTarget').addEventListener('change', function () { fillTrendScopes(); refreshTrend(); });
    document.getElementById('trendScope').addEventListener('change', refreshTrend);
  }

  // ---- fetching ------------------------------------------------------------------------------------------------
  function refresh() {
    var q = query();
    return Promise.all([
      get('/api/reports/scorecard' + q),
      get('/api/reports/funding' + q),
      get('/api/reports/assessment' + q),
      get('/api/reports/alerts?size=15')
    ]).then(function (r) {
      state.data = { scorecard: r[0], funding: r[1], assessment: r[2], alerts: r[3] };
      render();
    }).catch(function (e) { console.error(e); });
  }

  function refreshSoon() {
    if (state.refreshTimer) { return; }
    state.refreshTimer = setTimeout(function () {
      state.refreshTimer = null;
      refresh();
      refreshTrend();
    }, 150);
  }

  // ---- rendering -----------------------------------------------------------------------------------------------
  function render() {
    var d = state.data;
    renderSummary(d.scorecard);
    renderScorecard(d.scorecard);
    renderFunding(d.funding, d.scorecard);
    renderHeatmap(d.scorecard, d.assessment);
    renderAssessment(d.assessment);
    renderAlerts(d.alerts);
    renderCounty();
    fillTrendTargets(d.scorecard);
    document.getElementById('updatedAt').textContent = t('updated') + ' ' + new Date().toLocaleTimeString(lang === 'en' ? 'en' : 'zh-CN')
      + ' · ' + t('asOf') + ' ' + d.scorecard.asOf;
    window.__dashboardRenders++;
  }

  function renderSummary(sc) {
    var counts = {};
    STATUSES.forEach(function (s) { counts[s] = 0; });
    sc.targets.forEach(function (x) { counts[x.status]++; });
    var strip = document.getElementById('summary');
    strip.textContent = '';
    STATUSES.forEach(function (s) {
      var k = el('div', 'kpi ' + s);
      k.appendChild(el('div', 'n', String(counts[s])));
      k.appendChild(el('div', 'l', t(s)));
      strip.appendChild(k);
    });
    var pace = sc.targets.length ? Number(sc.targets[0].pace) : 0;
    var p = el('div', 'kpi');
    p.appendChild(el('div', 'n', Math.round(pace * 100) + '%'));
    p.appendChild(el('div', 'l', t('pace') + ' · ' + sc.asOf));
    strip.appendChild(p);
  }

  function renderScorecard(sc) {
    var body = document.querySelector('#scorecard tbody');
    body.textContent = '';
    sc.targets.forEach(function (x) {
      var tr = el('tr');
      tr.setAttribute('data-target', x.id);
      tr.setAttribute('data-status', x.status);
      tr.appendChild(el('td', 'id', x.id));
      tr.appendChild(el('td', 'name', label(x.label)));
      var value = el('td', 'value', x.value);
      tr.appendChild(value);
      tr.appendChild(el('td', 'goal', x.goal));
      var bar = el('div', 'bar');
      var fill = el('div', 'fill');
      var share = x.number !== null && x.number !== undefined && Number(x.goalNumber) > 0 ? Math.min(1, Number(x.number) / Number(x.goalNumber)) : 0;
      fill.style.width = (share * 100).toFixed(1) + '%';
      fill.style.background = COLORS[x.status] || COLORS.NO_DATA;
      bar.appendChild(fill);
      var pace = el('div', 'pace');
      pace.style.left = (Math.min(1, Number(x.pace)) * 100).toFixed(1) + '%';
      bar.appendChild(pace);
      var td = el('td');
      td.appendChild(bar);
      tr.appendChild(td);
      var st = el('td');
      st.appendChild(chip(x.status));
      tr.appendChild(st);
      if (state.previousValues[x.id] !== undefined && state.previousValues[x.id] !== x.value) { tr.className = 'flash'; }
      state.previousValues[x.id] = x.value;
      body.appendChild(tr);
    });
  }

  function chart(id) {
    if (!state.charts[id]) { state.charts[id] = echarts.init(document.getElementById(id)); }
    return state.charts[id];
  }

  function renderFunding(f, sc) {
    var goal = f.secured.goal ? Number(f.secured.goal) : null;
    var net = Number(f.secured.net);
    var expected = f.secured.expected ? Number(f.secured.expected) : null;
    var max = goal || Math.max(net, 1);
    chart('fundingGauge').setOption({
      series: [{
        type: 'gauge', min: 0, max: max / 10000, startAngle: 210, endAngle: -30, radius: '95%',
        progress: { show: true, width: 14, itemStyle: { color: net >= (expected || 0) ? COLORS.ON_TRACK : COLORS.BEHIND } },
        axisLine: { lineStyle: { width: 14, color: [[1, '#e5e7eb']] } },
        splitNumber: 3, axisTick: { show: false }, splitLine: { length: 8, lineStyle: { color: '#9ca3af' } },
        axisLabel: { color: '#6b7280', fontSize: 10, distance: 18, formatter: function (v) { return Math.round(v); } },
        pointer: { show: true, length: '55%', width: 4 },
        title: { offsetCenter: [0, '78%'], fontSize: 12, color: '#6b7280' },
        detail: { valueAnimation: false, offsetCenter: [0, '48%'], fontSize: 16, fontWeight: 700,
          formatter: function () { return yuan10k(net) + ' ' + t('yuan10k'); } },
        data: [{ value: net / 10000, name: (goal ? '/ ' + yuan10k(goal) + ' ' + t('yuan10k') : '')
          + (f.secured.progressPercent ? ' · ' + f.secured.progressPercent + '%' : '') }]
      }, {
        type: 'gauge', min: 0, max: max / 10000, startAngle: 210, endAngle: -30, radius: '95%',
        axisLine: { show: false }, axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false },
        pointer: { show: expected !== null, length: '80%', width: 2, itemStyle: { color: '#111827' } },
        title: { show: false }, detail: { show: false },
        data: [{ value: (expected || 0) / 10000, name: t('expected') }]
      }]
    });
    var years = f.specialFund.map(function (y) { return String(y.year); });
    function series(name, key, color) {
      return { name: name, type: 'bar', itemStyle: { color: color }, data: f.specialFund.map(function (y) { return y[key] ? Number(y[key]) / 10000 : 0; }) };
    }
    chart('specialFundChart').setOption({
      grid: { left: 40, right: 10, top: 30, bottom: 24 }, tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: years }, yAxis: { type: 'value', name: t('yuan10k'), nameTextStyle: { fontSize: 10 } },
      series: [series(t('budget'), 'budget', '#93c5fd'), series(t('allocated'), 'allocated', '#2563eb'), series(t('disbursed'), 'disbursed', '#15803d')]
    });
    var body = document.querySelector('#specialFund tbody');
    body.textContent = '';
    f.specialFund.forEach(function (y) {
      var tr = el('tr');
      tr.appendChild(el('td', '', String(y.year)));
      tr.appendChild(el('td', '', y.budget ? '¥' + Number(y.budget).toLocaleString('zh-CN', { minimumFractionDigits: 2 }) : t('notOpened')));
      ['allocated', 'disbursed', 'left'].forEach(function (k) {
        tr.appendChild(el('td', y.overspent && k === 'left' ? 'value' : '', '¥' + Number(y[k]).toLocaleString('zh-CN', { minimumFractionDigits: 2 })));
      });
      body.appendChild(tr);
    });
  }

  function renderHeatmap(sc, assessment) {
    var perCounty = sc.targets.filter(function (x) { return x.scope === 'COUNTY'; });
    var codes = ctx.counties.map(function (c) { return c.code; });
    // the counties with the lowest assessment score stand out on the axis
    var lowest = assessment.counties.length > 1 ? Number(assessment.counties[assessment.counties.length - 1].score) : null;
    var weakest = assessment.counties.filter(function (c) { return Number(c.score) === lowest; }).map(function (c) { return c.county; });
    var data = [];
    perCounty.forEach(function (x, xi) {
      x.counties.forEach(function (line) {
        var yi = codes.indexOf(line.county);
        if (yi >= 0) { data.push({ value: [xi, yi, RANK[line.status] || 0], label: line.value, status: line.status }); }
      });
    });
    chart('heatmap').setOption({
      tooltip: {
        formatter: function (p) {
          var x = perCounty[p.value[0]];
          return escapeHtml(countyName(codes[p.value[1]])) + '<br/>' + escapeHtml(x.id + ' ' + label(x.label)) + '<br/>'
            + escapeHtml(p.data.label + ' · ' + t(p.data.status));
        }
      },
      grid: { left: 8, right: 10, top: 10, bottom: 60, containLabel: true },
      xAxis: { type: 'category', data: perCounty.map(function (x) { return x.id; }), splitArea: { show: true } },
      yAxis: {
        type: 'category', inverse: true, data: codes,
        axisLabel: {
          formatter: function (code) { return weakest.indexOf(code) >= 0 ? '{weak|▼ ' + countyName(code) + '}' : countyName(code); },
          rich: { weak: { color: '#dc2626', fontWeight: 'bold' } }
        }
      },
      visualMap: {
        type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2, itemWidth: 14,
        pieces: STATUSES.map(function (s) { return { value: RANK[s], label: t(s), color: COLORS[s] }; })
      },
      series: [{
        type: 'heatmap', data: data, itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { show: true, color: '#fff', fontSize: 11, formatter: function (p) { return p.data.label; } }
      }]
    }, true);
  }

  function renderAssessment(a) {
    var rows = a.counties.slice().reverse();
    chart('assessmentChart').setOption({
      grid: { left: 8, right: 44, top: 10, bottom: 20, containLabel: true }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.rank + '. ' + (lang === 'en' ? r.nameEn : r.name); }) },
      series: [{
        type: 'bar', data: rows.map(function (r) {
          var s = Number(r.score);
          return { value: s, itemStyle: { color: s >= 80 ? COLORS.ACHIEVED : s >= 60 ? COLORS.ON_TRACK : s >= 40 ? COLORS.BEHIND : COLORS.AT_RISK } };
        }),
        label: { show: true, position: 'right', formatter: function (p) { return p.value.toFixed(2); } }
      }]
    }, true);
  }

  function renderAlerts(page) {
    var list = document.getElementById('alerts');
    list.textContent = '';
    if (!page.items.length) { list.appendChild(el('li', '', t('noAlerts'))); }
    page.items.forEach(function (a) {
      var li = el('li');
      li.appendChild(chip(a.toStatus));
      li.appendChild(el('strong', '', a.targetId));
      li.appendChild(el('span', '', countyName(a.scope) + ' · ' + a.value + (a.fromStatus ? ' (' + t(a.fromStatus) + ' →)' : '')));
      li.appendChild(el('span', 'when', new Date(a.raisedAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN')));
      list.appendChild(li);
    });
  }

  function renderCounty() {
    if (!state.county) { return; }
    get('/api/reports/scorecard/counties/' + state.county + query()).then(function (c) {
      var body = document.querySelector('#countyTable tbody');
      body.textContent = '';
      c.targets.forEach(function (x) {
        var tr = el('tr');
        tr.setAttribute('data-target', x.id);
        tr.appendChild(el('td', 'id', x.id));
        tr.appendChild(el('td', '', label(x.label)));
        tr.appendChild(el('td', 'value', x.value));
        tr.appendChild(el('td', '', x.judgedPerCounty ? x.goal : '—'));
        var st = el('td');
        st.appendChild(chip(x.status));
        tr.appendChild(st);
        var city = el('td');
        city.appendChild(chip(x.cityStatus));
        city.appendChild(document.createTextNode(' ' + x.cityValue));
        tr.appendChild(city);
        body.appendChild(tr);
      });
    }).catch(function (e) { console.error(e); });
  }

  // ---- trends --------------------------------------------------------------------------------------------------
  function fillTrendTargets(sc) {
    var select = document.getElementById('trendTarget');
    if (select.options.length === sc.targets.length) { return; }
    var current = select.value;
    select.textContent = '';
    sc.targets.forEach(function (x) {
      var o = el('option', '', x.id + ' ' + label(x.label));
      o.value = x.id;
      o.setAttribute('data-scope', x.scope);
      select.appendChild(o);
    });
    select.value = current || (sc.targets.some(function (x) { return x.id === 'T8a'; }) ? 'T8a' : sc.targets[0].id);
    fillTrendScopes();
    refreshTrend();
  }

  function fillTrendScopes() {
    var target = document.getElementById('trendTarget');
    var option = target.options[target.selectedIndex];
    var scope = document.getElementById('trendScope');
    var current = scope.value;
    scope.textContent = '';
    var choices = ctx.countyPortal ? [] : ['431000'];
    if (option && option.getAttribute('data-scope') === 'COUNTY') {
      choices = choices.concat(ctx.counties.map(function (c) { return c.code; }));
    }
    choices.forEach(function (code) {
      var o = el('option', '', countyName(code));
      o.value = code;
      scope.appendChild(o);
    });
    if (choices.indexOf(current) >= 0) { scope.value = current; }
    scope.style.display = choices.length > 1 ? '' : 'none';
  }

  function refreshTrend() {
    var target = document.getElementById('trendTarget').value;
    var scope = document.getElementById('trendScope').value || '431000';
    if (!target) { return; }
    var to = state.asOf ? '&to=' + state.asOf : '';
    get('/api/reports/targets/' + target + '/series?scope=' + scope + to).then(function (s) {
      var dates = s.points.map(function (p) { return p.date.substring(0, 7); });
      chart('trendChart').setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 20, top: 36, bottom: 30 },
        xAxis: { type: 'category', data: dates }, yAxis: { type: 'value' },
        series: [{
          // plain text: ECharts escapes series names in its tooltip itself, and draws the legend as text
          name: label(s.label), type: 'line', step: 'end', symbolSize: 7,
          data: s.points.map(function (p) {
            return { value: p.number === null || p.number === undefined ? null : Number(p.number), itemStyle: { color: COLORS[p.status] || COLORS.NO_DATA } };
          }),
          lineStyle: { color: '#2563eb', width: 2 }
        }, {
          name: t('expected'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed', color: '#6b7280' },
          data: s.points.map(function (p) { return p.expected === null || p.expected === undefined ? null : Number(p.expected); })
        }]
      }, true);
    }).catch(function (e) { console.error(e); });
  }

  // ---- live updates --------------------------------------------------------------------------------------------
  function toast(text) {
    var box = document.getElementById('toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.hidden = true; }, 6000);
  }

  function connect() {
    var live = document.getElementById('liveState');
    var text = document.getElementById('liveText');
    var source = new EventSource('/dashboard/stream');
    source.addEventListener('hello', function () { live.className = 'live-state on'; text.textContent = t('live'); });
    source.addEventListener('update', function (e) {
      live.className = 'live-state on';
      text.textContent = state.asOf ? t('history') : t('live');
      var update = JSON.parse(e.data);
      if (update.alerts && update.alerts.length) {
        toast(update.alerts.map(function (a) {
          return (RANK[a.toStatus] <= 2 ? t('alertArrived') : t('recovered')) + ': ' + a.targetId + ' · ' + countyName(a.scope) + ' · ' + t(a.toStatus);
        }).join('\n'));
      }
      if (!state.asOf) { refreshSoon(); }
    });
    source.onerror = function () { live.className = 'live-state'; text.textContent = t('offline'); };
  }

  applyText();
  setupControls();
  window.addEventListener('resize', function () { Object.keys(state.charts).forEach(function (k) { state.charts[k].resize(); }); });
  refresh();
  connect();
}());

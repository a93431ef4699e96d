// Aitia's operator view: reads the alarms API it is served by (same origin).
'use strict';
const $ = (id) => document.getElementById(id);
const settings = JSON.parse(sessionStorage.getItem('aitia') || '{}');

function headers() {
  const h = { Accept: 'application/json' };
  if ((settings.mode || 'noauth') === 'noauth') {
    h['x-user-id'] = settings.user || 'operator';
    h['x-project-id'] = settings.project || 'admin';
    h['x-roles'] = settings.roles || 'admin';
  } else if (settings.token) {
    h['X-Auth-Token'] = settings.token; // kept in this tab's sessionStorage only
  }
  return h;
}

async function api(path, method = 'GET', body) {
  const init = { method, headers: headers() };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${data.reason || ''}`);
  return data;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

const tenants = () => (settings.all === false ? '' : 'all_tenants=true');

async function refresh() {
  try {
    const st = await fetch('/v1/status');
    $('status').textContent = st.ok ? 'ready' : 'not ready';
    $('status').className = 'pill ' + (st.ok ? 'ok' : 'down');
    const alarms = await api('/v1/alarm/?vitrage_id=all&limit=500&' + tenants());
    const tbody = $('alarms').querySelector('tbody');
    tbody.replaceChildren();
    for (const a of alarms) {
      const tr = document.createElement('tr');
      cell(tr, a.vitrage_operational_severity, a.vitrage_operational_severity);
      cell(tr, a.name);
      cell(tr, a.vitrage_resource_name || a.vitrage_resource_id);
      cell(tr, a.vitrage_resource_type);
      cell(tr, a.aitia_root_cause ? 'yes' : '');
      cell(tr, a.start_timestamp);
      tbody.appendChild(tr);
    }
    const c = await api('/v1/alarm/count?' + tenants());
    $('counts').textContent = Object.entries(c).map(([k, v]) => `${k} ${v}`).join(' · ');
    const incidents = await api('/api/v1/incidents?' + tenants());
    const box = $('incidents');
    box.replaceChildren();
    for (const i of incidents) {
      const div = document.createElement('div');
      div.className = 'incident';
      const title = document.createElement('strong');
      title.textContent = `${i.root_cause.name} on ${i.root_cause.vitrage_resource_id} (${i.consequence_count} consequences)`;
      div.appendChild(title);
      const ul = document.createElement('ul');
      for (const line of i.explanation) {
        const li = document.createElement('li');
        li.textContent = line;
        ul.appendChild(li);
      }
      div.appendChild(ul);
      box.appendChild(div);
    }
    const actions = await api('/api/v1/actions?limit=100');
    const ab = $('actions').querySelector('tbody');
    ab.replaceChildren();
    for (const a of actions) {
      const tr = document.createElement('tr');
      cell(tr, a.status);
      cell(tr, a.type);
      cell(tr, a.target);
      cell(tr, a.id);
      const td = cell(tr, '');
      if (a.status === 'HELD') {
        for (const verb of ['approve', 'reject']) {
          const b = document.createElement('button');
          b.textContent = verb;
          b.onclick = () => api(`/api/v1/actions/${encodeURIComponent(a.id)}/${verb}`, 'POST', { reason: 'from the dashboard' })
            .then(refresh).catch(show);
          td.appendChild(b);
        }
      }
      ab.appendChild(tr);
    }
    $('error').textContent = '';
  } catch (e) {
    show(e);
  }
}

function show(e) {
  $('error').textContent = e.message;
}

$('mode').value = settings.mode || 'noauth';
for (const k of ['user', 'project', 'roles']) if (settings[k]) $(k).value = settings[k];
$('all').checked = settings.all !== false;
$('auth').onsubmit = (ev) => {
  ev.preventDefault();
  Object.assign(settings, {
    mode: $('mode').value, user: $('user').value, project: $('project').value,
    roles: $('roles').value, token: $('token').value, all: $('all').checked,
  });
  sessionStorage.setItem('aitia', JSON.stringify(settings));
  refresh();
};
refresh();
setInterval(refresh, 5000);

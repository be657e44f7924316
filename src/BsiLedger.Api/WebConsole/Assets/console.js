// The console's pages: a view of the JSON API, read from the browser with the sign-in cookie (decision 0016). Every
// figure shown is a field a route answered; what a page decides for itself is only how to draw it.
'use strict';

(() => {
  const role = document.body.dataset.role;
  const mayCommand = role === 'operator';
  const title = document.getElementById('title');
  const page = document.getElementById('page');
  const banner = document.getElementById('connection');
  const pollEvery = 2000;

  // ---- building the page ----

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === null || value === undefined) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children.flat().filter(c => c !== null && c !== undefined).map(c => c instanceof Node ? c : String(c)));
    return node;
  }

  const svgNs = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes = {}, ...children) {
    const node = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    node.append(...children.map(c => c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  function section(heading, id, ...children) {
    return el('section', { 'aria-labelledby': id }, el('h2', { id }, heading), ...children);
  }

  function table(caption, headings, rows, numeric = []) {
    return el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': caption },
      el('table', {},
        el('caption', {}, caption),
        el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, h)))),
        el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => el('td', { class: numeric.includes(i) ? 'num' : null }, c)))))));
  }

  function facts(pairs) {
    return el('dl', { class: 'facts' }, pairs.filter(p => p).flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '–')]));
  }

  // Replaces a region's content only when what it shows changed, so a live update does not move the reader's focus.
  function show(region, node) {
    const next = node.outerHTML;
    if (region.dataset.shown === next) return;
    region.dataset.shown = next;
    region.replaceChildren(node);
  }

  const time = value => value ? new Date(value).toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '–';
  const percent = (value, digits = 1) => value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`;
  const count = value => value === null || value === undefined ? '–' : Number(value).toLocaleString('en');
  const releaseLink = id => el('a', { href: `/console/releases/${encodeURIComponent(id)}` }, id);
  const deviceLink = id => el('a', { href: `/console/devices/${encodeURIComponent(id)}` }, id);
  const phase = value => el('span', { class: `phase ${value}` }, value);

  function duration(seconds) {
    if (seconds <= 0) return 'now';
    const parts = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']].reduce((acc, [unit, name]) => {
      const amount = Math.floor(seconds / unit);
      if (amount > 0 && acc.length < 2) { acc.push(`${amount} ${name}`); seconds -= amount * unit; }
      return acc;
    }, []);
    return parts.join(' ');
  }

  // ---- talking to the API ----

  class Unreachable extends Error {}
  class Answered extends Error {
    constructor(status, problem) {
      super(problem?.detail || problem?.title || `HTTP ${status}`);
      this.status = status;
    }
  }

  const connection = {
    downSince: null,
    lost(why) {
      this.downSince ??= new Date();
      banner.className = 'banner down';
      banner.textContent = `${why} (since ${time(this.downSince)}). The page tries again every few seconds and shows the latest figures once it answers.`;
      banner.hidden = false;
    },
    answered() {
      if (this.downSince === null) return;
      this.downSince = null;
      banner.className = 'banner up';
      banner.textContent = 'The server answers again; the figures below are current.';
      setTimeout(() => { if (this.downSince === null) banner.hidden = true; }, 5000);
    },
  };

  async function api(path, { method = 'GET', body } = {}) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      // The guard of decision 0016: a command sent with the cookie must carry this header, which only a script on
      // this origin can add.
      headers['X-BsiLedger-Console'] = '1';
      if (body !== undefined) headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      connection.lost('The server cannot be reached');
      throw new Unreachable();
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      connection.lost('The server answers but its ledger is unavailable');
      throw new Unreachable();
    }
    connection.answered();
    if (response.status === 401) {
      location.assign(`/console/signin?next=${encodeURIComponent(location.pathname)}`);
      throw new Answered(401, null);
    }
    const answer = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
    if (!response.ok) throw new Answered(response.status, answer);
    return answer;
  }

  // Reads now and every few seconds after, through outages: a read that fails leaves the last figures on the page.
  function poll(read) {
    const run = async () => {
      try {
        await read();
      } catch (error) {
        if (!(error instanceof Unreachable) && !(error instanceof Answered)) throw error;
      } finally {
        setTimeout(run, pollEvery);
      }
    };
    run();
  }

  // ---- charts: inline SVG, drawn from a route's points ----

  // A round step for an axis: 1, 2 or 5 times a power of ten, whole for counts.
  function niceStep(raw, whole) {
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map(m => m * magnitude).find(candidate => candidate >= raw);
    return whole ? Math.max(1, Math.round(step)) : step;
  }

  function lineChart({ label, series, yMax, yFormat, whole, caption }) {
    const [width, height, left, right, top, bottom] = [720, 260, 64, 16, 16, 40];
    const points = series.flatMap(s => s.points);
    const xs = points.map(p => p.x);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const span = Math.max(x1 - x0, 1);
    const highest = Math.max(yMax ?? 0, ...points.map(p => p.y));
    const step = niceStep(Math.max(highest, whole ? 1 : 0.01) / 4, whole);
    const yTop = Math.max(step, Math.ceil(highest / step) * step);
    const x = v => left + (v - x0) / span * (width - left - right);
    const y = v => top + (1 - v / yTop) * (height - top - bottom);
    // Within a day the clock is what tells points apart; over longer spans, the date.
    const tickText = at => span < 86_400_000 ? time(at).slice(11, 19) : time(at).slice(5, 16);
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
    for (let v = 0; v <= yTop + step / 2; v += step) {
      chart.append(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v) }),
        svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, yFormat(v)));
    }
    for (const tick of [0, 0.5, 1]) {
      chart.append(svg('text', { x: x(x0 + span * tick), y: height - 12, 'text-anchor': tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle' }, tickText(x0 + span * tick)));
    }
    chart.append(svg('line', { class: 'axis', x1: left, x2: left, y1: top, y2: height - bottom }),
      svg('line', { class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }));
    for (const s of series) {
      if (s.points.length === 0) continue;
      // Steps: a count holds its value until the next point.
      const path = s.points.map((p, i) => i === 0 ? `M${x(p.x)},${y(p.y)}` : `H${x(p.x)}V${y(p.y)}`).join('');
      chart.append(svg('path', { class: `series ${s.class}`, d: path }, svg('title', {}, s.name)));
    }
    // Scales to the column down to a legible width, then scrolls in its own box, never the page.
    return el('figure', {}, el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': caption }, chart), el('figcaption', {}, caption));
  }

  // A series holds its last figure up to the release's last change, so a single point still draws a line. Not up
  // to the release's time now: a simulation's ledger served later ends months before it.
  function untilEnd(points, end) {
    const last = points.at(-1);
    return last && end > last.x ? [...points, { x: end, y: last.y }] : points;
  }

  function lastChange(release, timeline) {
    const instants = [
      ...timeline.adoption.map(p => p.at), ...timeline.failures.map(p => p.at), ...(timeline.recall?.points.map(p => p.at) ?? []),
      ...release.waves.flatMap(w => [w.startedAt, w.completedAt]), release.halted?.at, release.recall?.issuedAt, release.recall?.completedAt,
    ];
    return Math.max(...instants.filter(Boolean).map(at => new Date(at).getTime()));
  }

  function pacingText(pacing) {
    if (!pacing) return 'all at once';
    if (pacing.spreadOver) return `spread over ${pacing.spreadOver}`;
    return [`${count(pacing.ratePerHour)}/h`, pacing.rampFactor ? `×${pacing.rampFactor} every ${count(pacing.rampEvery)} ${pacing.rampOn}` : null,
      pacing.maxPerHour ? `at most ${count(pacing.maxPerHour)}/h` : null].filter(Boolean).join(', ');
  }

  // ---- the releases page ----

  async function releasesPage() {
    title.textContent = 'Releases';
    document.title = 'Releases · BsiLedger console';
    const list = el('div', { id: 'release-list' }, el('p', {}, 'Reading the releases…'));
    const lookup = el('form', { class: 'inline', role: 'search', onsubmit: event => {
      event.preventDefault();
      const id = lookup.elements.device.value.trim();
      if (id) location.assign(`/console/devices/${encodeURIComponent(id)}`);
    } }, el('label', {}, 'Open a device by id ', el('input', { name: 'device', required: true, autocomplete: 'off' })), el('button', { type: 'submit' }, 'Open'));
    page.replaceChildren(el('p', { class: 'lede' }, 'Every release in the ledger; the figures refresh by themselves.'), lookup, list);
    poll(async () => {
      const rows = [];
      let after = null;
      do {
        const query = after === null ? '' : `&after=${encodeURIComponent(after)}`;
        const answer = await api(`/releases?limit=200${query}`);
        rows.push(...answer.releases);
        after = answer.next;
      } while (after);
      show(list, rows.length === 0
        ? el('p', {}, 'No release has been published yet.')
        : table('Releases, in id order', ['Release', 'Phase', 'Wave', 'Applied', 'Failure rate', 'Threshold', 'Halted', 'Recalled'],
          rows.map(r => [releaseLink(r.release), phase(r.phase), r.currentWave === null ? '–' : `${r.currentWave + 1}`,
            count(r.applied), rateAgainst(r.failureRate, r.threshold, r.attempts), percent(r.threshold, 0), r.halted ? 'yes' : 'no', r.recalled ? 'yes' : 'no']),
          [3, 4, 5]));
    });
  }

  // A rate over its threshold stands out; whether it halts the wave (enough attempts yet) is the halt's to say.
  function rateAgainst(rate, threshold, attempts) {
    if (rate === null || rate === undefined) return '–';
    return el('span', { class: rate > threshold ? 'over' : null, title: `${count(attempts)} attempts` }, percent(rate));
  }

  // ---- a release's page ----

  async function releasePage(id) {
    title.textContent = id;
    document.title = `${id} · BsiLedger console`;
    const regions = Object.fromEntries(['summary', 'halt', 'recall', 'waves', 'charts', 'plan'].map(name => [name, el('div', { id: `release-${name}` })]));
    const outcome = el('p', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
    const commands = mayCommand ? commandSection(id, outcome) : null;
    page.replaceChildren(regions.summary, commands?.section ?? '', regions.halt, regions.recall,
      section('Waves', 'waves-heading', regions.waves), section('Over time', 'charts-heading', regions.charts), section('Plan', 'plan-heading', regions.plan));
    poll(async () => {
      let release;
      try {
        release = await api(`/releases/${encodeURIComponent(id)}`);
      } catch (error) {
        if (error instanceof Answered && error.status === 404) {
          show(regions.summary, el('p', { class: 'error' }, `The ledger has no release ${id}. `, el('a', { href: '/console/' }, 'Back to the releases')));
          return;
        }
        throw error;
      }
      showRelease(release, regions);
      commands?.reflect(release);
      const timeline = await api(`/releases/${encodeURIComponent(id)}/timeline`);
      show(regions.charts, charts(release, timeline));
    });
  }

  function showRelease(r, regions) {
    const current = r.waves.length === 0 ? null : r.waves[r.waves.length - 1];
    const soak = r.nextStepAt ? (new Date(r.nextStepAt) - new Date(r.at)) / 1000 : null;
    show(regions.summary, facts([
      ['Phase', phase(r.phase)],
      ['Wave', current === null ? 'not started' : `${current.index + 1} of ${r.plan?.waves.length ?? '–'} (${percent(current.share, 0)} of the fleet)`],
      ['Applied, as its waves counted', count(r.waves.reduce((sum, w) => sum + w.applied, 0))],
      ['Next step', soak === null ? 'none scheduled' : `in ${duration(soak)} (at ${time(r.nextStepAt)})`],
      ['Release time', time(r.at)],
      ['Components', r.components.join(', ')],
      ['CVEs', r.cves.join(', ') || '–'],
      ['Activation', r.activation],
    ]));
    show(regions.halt, r.halted ? el('section', { class: 'halt', 'aria-labelledby': 'halt-heading' },
      el('h2', { id: 'halt-heading' }, 'Halted'),
      el('p', {}, `Wave ${r.halted.wave + 1} halted at ${time(r.halted.at)}: ${count(r.halted.failures)} failures in ${count(r.halted.attempts)} attempts, `
        + `a failure rate of ${percent(r.halted.failureRate)} against a threshold of ${percent(r.halted.threshold)}; `
        + `${count(r.halted.offered)} devices of the wave offered it, ${count(r.halted.notOffered)} not.`)) : el('div'));
    show(regions.recall, r.recall ? el('section', { class: 'recall', 'aria-labelledby': 'recall-heading' },
      el('h2', { id: 'recall-heading' }, r.recall.completedAt ? 'Recalled' : 'Recalling'),
      facts([['Reason', r.recall.reason], ['Issued', time(r.recall.issuedAt)], ['Completed', time(r.recall.completedAt)],
        ['Devices exposed', count(r.recall.exposed)], ['Withdrawn', count(r.recall.withdrawn)], ['Still to withdraw', count(r.recall.pending)],
        ['Settled otherwise', count(r.recall.settled)]]),
      el('p', {}, el('a', { href: `/audit/releases/${encodeURIComponent(r.release)}/exposed` }, 'Every exposure window (JSON)'))) : el('div'));
    const thresholds = r.plan?.waves ?? [];
    show(regions.waves, r.waves.length === 0 ? el('p', {}, 'No wave has started.') : table('Each wave as its devices reported',
      ['Wave', 'Share', 'Started', 'Completed', 'Targeted', 'Installed', 'Applied', 'Failed', 'Awaiting', 'Attempts', 'Failure rate', 'Threshold', 'Skipped', 'Halted'],
      r.waves.map(w => [`${w.index + 1}`, percent(w.share, 0), time(w.startedAt), time(w.completedAt), count(w.targeted), count(w.installed), count(w.applied),
        count(w.failed), count(w.awaiting), count(w.attempts), rateAgainst(w.failureRate, thresholds[w.index]?.failureThreshold, w.attempts),
        percent(thresholds[w.index]?.failureThreshold, 0), count(Object.values(w.skipped).reduce((a, b) => a + b, 0)), w.halted ? 'yes' : 'no']),
      [4, 5, 6, 7, 8, 9, 10, 11, 12]));
    show(regions.plan, r.plan ? el('div', {},
      el('p', {}, `A wave is judged once ${count(r.plan.minSample)} of its devices have reported.`),
      table('The plan', ['Wave', 'Share', 'Soak', 'Failure threshold', 'Pacing'],
        r.plan.waves.map((w, i) => [`${i + 1}`, percent(w.share, 0), w.soak, percent(w.failureThreshold, 0), pacingText(w.pacing)]), [1, 3]))
      : el('p', {}, 'No plan yet.'));
  }

  function charts(release, timeline) {
    const figures = [];
    const at = p => new Date(p.at).getTime();
    const end = lastChange(release, timeline);
    if (timeline.adoption.length > 0) {
      figures.push(lineChart({
        label: `Devices running ${release.release} over time; now ${count(timeline.adoption.at(-1).devices)}`,
        series: [{ name: 'devices running it', class: 'adoption', points: untilEnd(timeline.adoption.map(p => ({ x: at(p), y: p.devices })), end) }],
        yFormat: v => count(Math.round(v)),
        whole: true,
        caption: 'Adoption: devices running the release, by release time.',
      }));
    }
    const rated = timeline.failures.filter(p => p.attempts > 0);
    if (rated.length > 0) {
      // Each wave's threshold from the time it started, as a step beside the rate.
      const thresholds = release.waves.map(w => ({ x: new Date(w.startedAt).getTime(), y: release.plan.waves[w.index].failureThreshold }));
      figures.push(lineChart({
        label: `Failure rate of ${release.release} over time against its waves' thresholds; now ${percent(rated.at(-1).failed / rated.at(-1).attempts)}`,
        series: [
          { name: 'failure rate', class: 'failures', points: untilEnd(rated.map(p => ({ x: at(p), y: p.failed / p.attempts })), end) },
          { name: 'threshold', class: 'threshold', points: untilEnd(thresholds, end) },
        ],
        yFormat: v => percent(v, 0),
        caption: 'Failure rate of every install reported so far (solid) against each wave\'s threshold from its start (dashed).',
      }));
    }
    if (timeline.recall) {
      const drain = [{ x: new Date(timeline.recall.issuedAt).getTime(), y: timeline.recall.exposed }, ...timeline.recall.points.map(p => ({ x: at(p), y: p.pending }))];
      figures.push(lineChart({
        label: `Devices still to withdraw ${release.release} since the recall; now ${count(drain.at(-1).y)}`,
        series: [{ name: 'still to withdraw', class: 'pending', points: untilEnd(drain, end) }],
        yMax: timeline.recall.exposed,
        yFormat: v => count(Math.round(v)),
        whole: true,
        caption: `The recall draining: of ${count(timeline.recall.exposed)} devices running it when it was issued, those still running it.`,
      }));
    }
    return figures.length === 0 ? el('p', {}, 'No device has reported on this release yet.') : el('div', {}, ...figures);
  }

  function commandSection(id, outcome) {
    const send = async (path, label, body) => {
      outcome.className = 'outcome';
      outcome.textContent = `${label}: sending…`;
      try {
        const answer = await api(`/releases/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });
        outcome.textContent = `${label}: ${answer.status}.`;
      } catch (error) {
        outcome.className = 'outcome refused';
        outcome.textContent = error instanceof Unreachable ? `${label}: not sent, the server cannot be reached.` : `${label} refused: ${error.message}`;
      }
    };
    const pause = el('button', { type: 'button', onclick: () => send('pause', 'Pause') }, 'Pause');
    const resume = el('button', { type: 'button', onclick: () => send('resume', 'Resume') }, 'Resume');
    const reason = el('textarea', { id: 'recall-reason', name: 'reason', 'aria-describedby': 'recall-error' });
    const understood = el('input', { type: 'checkbox', id: 'recall-understood', name: 'understood' });
    const error = el('p', { id: 'recall-error', class: 'error', role: 'alert' });
    const dialog = el('dialog', { 'aria-labelledby': 'recall-dialog-heading' },
      el('form', { method: 'dialog', novalidate: true, onsubmit: event => {
        if (event.submitter?.value !== 'recall') return;
        const why = reason.value.trim();
        if (why === '') {
          event.preventDefault();
          error.textContent = 'A recall needs a reason: say why the release is withdrawn; it is recorded with the recall.';
          reason.focus();
        } else if (!understood.checked) {
          event.preventDefault();
          error.textContent = 'Confirm that every device running it will withdraw it.';
          understood.focus();
        } else {
          send('recall', 'Recall', { reason: why });
        }
      } },
      el('h2', { id: 'recall-dialog-heading' }, `Recall ${id}`),
      el('p', {}, 'Every device that has it withdraws it; the rollout stops for good.'),
      el('label', { for: 'recall-reason' }, 'Reason (recorded with the recall)'), reason,
      el('div', { class: 'check' }, understood, el('label', { for: 'recall-understood' }, 'I understand every device running it will withdraw it.')),
      error,
      el('div', { class: 'commands' }, el('button', { type: 'submit', value: 'recall', class: 'danger' }, 'Recall it'), el('button', { type: 'submit', value: 'cancel' }, 'Cancel'))));
    const recall = el('button', { type: 'button', class: 'danger', onclick: () => {
      error.textContent = '';
      dialog.showModal();
      reason.focus();
    } }, 'Recall…');
    const commandSectionNode = section('Commands', 'commands-heading', el('div', { class: 'commands' }, pause, resume, recall), outcome, dialog);
    return {
      section: commandSectionNode,
      reflect(release) {
        pause.disabled = release.phase !== 'running';
        resume.disabled = !(release.phase === 'paused' || release.phase === 'halted');
        recall.disabled = release.recall !== null;
      },
    };
  }

  // ---- a device's page ----

  async function devicePage(id) {
    title.textContent = id;
    document.title = `${id} · BsiLedger console`;
    const state = el('div', { id: 'device-state' });
    const exposure = el('div', { id: 'device-exposure' });
    const history = el('div', { id: 'device-history' });
    const ran = el('div', { id: 'device-at', role: 'status', 'aria-live': 'polite' });
    const instant = el('input', { type: 'datetime-local', name: 'instant', step: 1, required: true });
    const at = el('form', { class: 'inline', onsubmit: async event => {
      event.preventDefault();
      if (!instant.value) return;
      const iso = new Date(`${instant.value}Z`).toISOString();
      try {
        const answer = await api(`/audit/devices/${encodeURIComponent(id)}/at?instant=${encodeURIComponent(iso)}`);
        ran.replaceChildren(answer.enrolled
          ? facts([['At', time(iso)], ['Applied', answer.applied ?? 'none'], ['Staged', answer.staged ?? 'none'], ['OS', answer.os], ['Stream version', answer.version]])
          : el('p', {}, `Not enrolled yet at ${time(iso)}.`));
      } catch (error) {
        ran.replaceChildren(el('p', { class: 'error' }, error.message));
      }
    } }, el('label', {}, 'Instant (UTC) ', instant), el('button', { type: 'submit' }, 'Show what it ran'));
    page.replaceChildren(state, section('What it ran at an instant', 'at-heading', at, ran),
      section('Exposure windows', 'exposure-heading', exposure), section('History', 'history-heading', history));
    poll(async () => {
      let device;
      try {
        device = await api(`/devices/${encodeURIComponent(id)}`);
      } catch (error) {
        if (error instanceof Answered && error.status === 404) {
          show(state, el('p', { class: 'error' }, `The ledger has no device ${id}. `, el('a', { href: '/console/' }, 'Back to the releases')));
          return;
        }
        throw error;
      }
      show(state, facts([['Platform', device.platform], ['Model', device.model], ['OS', device.os], ['Running', device.applied ? releaseLink(device.applied) : 'no release'],
        ['Staged', device.staged ? releaseLink(device.staged) : 'none'], ['Installs automatically', device.autoInstall ? 'yes' : 'no'],
        ['Managed', device.managed ? `yes (${device.mdmPolicy})` : 'no'], ['Stream version', device.version]]));
      const [events, windows] = await Promise.all([
        api(`/audit/devices/${encodeURIComponent(id)}/history`),
        api(`/audit/devices/${encodeURIComponent(id)}/exposure`),
      ]);
      show(exposure, windows.windows.length === 0 ? el('p', {}, 'It has run no release.') : table('Each window in which it ran a release',
        ['Release', 'From', 'To', 'Ended by', 'Recall'],
        windows.windows.map(w => [releaseLink(w.release), time(w.from), w.stillExposed ? 'still running' : time(w.to), w.ending ?? '–', w.recallId ?? '–'])));
      show(history, table('Every event of its stream, oldest first', ['Version', 'Time', 'Event', 'Release', 'Cause', 'Stored'],
        events.events.map(e => [e.version, time(e.at), e.type, e.release ? releaseLink(e.release) : '–', e.cause, time(e.storedAt)]), [0]));
    });
  }

  // ---- routing and signing out ----

  document.getElementById('signout').addEventListener('click', async () => {
    await fetch('/console/signout', { method: 'POST', headers: { 'X-BsiLedger-Console': '1' }, credentials: 'same-origin' }).catch(() => null);
    location.assign('/console/signin');
  });

  const path = location.pathname;
  const match = /^\/console\/(releases|devices)\/(.+)$/.exec(path);
  if (match === null) releasesPage();
  else if (match[1] === 'releases') releasePage(decodeURIComponent(match[2]));
  else devicePage(decodeURIComponent(match[2]));
})();

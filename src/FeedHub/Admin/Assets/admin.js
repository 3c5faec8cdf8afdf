// FeedHub admin page: a small script over the operator API. Everything shown is built with
// textContent and attributes, never HTML strings, so nothing a feed or an operator types can run.
'use strict';

(() => {
  const base = document.body.dataset.base || '';
  const canWrite = document.body.dataset.role === 'Operator';
  const refreshEvery = 5000;
  const $ = (selector, root = document) => root.querySelector(selector);

  // ---- API ----------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem.detail || problem.title || `The server answered ${status}.`);
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(method, path, body, extraHeaders = {}) {
    const response = await send(method, path, body, extraHeaders);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text.slice(0, 300) }; }
    if (!response.ok) throw new ApiError(response.status, data || {});
    return data;
  }

  async function send(method, path, body, extraHeaders = {}) {
    // The header tells FeedHub this request comes from its own page; a cross-site form cannot set it.
    const headers = { 'X-FeedHub-Admin': '1', Accept: 'application/json', ...extraHeaders };
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(base + path, { method, headers, body: payload, credentials: 'same-origin' });
    if (response.status === 401) {
      location.reload(); // the key was revoked or the session ended: show the sign-in form
    }
    return response;
  }

  // ---- small helpers ------------------------------------------------------------------------

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  /** Only web links become hrefs: a feed's "javascript:" link stays text. */
  function safeHref(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
  }

  function link(url, text) {
    const href = safeHref(url);
    return href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: text || url }) : document.createTextNode(text || url || '');
  }

  function when(iso) {
    if (!iso) return el('span', { class: 'muted', text: 'never' });
    const date = new Date(iso);
    return el('time', { datetime: iso, title: date.toLocaleString() , text: relative(date) });
  }

  function relative(date) {
    const seconds = Math.round((date.getTime() - Date.now()) / 1000);
    const magnitude = Math.abs(seconds);
    const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    if (magnitude < 60) return format.format(seconds, 'second');
    if (magnitude < 3600) return format.format(Math.round(seconds / 60), 'minute');
    if (magnitude < 86400) return format.format(Math.round(seconds / 3600), 'hour');
    return format.format(Math.round(seconds / 86400), 'day');
  }

  /** "1.02:03:04.5" (a .NET TimeSpan) as "1 d 2 h 3 min". */
  function duration(span) {
    if (!span) return null;
    const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(span);
    if (!match) return span;
    const [, days, hours, minutes, seconds] = match.map((part) => Number(part || 0));
    const parts = [];
    if (days) parts.push(`${days} d`);
    if (hours) parts.push(`${hours} h`);
    if (minutes) parts.push(`${minutes} min`);
    if (seconds && !days && !hours) parts.push(`${seconds} s`);
    return parts.join(' ') || '0 s';
  }

  function words(text) {
    return String(text || '').split(',').map((word) => word.trim()).filter(Boolean);
  }

  let noticeTimer;
  function notify(message, isError = false) {
    const notice = $('#notice');
    notice.textContent = message;
    notice.classList.toggle('is-error', isError);
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { notice.hidden = true; }, isError ? 15000 : 6000);
  }

  /** Puts each problem+json field error beside its input; the rest goes at the top of the form. */
  function showProblem(form, error) {
    clearProblems(form);
    const errors = (error.problem && error.problem.errors) || {};
    const unplaced = [];
    for (const [field, messages] of Object.entries(errors)) {
      const name = field.split(/[.:[]/)[0];
      const input = [...form.elements].find((element) => element.name && element.name.toLowerCase() === name.toLowerCase());
      if (input) {
        // Beside the label, not in it: the input's accessible name stays its label.
        const id = `${form.id}-${input.name}-error`;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', id);
        input.closest('label').after(el('span', { id, class: 'field-error', role: 'alert', text: messages.join(' ') }));
      } else {
        unplaced.push(...messages);
      }
    }
    const summary = Object.keys(errors).length === 0 ? error.message : unplaced.join(' ');
    $('.form-error', form).textContent = summary || (error.problem.title || '');
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach((node) => node.remove());
    form.querySelectorAll('[aria-invalid]').forEach((node) => {
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
    });
    $('.form-error', form).textContent = '';
  }

  async function busy(button, work) {
    button.disabled = true;
    try { return await work(); } finally { button.disabled = false; }
  }

  // ---- sources ------------------------------------------------------------------------------

  const sources = { shown: [], next: null, selected: null };

  function sourceQuery(limit, cursor) {
    const filters = new FormData($('#source-filters'));
    const query = new URLSearchParams();
    if (filters.get('tag')) query.set('tag', filters.get('tag'));
    if (filters.get('health')) query.set('health', filters.get('health'));
    if (filters.get('archived')) query.set('archived', 'true');
    query.set('limit', String(limit));
    if (cursor) query.set('cursor', cursor);
    return `/api/sources?${query}`;
  }

  /** Reloads as many sources as are shown, so a refresh keeps "Show more" pages. */
  async function loadSources() {
    const page = await api('GET', sourceQuery(Math.min(Math.max(sources.shown.length, 50), 500)));
    sources.shown = page.items;
    sources.next = page.next;
    renderSources();
  }

  async function loadMoreSources() {
    const page = await api('GET', sourceQuery(50, sources.next));
    sources.shown = sources.shown.concat(page.items);
    sources.next = page.next;
    renderSources();
  }

  function renderSources() {
    const body = $('#sources-table tbody');
    body.replaceChildren(...sources.shown.map(sourceRow));
    $('#sources-empty').hidden = sources.shown.length > 0;
    $('#sources-more').hidden = !sources.next;
    const failing = sources.shown.filter((source) => source.health.state === 'failing').length;
    $('#source-summary').textContent = `${sources.shown.length}${sources.next ? '+' : ''} shown` + (failing ? `, ${failing} failing` : '');
    if (sources.selected) {
      const current = sources.shown.find((source) => source.id === sources.selected);
      if (current) renderHealth(current);
    }
  }

  function sourceRow(source) {
    const health = source.health;
    const fromConfiguration = source.origin === 'configuration';
    const stateText = health.state === 'failing' && health.consecutiveFailures > 1
      ? `failing ×${health.consecutiveFailures}`
      : health.state === 'unknown' ? 'not polled yet' : health.state;
    const row = el('tr', { 'data-source-id': source.id, class: source.id === sources.selected ? 'selected' : null },
      el('td', { class: 'state-cell' }, el('span', { class: `state state-${health.state}`, text: stateText })),
      el('td', { class: 'name' },
        el('strong', { text: source.name }),
        fromConfiguration ? el('span', { class: 'badge', title: 'Declared in FeedHub:Sources; change it in configuration', text: 'config' }) : null,
        source.enabled ? null : el('span', { class: 'badge', title: source.disabledReason || 'disabled by an operator', text: 'disabled' }),
        source.archivedAt ? el('span', { class: 'badge', text: 'archived' }) : null,
        el('span', { class: 'sub' }, link(source.url))),
      el('td', { class: 'tags', text: source.tags.join(', ') }),
      el('td', { class: 'schedule', text: source.cron ? `cron ${source.cron}` : duration(source.interval) || 'adaptive' }),
      el('td', { class: 'last-success' }, when(health.lastSuccessAt)),
      el('td', { class: 'error' }, health.state === 'failing' ? errorText(health) : ''),
      el('td', { class: 'next-poll' }, health.nextPollAt ? when(health.nextPollAt) : '—',
        health.nextPollReason ? el('span', { class: 'sub', text: health.nextPollReason }) : null),
      el('td', { class: 'items' }, String(health.itemsTotal),
        el('span', { class: 'sub', text: `${health.itemsLast24Hours} in 24 h` })),
      el('td', { class: 'actions' },
        el('button', { type: 'button', class: 'quiet', onclick: () => openDetails(source.id), text: 'Details' }),
        canWrite ? el('button', { type: 'button', class: 'quiet poll', onclick: (event) => pollNow(source, event.currentTarget), text: 'Poll now' }) : null,
        canWrite && !fromConfiguration ? el('button', { type: 'button', class: 'quiet', onclick: () => editSource(source), text: 'Edit' }) : null,
        canWrite && !fromConfiguration && !source.archivedAt ? el('button', { type: 'button', class: 'quiet', onclick: () => removeSource(source), text: 'Remove' }) : null));
    return row;
  }

  function errorText(health) {
    const kind = health.lastFailureKind ? `${health.lastFailureKind}` : 'Error';
    const status = health.lastStatusCode ? ` (HTTP ${health.lastStatusCode})` : '';
    return `${kind}${status}: ${health.lastError || ''}`;
  }

  async function pollNow(source, button) {
    await busy(button, async () => {
      try {
        const result = await api('POST', `/api/sources/${source.id}/poll`);
        const summary = result.failure
          ? `${source.name}: the poll failed (${result.failure}).`
          : `${source.name}: ${result.outcome}, ${result.added} new, ${result.changed} changed.`;
        notify(summary, Boolean(result.failure));
        await loadSources();
        if (sources.selected === source.id) await openDetails(source.id);
      } catch (error) {
        notify(`${source.name}: ${error.message}`, true);
      }
    });
  }

  async function removeSource(source) {
    const dialog = $('#remove-dialog');
    $('#remove-name').textContent = source.name;
    dialog.returnValue = 'cancel';
    dialog.showModal();
    const choice = await new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }));
    if (choice !== 'keep' && choice !== 'purge') return;
    try {
      await api('DELETE', `/api/sources/${source.id}?items=${choice}`);
      notify(choice === 'keep' ? `${source.name} archived; its items stay.` : `${source.name} and its items deleted.`);
      if (sources.selected === source.id) closeDetails();
      await loadSources();
    } catch (error) {
      notify(error.message, true);
    }
  }

  // ---- one source's details -----------------------------------------------------------------

  async function openDetails(id) {
    sources.selected = id;
    const [source, items] = await Promise.all([
      api('GET', `/api/sources/${id}`),
      api('GET', `/api/items?source=${encodeURIComponent(id)}&limit=20`),
    ]);
    $('#details').hidden = false;
    renderHealth(source);
    const list = $('#details-items');
    list.replaceChildren(...items.items.map((item) => el('li', {},
      link(item.link, item.title),
      item.published ? el('time', { datetime: item.published, text: new Date(item.published).toLocaleString() }) : null)));
    $('#details-no-items').hidden = items.items.length > 0;
    document.querySelectorAll('#sources-table tr[data-source-id]').forEach((row) => row.classList.toggle('selected', row.dataset.sourceId === id));
  }

  function renderHealth(source) {
    const health = source.health;
    $('#details-heading').textContent = source.name;
    const facts = [
      ['URL', link(source.url)],
      ['Feed', source.feedTitle ? link(source.siteLink, source.feedTitle) : '—'],
      ['State', el('span', { class: `state state-${health.state}`, text: health.state })],
      ['Last attempt', when(health.lastAttemptAt)],
      ['Last success', when(health.lastSuccessAt)],
      ['Last HTTP status', health.lastStatusCode ? String(health.lastStatusCode) : '—'],
      ['Failures in a row', String(health.consecutiveFailures)],
      ['Last error', health.lastError ? errorText(health) : '—'],
      ['Next poll', health.nextPollAt ? el('span', {}, when(health.nextPollAt), ` — ${health.nextPollReason || ''}`) : '—'],
      ...(source.disabledReason ? [['Disabled', source.disabledReason]] : []),
      ...(health.movedPermanentlyTo ? [['Moved permanently to', link(health.movedPermanentlyTo)]] : []),
      ...(health.push ? [['WebSub push', `${health.push.state} at ${health.push.hub}`
        + (health.push.leaseUntil ? `, lease until ${new Date(health.push.leaseUntil).toLocaleString()}` : '')
        + (health.push.lastError ? ` — ${health.push.lastError}` : '')]] : []),
      ['Items', `${health.itemsTotal} in all, ${health.itemsLast24Hours} in the last 24 h`],
      ['Average interval', duration(health.averageItemInterval) || '—'],
      ['Time zone', source.timeZone || '—'],
      ['Language', source.language || '—'],
      ['From', source.origin === 'configuration' ? 'configuration (FeedHub:Sources)' : 'the API'],
    ];
    $('#details-health').replaceChildren(...facts.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', {}, value)]));
  }

  function closeDetails() {
    sources.selected = null;
    $('#details').hidden = true;
    document.querySelectorAll('#sources-table tr.selected').forEach((row) => row.classList.remove('selected'));
  }

  // ---- add, edit, preview -------------------------------------------------------------------

  const sourceForm = $('#source-form');

  function definitionFrom(form) {
    const data = new FormData(form);
    const text = (name) => (data.get(name) || '').toString().trim() || null;
    const headers = {};
    for (const line of (data.get('headers') || '').toString().split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
    const definition = {
      url: text('url'),
      name: text('name'),
      tags: words(data.get('tags')),
      interval: text('interval'),
      cron: text('cron'),
      timeZone: text('timeZone'),
      language: text('language'),
      headers,
      username: text('username'),
      fullContent: data.get('fullContent') === 'on',
      enabled: data.get('enabled') === 'on',
    };
    if (text('password')) definition.password = text('password');
    return definition;
  }

  async function saveSource(event) {
    event.preventDefault();
    const id = sourceForm.dataset.editing;
    await busy($('#save-button'), async () => {
      try {
        const saved = id
          ? await api('PUT', `/api/sources/${id}`, definitionFrom(sourceForm))
          : await api('POST', '/api/sources', definitionFrom(sourceForm));
        notify(id ? `${saved.name} saved.` : `${saved.name} added; its first poll comes within seconds.`);
        resetSourceForm();
        await loadSources();
      } catch (error) {
        showProblem(sourceForm, error);
      }
    });
  }

  function editSource(source) {
    resetSourceForm();
    sourceForm.dataset.editing = source.id;
    const set = (name, value) => { sourceForm.elements[name].value = value ?? ''; };
    set('url', source.url);
    set('name', source.name);
    set('tags', source.tags.join(', '));
    set('interval', source.interval);
    set('cron', source.cron);
    set('timeZone', source.timeZone);
    set('language', source.language);
    set('username', source.username);
    sourceForm.elements.password.placeholder = source.hasPassword ? 'unchanged' : '';
    set('headers', Object.entries(source.headers).map(([name, value]) => `${name}: ${value}`).join('\n'));
    sourceForm.elements.fullContent.checked = source.fullContent;
    sourceForm.elements.enabled.checked = source.enabled;
    $('#form-heading').textContent = `Edit ${source.name}`;
    $('#save-button').textContent = 'Save changes';
    $('#cancel-edit').hidden = false;
    $('#add').scrollIntoView({ behavior: 'smooth' });
  }

  function resetSourceForm() {
    sourceForm.reset();
    delete sourceForm.dataset.editing;
    sourceForm.elements.password.placeholder = '';
    clearProblems(sourceForm);
    $('#form-heading').textContent = 'Add a source';
    $('#save-button').textContent = 'Add source';
    $('#cancel-edit').hidden = true;
    $('#preview').hidden = true;
  }

  async function previewSource() {
    const definition = definitionFrom(sourceForm);
    const panel = $('#preview');
    await busy($('#preview-button'), async () => {
      try {
        clearProblems(sourceForm);
        const preview = await api('POST', '/api/sources/preview', { url: definition.url, timeZone: definition.timeZone });
        renderPreview(panel, preview);
      } catch (error) {
        panel.hidden = true;
        showProblem(sourceForm, error);
      }
    });
  }

  function renderPreview(panel, preview) {
    const children = [el('h3', { text: preview.error ? 'Not a feed FeedHub can read' : `${preview.title || 'Untitled feed'}` })];
    if (preview.error) {
      children.push(el('p', { class: 'error', text: preview.error }));
    } else {
      children.push(el('p', { class: 'preview-summary', text: `${preview.format}, ${preview.itemCount} item${preview.itemCount === 1 ? '' : 's'}` }));
      children.push(el('ol', { class: 'items' }, ...preview.firstItems.map((item) => el('li', {},
        link(item.link, item.title),
        item.published ? el('time', { datetime: item.published, text: new Date(item.published).toLocaleString() }) : null))));
    }
    if (preview.warnings.length) {
      children.push(el('details', {}, el('summary', { text: `${preview.warnings.length} warning${preview.warnings.length === 1 ? '' : 's'}` }),
        el('ul', {}, ...preview.warnings.map((warning) => el('li', { text: warning })))));
    }
    panel.replaceChildren(...children);
    panel.hidden = false;
  }

  // ---- OPML ---------------------------------------------------------------------------------

  async function importOpml(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const progress = $('#opml-progress');
    const status = $('#opml-status');
    const problems = $('#opml-problems');
    problems.replaceChildren();
    await busy($('button[type=submit]', form), async () => {
      progress.hidden = false;
      progress.removeAttribute('value');
      status.textContent = 'Uploading…';
      try {
        const response = await send('POST', '/api/opml', new FormData(form), { Accept: 'application/x-ndjson' });
        if (!response.ok) {
          const problem = await response.json().catch(() => ({}));
          throw new ApiError(response.status, problem);
        }
        const result = await readProgress(response, (line) => {
          progress.max = Math.max(line.total, 1);
          progress.value = line.processed;
          status.textContent = `${line.processed} of ${line.total} outlines`;
        });
        progress.max = 1;
        progress.value = 1;
        status.textContent = `Imported: ${result.added} added, ${result.duplicates.length} already there, ${result.invalid.length} invalid, of ${result.total}.`;
        problems.replaceChildren(...result.invalid.map((outline) => el('li', { text: `${outline.title || outline.url || 'outline'}: ${outline.errors.join(' ')}` })));
        form.reset();
        await loadSources();
      } catch (error) {
        progress.hidden = true;
        status.textContent = '';
        notify(`OPML import: ${error.message}`, true);
      }
    });
  }

  /** Reads the NDJSON progress stream line by line; the last line carries the result. */
  async function readProgress(response, onProgress) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    let result = null;
    for (;;) {
      const { value, done } = await reader.read();
      buffered += decoder.decode(value || new Uint8Array(), { stream: !done });
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line) continue;
        const message = JSON.parse(line);
        if (message.done) result = message;
        else onProgress(message);
      }
      if (done) break;
    }
    if (buffered.trim()) {
      const message = JSON.parse(buffered);
      if (message.done) result = message;
    }
    if (!result) throw new Error('the import stopped before it reported a result');
    return result;
  }

  async function exportOpml(event) {
    await busy(event.currentTarget, async () => {
      try {
        const response = await send('GET', '/api/opml', undefined, { Accept: 'text/x-opml' });
        if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
        const url = URL.createObjectURL(await response.blob());
        const anchor = el('a', { href: url, download: 'feedhub-sources.opml' });
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      } catch (error) {
        notify(`OPML export: ${error.message}`, true);
      }
    });
  }

  // ---- merged feeds -------------------------------------------------------------------------

  async function loadFeeds() {
    const feeds = await api('GET', '/api/feeds');
    $('#feeds-table tbody').replaceChildren(...feeds.map(feedRow));
  }

  function feedRow(feed) {
    const selection = [];
    if (feed.tags.length) selection.push(`tags ${feed.tags.join(', ')}`);
    if (feed.sourceIds.length) selection.push(`${feed.sourceIds.length} source${feed.sourceIds.length === 1 ? '' : 's'}`);
    if (!feed.tags.length && !feed.sourceIds.length) selection.push('every source');
    if (feed.include.length) selection.push(`with ${feed.include.join(' | ')}`);
    if (feed.exclude.length) selection.push(`without ${feed.exclude.join(' | ')}`);
    if (feed.categories.length) selection.push(`in ${feed.categories.join(', ')}`);
    if (feed.language) selection.push(`language ${feed.language}`);
    const removable = canWrite && feed.origin !== 'configuration' && feed.slug !== 'all';
    return el('tr', { 'data-feed-slug': feed.slug },
      el('td', {}, el('strong', { text: feed.title }), el('span', { class: 'sub', text: feed.slug }),
        feed.origin === 'configuration' ? el('span', { class: 'badge', text: 'config' }) : null),
      el('td', { text: selection.join('; ') }),
      el('td', { text: feed.private ? 'private (token)' : 'public' }),
      el('td', { class: 'links' },
        feedLink(feed.links.rss, 'RSS'), ' ', feedLink(feed.links.atom, 'Atom'), ' ',
        feedLink(feed.links.json, 'JSON'), ' ', feedLink(feed.links.html, 'Page')),
      el('td', { class: 'actions' }, removable ? el('button', { type: 'button', class: 'quiet', onclick: () => removeFeed(feed), text: 'Delete' }) : null));
  }

  function feedLink(url, text) {
    // Feed links are this FeedHub's own; they may be relative to a proxy's base path.
    return el('a', { href: url, target: '_blank', rel: 'noopener', text });
  }

  async function addFeed(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name) => (data.get(name) || '').toString().trim() || null;
    const declaration = {
      slug: text('slug'),
      title: text('title'),
      tags: words(data.get('tags')),
      include: words(data.get('include')),
      exclude: words(data.get('exclude')),
      categories: words(data.get('categories')),
      language: text('language'),
      limit: text('limit') ? Number(text('limit')) : null,
      private: data.get('private') === 'on',
    };
    try {
      clearProblems(form);
      const feed = await api('POST', '/api/feeds', declaration);
      notify(`Merged feed ${feed.slug} created.`);
      form.reset();
      await loadFeeds();
    } catch (error) {
      showProblem(form, error);
    }
  }

  async function removeFeed(feed) {
    if (!confirm(`Delete the merged feed ${feed.slug}? Its readers will get 404; no items are deleted.`)) return;
    try {
      await api('DELETE', `/api/feeds/${encodeURIComponent(feed.slug)}`);
      notify(`Merged feed ${feed.slug} deleted.`);
      await loadFeeds();
    } catch (error) {
      notify(error.message, true);
    }
  }

  // ---- wiring -------------------------------------------------------------------------------

  function guarded(work) {
    return async (...args) => {
      try { await work(...args); } catch (error) { notify(error.message, true); }
    };
  }

  $('#source-filters').addEventListener('submit', guarded(async (event) => { event.preventDefault(); sources.shown = []; await loadSources(); }));
  $('#source-filters').addEventListener('change', guarded(async () => { sources.shown = []; await loadSources(); }));
  $('#sources-more').addEventListener('click', guarded(loadMoreSources));
  $('#details-close').addEventListener('click', closeDetails);
  sourceForm.addEventListener('submit', saveSource);
  $('#preview-button').addEventListener('click', previewSource);
  $('#cancel-edit').addEventListener('click', resetSourceForm);
  $('#opml-form').addEventListener('submit', importOpml);
  $('#opml-export').addEventListener('click', exportOpml);
  $('#feed-form').addEventListener('submit', addFeed);

  // Health changes on the workers' schedule; keep the table current while the page is in view.
  setInterval(() => {
    if (document.visibilityState === 'visible') guarded(loadSources)();
  }, refreshEvery);

  guarded(loadSources)();
  guarded(loadFeeds)();
})();

/*
 * Office search of offices/: filters the adopted offices (or every target
 * office, with `[search] include_not_adopted`) as the user types.
 *
 * Plain script, no build step, loaded with `defer`. Without it the page
 * still lists every adopted office. The index (search/index.json, written by
 * src/render/search/mod.rs) is fetched on first use: column arrays, facet
 * values stored once, office numbers as sorted differences. A large site's
 * index comes in parts by municipality; a search in one municipality fetches
 * only its part; a text search across all of them fetches the one bucket of
 * text grams (src/render/search/grams.rs) that holds every office containing
 * a pair of characters of the query, and only a query made of very common
 * pairs (or no text) fetches the parts in order, showing results as they arrive.
 *
 * `fold` and `terms` must stay the same functions as src/fold.rs:
 * tests/fixtures/folding-cases.json is checked against both.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- folding

  /** Separate query words; ignored inside a word. */
  const SPACES = '\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006' +
    '\u2007\u2008\u2009\u200A\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF';
  /** Long-vowel marks, the dashes typed for them, middle dots. */
  const IGNORED = '-~\u00B7\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2053\u301C\u30FB\u30FC';
  const SMALL = {
    'ぁ': 'あ', 'ぃ': 'い', 'ぅ': 'う', 'ぇ': 'え', 'ぉ': 'お', 'っ': 'つ',
    'ゃ': 'や', 'ゅ': 'ゆ', 'ょ': 'よ', 'ゎ': 'わ', 'ゕ': 'け', 'ゖ': 'け',
  };
  const KANJI = {
    '髙': '高', '﨑': '崎', '嵜': '崎', '濵': '浜', '濱': '浜', '邊': '辺', '邉': '辺', '櫻': '桜',
    '澤': '沢', '嶋': '島', '廣': '広', '國': '国', '德': '徳', '齋': '斎', '瀨': '瀬', '冨': '富',
  };
  const SPLIT = new RegExp('[' + Array.from(SPACES, (c) =>
    '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + ']');

  /** Folds text for comparison: NFKC, lowercase, kana and marks as in fold.rs. */
  function fold(text) {
    const normalized = text.normalize('NFKC').toLowerCase();
    let out = '';
    for (let c of normalized) {
      if (SPACES.includes(c) || IGNORED.includes(c)) continue;
      const code = c.codePointAt(0);
      if ((code >= 0x30A1 && code <= 0x30F6) || code === 0x30FD || code === 0x30FE) {
        c = String.fromCodePoint(code - 0x60);
      }
      out += SMALL[c] || KANJI[c] || c;
    }
    return out;
  }

  /** The folded words of a query; words that fold to nothing are dropped. */
  function terms(query) {
    return query.normalize('NFKC').split(SPLIT).map(fold).filter((t) => t !== '');
  }

  /** An office number from its value (base 10, the third character base 36). */
  function numberText(value) {
    let text = '';
    for (let i = 9; i >= 0; i--) {
      const radix = i === 2 ? 36 : 10;
      const digit = value % radix;
      value = Math.floor(value / radix);
      text = (digit < 10 ? String(digit) : String.fromCharCode(55 + digit)) + text;
    }
    return text;
  }

  /**
   * For tests and bench/search.mjs: the folding, per-keystroke timings in ms,
   * and when (performance.now()) the first results showed and the index was complete.
   */
  const api = { fold, terms, numberText, timings: [], ready: false };
  globalThis.renkeiSearch = api;
  if (typeof document === 'undefined') return;

  // ------------------------------------------------------------------- page

  const root = document.getElementById('office-search');
  const results = document.getElementById('office-results');
  if (!root || !results) return;
  const form = root.querySelector('form');
  const controls = {
    q: document.getElementById('search-q'),
    m: document.getElementById('search-m'),
    s: document.getElementById('search-s'),
    w: document.getElementById('search-w'),
    a: document.getElementById('search-a'),
    r: document.getElementById('search-r'),
    l: document.getElementById('search-l'),
  };
  const countLine = document.getElementById('search-count');
  const status = document.getElementById('search-status');
  const indexUrl = new URL(root.dataset.index, location.href);
  /** An office's page, with {number} for its number: made by the generator. */
  const officePattern = root.dataset.office;
  /** Offices shown at once; a button shows the next ones. */
  const PAGE = 50;
  /** Above this many previous matches, scanning the joined text again is faster. */
  const RESCAN = 4096;
  /** Parts fetched at the same time. */
  const FETCHES = 3;

  let manifest = null;
  let manifestLoad = null;
  /** Per part: null (not asked), a promise (loading) or the prepared part. */
  let parts = [];
  /** Per gram bucket, the same; and the stop pairs, filed in no bucket. */
  let buckets = [];
  let stopGrams = new Set();
  let partRefs = [];
  let limit = PAGE;
  let lastEdit = 0;
  let announceTimer = 0;
  let renderQueued = false;
  let active = false;
  /** Parts waiting to be fetched, and how many are being fetched. */
  const queue = [];
  let inFlight = 0;
  /** Bumped whenever a part arrives, so earlier matches are not reused. */
  let generation = 0;
  /** The last filtering, reused while the user types on. */
  let previous = null;

  root.hidden = false;
  countLine.textContent = root.dataset.total && root.dataset.total !== root.dataset.adopted
    ? '対象の事業所 ' + root.dataset.total + '件（うち導入済み ' + root.dataset.adopted + '件）'
    : '導入済みの事業所 ' + root.dataset.adopted + '件';

  function loadManifest() {
    if (!manifestLoad) {
      manifestLoad = fetch(indexUrl)
        .then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then((data) => {
          manifest = data;
          const m = data.municipalities;
          m.index = new Map(m.code.map((code, i) => [code, i]));
          if (data.rows) {
            partRefs = [{ from: 0, to: m.code.length - 1 }];
            parts = [prepare(data.rows)];
          } else {
            partRefs = data.parts;
            parts = partRefs.map(() => null);
          }
          if (data.grams) {
            buckets = new Array(data.grams.buckets).fill(null);
            stopGrams = new Set(data.grams.stop);
          }
        })
        .catch(() => {
          manifestLoad = null;
          countLine.textContent = '検索データを読み込めませんでした。ページを再読み込みしてください。';
        });
    }
    return manifestLoad;
  }

  /**
   * Decodes a part and gives each row its folded haystack, in display order.
   * The haystacks are also joined into one text per part, so the first word
   * of a query is found by one native `indexOf` scan instead of one call per row.
   */
  function prepare(part) {
    const m = manifest.municipalities;
    const corporations = part.corporations.map(fold);
    const rows = [];
    const planned = new Set(part.planned || []);
    let value = 0;
    for (let i = 0; i < part.name.length; i++) {
      value += part.number[i];
      const number = numberText(value);
      const mi = part.municipality[i];
      const hay = [
        fold(part.name[i]), part.key[i], corporations[part.corporation[i]], number.toLowerCase(),
        fold(manifest.prefecture + m.name[mi] + part.address[i]), m.key[mi],
      ].join('\n');
      rows.push({ part, i, m: mi, st: part.status[i], p: planned.has(i), s: part.services[i], key: part.key[i], number, hay });
    }
    rows.sort((a, b) => a.m - b.m || compare(a.key, b.key) || compare(a.number, b.number));
    part.rows = rows;
    part.starts = new Int32Array(rows.length + 1);
    let offset = 0;
    rows.forEach((row, r) => {
      part.starts[r] = offset;
      offset += row.hay.length + 1;
    });
    part.starts[rows.length] = offset;
    part.text = rows.map((row) => row.hay).join('\u0001') + '\u0001';
    return part;
  }

  /** Rows of a part whose haystack contains `word`, in display order. */
  function rowsWith(part, word) {
    const { text, starts, rows } = part;
    const found = [];
    let at = text.indexOf(word);
    while (at >= 0) {
      let low = 0;
      let high = rows.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= at) low = mid;
        else high = mid - 1;
      }
      found.push(rows[low]);
      at = text.indexOf(word, starts[low + 1]);
    }
    return found;
  }

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function loaded(p) {
    return parts[p] && !(parts[p] instanceof Promise);
  }

  /** A gram's bucket: FNV-1a over its code points, as grams.rs. */
  function gramBucket(gram) {
    let h = 2166136261;
    for (const c of gram) {
      h ^= c.codePointAt(0);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h % buckets.length;
  }

  /**
   * The bucket holding every office that matches `words`: that of a pair of
   * characters of one word (the longest first) that is not a stop pair, or,
   * for a whole office number, of the number; -1 when there is none.
   */
  function bucketFor(words) {
    if (buckets.length === 0) return -1;
    const byLength = words.slice().sort((a, b) => b.length - a.length);
    for (const word of byLength) {
      if (/^[0-9]{2}[0-9a-z][0-9]{7}$/.test(word)) return gramBucket('#' + word);
      const chars = Array.from(word);
      for (let i = 0; i + 1 < chars.length; i++) {
        const gram = chars[i] + chars[i + 1];
        if (!stopGrams.has(gram)) return gramBucket(gram);
      }
    }
    return -1;
  }

  /** Fetches a bucket once; 1 while it is missing, 0 once it is there. */
  function ensureBucket(b) {
    if (buckets[b] && !(buckets[b] instanceof Promise)) return 0;
    if (!buckets[b]) {
      buckets[b] = fetch(new URL('g/' + b + '.json', indexUrl))
        .then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then((data) => {
          buckets[b] = prepare(data);
          generation++;
          queueRender();
        })
        .catch(() => {
          buckets[b] = null;
        });
    }
    return 1;
  }

  /**
   * Queues the parts a state needs (all of them unless a municipality is
   * chosen), the needed ones first and in municipality order, and returns
   * how many are still missing. A few are fetched at a time, so the first
   * results come after the first parts rather than after all of them.
   */
  function ensureParts(wanted) {
    const needed = [];
    partRefs.forEach((ref, p) => {
      if (loaded(p)) return;
      if (wanted && !wanted.some((mi) => mi >= ref.from && mi <= ref.to)) return;
      needed.push(p);
    });
    for (const p of needed.slice().reverse()) {
      const at = queue.indexOf(p);
      if (at >= 0) queue.splice(at, 1);
      if (!parts[p]) queue.unshift(p);
    }
    pump();
    return needed.length;
  }

  function pump() {
    while (inFlight < FETCHES && queue.length > 0) {
      const p = queue.shift();
      if (parts[p]) continue;
      inFlight++;
      parts[p] = fetch(new URL(partRefs[p].url, indexUrl))
        .then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then((data) => {
          parts[p] = prepare(data);
          generation++;
          queueRender();
        })
        .catch(() => {
          parts[p] = null;
        })
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  }

  // ------------------------------------------------------------------ state

  function readControls() {
    return {
      q: controls.q.value,
      m: controls.m.value,
      s: controls.s.value,
      w: controls.w.value,
      a: controls.a ? controls.a.value : '',
      r: controls.r ? controls.r.value : '',
      l: controls.l.checked ? '1' : '',
    };
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const state = {};
    for (const key of ['q', 'm', 's', 'w', 'a', 'r', 'l']) state[key] = params.get(key) || '';
    return state;
  }

  function hasState(state) {
    return Object.values(state).some((v) => v !== '');
  }

  function applyToControls(state) {
    controls.q.value = state.q;
    for (const key of ['m', 's', 'w', 'a', 'r']) {
      const select = controls[key];
      if (!select) continue;
      select.value = state[key];
      if (select.value !== state[key]) select.value = '';
    }
    controls.l.checked = state.l === '1';
  }

  function stateUrl(state) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state)) if (value !== '') params.set(key, value);
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  /** Records the state in the address bar: a burst of typing is one history entry. */
  function remember(state, typing) {
    const url = stateUrl(state);
    if (url === location.pathname + location.search) return;
    const now = Date.now();
    if (typing && now - lastEdit < 1500) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    if (typing) lastEdit = now;
  }

  // ----------------------------------------------------------------- filter

  /** Municipality indexes a chosen code stands for: a designated city includes its wards. */
  function chosenMunicipalities(code) {
    const m = manifest.municipalities;
    const index = m.index.get(code);
    if (index === undefined) return [];
    const chosen = [index];
    m.parent.forEach((parent, i) => {
      if (parent === index) chosen.push(i);
    });
    return chosen;
  }

  /**
   * Whether every row matching `now` also matched `old` (typing on at the end),
   * and the old matches are few enough that checking them beats scanning.
   */
  function narrower(old, now, rows) {
    return rows < RESCAN && old.length > 0 && old.length <= now.length &&
      old.every((word, i) => now[i].includes(word));
  }

  /**
   * The matching rows in display order, how many of them have adopted, and how
   * many each municipality has. While the user types on, only the previous
   * matches are checked again.
   */
  function filter(state, source) {
    const words = terms(state.q);
    const facets = [state.m, state.s, state.w, state.a, state.r, state.l, source.key].join('\u0001');
    const perMunicipality = new Int32Array(manifest.municipalities.code.length);
    const matches = [];
    let adopted = 0;
    const keep = (row) => {
      matches.push(row);
      perMunicipality[row.m]++;
      if (row.st !== 0) adopted++;
    };
    if (previous && previous.facets === facets && previous.generation === generation &&
        narrower(previous.words, words, previous.rows.length)) {
      for (const row of previous.rows) {
        if (words.every((word) => row.hay.includes(word))) keep(row);
      }
    } else {
      const wanted = state.m ? chosenMunicipalities(state.m) : null;
      const inMunicipality = wanted && new Set(wanted);
      const service = state.s ? manifest.services.indexOf(state.s) : -1;
      const software = state.w ? manifest.software.name.indexOf(state.w) : -1;
      const area = state.r ? (manifest.areas || []).indexOf(state.r) : -1;
      const impossible = (state.s && service < 0) || (state.w && software < 0) || (state.r && area < 0);
      // The longest word narrows most: scan for it, check the rest per row.
      const first = words.reduce((a, b) => (b.length > a.length ? b : a), '');
      const rest = words.filter((w) => w !== first);
      for (const part of impossible ? [] : source.parts) {
        if (!part || part instanceof Promise) continue;
        const offers = service < 0 ? null : part.combinations.map((c) => c.includes(service));
        const candidates = first ? rowsWith(part, first) : part.rows;
        for (const row of candidates) {
          if (inMunicipality && !inMunicipality.has(row.m)) continue;
          if (offers && !offers[row.s]) continue;
          if (area >= 0 && part.area[row.i] !== area + 1) continue;
          const st = row.st;
          if (state.a === '1' && st === 0) continue;
          if (state.a === '0' && (st !== 0 || row.p)) continue;
          if (state.a === 'p' && !row.p) continue;
          if (state.l && (st === 0 || ((st - 1) & 1) === 0)) continue;
          if (software >= 0 && (st === 0 || ((st - 1) >> 1) - 1 !== software)) continue;
          if (!rest.every((word) => row.hay.includes(word))) continue;
          keep(row);
        }
      }
    }
    previous = { facets, generation, words, rows: matches };
    return { matches, adopted, perMunicipality };
  }

  // ----------------------------------------------------------------- render

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fact(list, term, value) {
    const row = element('div');
    row.append(element('dt', '', term));
    const dd = element('dd');
    dd.append(value);
    row.append(dd);
    list.append(row);
  }

  /** One office, in the same markup as the list the page has without JavaScript. */
  function officeItem(row) {
    const part = row.part;
    const i = row.i;
    const m = manifest.municipalities;
    const st = part.status[i];
    const item = element('li', 'office');
    item.tabIndex = -1;
    const heading = element('h3', 'office-name auto-phrase');
    const link = element('a', '', part.name[i]);
    link.href = officePattern.replace('{number}', row.number);
    heading.append(link);
    item.append(heading);
    const badges = element('p', 'office-status');
    if (row.p) {
      badges.append(element('span', 'office-badge office-planned', '導入予定'));
    } else if (st === 0) {
      badges.append(element('span', 'office-badge office-not-adopted', '未導入'));
    } else {
      badges.append(element('span', 'office-badge office-adopted', '導入済み'));
      if ((st - 1) & 1) badges.append(element('span', 'office-badge office-linking', '連携開始'));
    }
    item.append(badges);
    const facts = element('dl', 'office-facts');
    fact(facts, '事業所番号', row.number);
    if (part.address[i]) fact(facts, '所在地', m.name[row.m] + part.address[i]);
    const corporation = part.corporations[part.corporation[i]];
    if (corporation) fact(facts, '法人', corporation);
    const services = part.combinations[part.services[i]].map((s) => manifest.services[s]);
    fact(facts, 'サービス', services.join('、'));
    const software = st === 0 ? -1 : ((st - 1) >> 1) - 1;
    if (software >= 0) {
      const name = manifest.software.name[software];
      const url = manifest.software.url[software];
      let value = name;
      if (url) {
        value = element('a', '', name);
        value.href = url;
      }
      fact(facts, '介護ソフト', value);
    }
    item.append(facts);
    return item;
  }

  function render(matches, perMunicipality, loading) {
    const m = manifest.municipalities;
    const fragment = document.createDocumentFragment();
    let list = null;
    let current = -1;
    const shown = Math.min(limit, matches.length);
    for (let k = 0; k < shown; k++) {
      const row = matches[k];
      if (row.m !== current) {
        current = row.m;
        const section = element('section', 'office-group');
        const id = 'm-' + m.code[current];
        section.setAttribute('aria-labelledby', id);
        const heading = element('h2');
        heading.id = id;
        const link = element('a', '', m.name[current]);
        link.href = m.url[current];
        heading.append(link, element('small', '', perMunicipality[current] + '件'));
        list = element('ul', 'office-list');
        section.append(heading, list);
        fragment.append(section);
      }
      list.append(officeItem(row));
    }
    if (matches.length === 0 && !loading) {
      const empty = element('div', 'office-empty');
      empty.append(element('p', '', '条件に合う事業所はありません。'));
      empty.append(element('p', '', manifest.all
        ? '表記を変えるか（例：よみがなで入力する）、絞り込みを外してお試しください。'
        : 'この一覧は導入済みの事業所だけです。見つからない事業所は、まだ導入していない可能性があります。表記を変えるか、絞り込みを外してお試しください。'));
      fragment.append(empty);
    }
    if (matches.length > shown) {
      const more = element('button', 'office-more',
        'さらに' + Math.min(PAGE, matches.length - shown) + '件を表示（残り' + (matches.length - shown) + '件）');
      more.type = 'button';
      more.dataset.next = String(shown);
      fragment.append(more);
    }
    results.replaceChildren(fragment);
  }

  function describe(count, adopted, loading) {
    let text = count + '件の事業所が見つかりました';
    if (manifest.all) text += '（うち導入済み' + adopted + '件）';
    if (loading) text += '（検索データを読み込み中）';
    return text;
  }

  /** Filters and renders the current state; returns nothing, records timings. */
  function update() {
    if (!manifest) {
      countLine.textContent = '検索データを読み込み中…';
      loadManifest().then(() => manifest && update());
      return;
    }
    active = true;
    const state = readControls();
    // Across every municipality, a text query needs one bucket, not every part.
    const bucket = state.m ? -1 : bucketFor(terms(state.q));
    let waiting;
    let source;
    if (bucket >= 0) {
      waiting = ensureBucket(bucket);
      source = { key: 'g' + bucket, parts: waiting ? [] : [buckets[bucket]] };
    } else {
      waiting = ensureParts(state.m ? chosenMunicipalities(state.m) : null);
      source = { key: 'parts', parts };
    }
    const t0 = performance.now();
    const { matches, adopted, perMunicipality } = filter(state, source);
    const t1 = performance.now();
    render(matches, perMunicipality, waiting > 0);
    const t2 = performance.now();
    api.timings.push({ filter: t1 - t0, render: t2 - t1, matches: matches.length, loading: waiting > 0 });
    if (api.timings.length > 500) api.timings.shift();
    const text = describe(matches.length, adopted, waiting > 0);
    countLine.textContent = text;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      status.textContent = text;
    }, 500);
    api.ready = waiting === 0;
    if (matches.length > 0 && api.firstResultsAt === undefined) api.firstResultsAt = t2;
    if (api.ready && api.readyAt === undefined) api.readyAt = t2;
  }

  function queueRender() {
    if (renderQueued || !active) return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      update();
    });
  }

  // ----------------------------------------------------------------- events

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('focusin', () => loadManifest(), { once: true });
  controls.q.addEventListener('input', () => {
    limit = PAGE;
    remember(readControls(), true);
    update();
  });
  form.addEventListener('change', (event) => {
    if (event.target === controls.q) return;
    limit = PAGE;
    remember(readControls(), false);
    update();
  });
  window.addEventListener('popstate', () => {
    applyToControls(readUrl());
    limit = PAGE;
    update();
  });

  results.addEventListener('click', (event) => {
    const more = event.target.closest('.office-more');
    if (!more) return;
    const first = Number(more.dataset.next);
    limit = first + PAGE;
    update();
    const items = results.querySelectorAll('.office');
    if (items[first]) items[first].focus();
  });

  /** Arrow keys move between offices; Escape goes back to the search box. */
  function offices() {
    return Array.from(results.querySelectorAll('.office'));
  }
  controls.q.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = results.querySelector('.office');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  results.addEventListener('keydown', (event) => {
    const item = event.target.closest('.office');
    if (!item || event.target !== item) {
      if (event.key === 'Escape' && item) controls.q.focus();
      return;
    }
    const list = offices();
    const at = list.indexOf(item);
    let next = null;
    if (event.key === 'ArrowDown') next = list[at + 1];
    else if (event.key === 'ArrowUp') next = at === 0 ? controls.q : list[at - 1];
    else if (event.key === 'Home') next = list[0];
    else if (event.key === 'End') next = list[list.length - 1];
    else if (event.key === 'Escape') next = controls.q;
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });

  const initial = readUrl();
  if (hasState(initial)) {
    applyToControls(initial);
    update();
  }
})();

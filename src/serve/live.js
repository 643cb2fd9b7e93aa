// renkei serve's live reload, carried by pages the preview serves (never by
// the output of `renkei build`). After a rebuild it reloads the page, or
// swaps changed stylesheets in place; while the last build failed it shows
// the errors over the page. It reconnects by itself when the server restarts.
// Its words come from the server, in the run's language, as data- attributes
// of its script tag (data-title, data-never-built, data-last-good, data-more,
// data-close).
(() => {
  'use strict';
  const script = document.currentScript;
  const words = script.dataset;
  let build = script.dataset.build;
  let wait = 200;

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/__renkei/live`);
    socket.onopen = () => { wait = 200; };
    socket.onmessage = (event) => update(JSON.parse(event.data));
    socket.onclose = () => {
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 2000);
    };
  };

  // A message names the build now served; a page of another build reloads,
  // unless only stylesheets changed since its own build.
  const update = (message) => {
    if (message.build !== build) {
      if (message.css.length === 0 || message.prev !== build) {
        location.reload();
        return;
      }
      swap(message.css, message.build);
      build = message.build;
    }
    overlay(message.errors, message.more);
  };

  const swap = (paths, version) => {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      if (!paths.includes(decodeURIComponent(url.pathname.slice(1)))) continue;
      url.searchParams.set('renkei', version);
      const fresh = link.cloneNode();
      fresh.href = url.href;
      const done = () => link.remove();
      fresh.addEventListener('load', done);
      fresh.addEventListener('error', done);
      link.after(fresh);
    }
  };

  const element = (name, className, text) => {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const style = `
    .backdrop { position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
      background: rgba(0, 0, 0, 0.55); padding: 16px; box-sizing: border-box;
      font: 16px/1.6 system-ui, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; }
    .panel { max-width: 56rem; margin: 5vh auto; background: #fff; color: #1a1a1a;
      border-top: 6px solid #b3261e; border-radius: 6px; padding: 20px 24px;
      box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35); }
    h2 { margin: 0 0 8px; font-size: 1.25rem; color: #b3261e; }
    p { margin: 0 0 16px; }
    ul { margin: 0 0 16px; padding: 0; list-style: none; }
    li { padding: 10px 0; border-top: 1px solid #ddd; }
    code { display: block; font: 600 0.95rem/1.5 ui-monospace, "Noto Sans Mono CJK JP", monospace;
      color: #1a1a1a; overflow-wrap: anywhere; }
    .message { display: block; overflow-wrap: anywhere; }
    button { font: inherit; padding: 6px 16px; border: 1px solid #555; border-radius: 4px;
      background: #fff; color: #1a1a1a; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  `;

  const overlay = (errors, more) => {
    let host = document.getElementById('renkei-error-overlay');
    if (errors.length === 0) {
      host?.remove();
      return;
    }
    if (!host) {
      host = element('div');
      host.id = 'renkei-error-overlay';
      host.attachShadow({ mode: 'open' });
      document.body.append(host);
    }
    host.hidden = false;
    const backdrop = element('div', 'backdrop');
    const panel = element('div', 'panel');
    panel.setAttribute('role', 'alert');
    const neverBuilt = build.endsWith('.0');
    panel.lang = words.lang;
    panel.append(
      element('h2', '', words.title),
      element('p', '', neverBuilt ? words.neverBuilt : words.lastGood),
    );
    const list = element('ul');
    for (const error of errors) {
      const item = element('li');
      item.append(element('code', 'place', error.place), element('span', 'message', error.message));
      list.append(item);
    }
    if (more > 0) list.append(element('li', '', words.more.replace('{more}', more)));
    const close = element('button', '', words.close);
    close.type = 'button';
    close.addEventListener('click', () => { host.hidden = true; });
    panel.append(list, close);
    backdrop.append(panel);
    host.shadowRoot.replaceChildren(element('style', '', style), backdrop);
  };

  connect();
})();

// The editing desk's little script: the editor's preview, updated as the
// editor types (the same pipeline as the build, on the server), images
// chosen or dropped on 本文, and the new-page form showing the fields its
// kind needs. Every form works without it.
(() => {
  'use strict';
  const editor = document.getElementById('editor');
  if (editor) {
    const frame = document.getElementById('preview');
    const state = document.getElementById('preview-state');
    const body = document.getElementById('body');
    let timer = 0;
    let asked = 0;
    const update = async () => {
      const mine = ++asked;
      state.textContent = state.dataset.updating;
      const form = new URLSearchParams(new FormData(editor));
      const response = await fetch(editor.dataset.preview, { method: 'POST', body: form });
      const html = await response.text();
      if (mine !== asked) return;
      frame.srcdoc = html;
      state.textContent = '';
    };
    editor.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, 500);
    });
    const insert = (text) => {
      const at = body.selectionStart ?? body.value.length;
      body.setRangeText(`\n${text}\n`, at, body.selectionEnd ?? at, 'end');
      body.focus();
      editor.dispatchEvent(new Event('input'));
    };
    const upload = async (file) => {
      const data = new FormData();
      data.append('file', file, file.name);
      const response = await fetch(editor.dataset.image, { method: 'POST', body: data });
      if (response.ok) insert((await response.json()).markdown);
    };
    document.getElementById('image').addEventListener('change', (event) => {
      for (const file of event.target.files) upload(file);
      event.target.value = '';
    });
    body.addEventListener('dragover', (event) => event.preventDefault());
    body.addEventListener('drop', (event) => {
      const files = [...event.dataTransfer.files].filter((f) => f.type.startsWith('image/'));
      if (files.length === 0) return;
      event.preventDefault();
      for (const file of files) upload(file);
    });
    update();
  }
  const kind = document.getElementById('kind');
  if (kind) {
    const show = () => {
      for (const input of document.querySelectorAll('[data-kind]')) {
        input.closest('.field').hidden = input.dataset.kind !== kind.value;
      }
    };
    kind.addEventListener('change', show);
    show();
  }
})();

// The editing desk's little script: the editor's preview, updated as the
// editor types (the same pipeline as the build, on the server), images
// chosen or dropped on 本文, and the new-page form showing the fields its
// kind needs. Every form works without it.
(() => {
  'use strict';
  // A FAQ file as its questions: the text before the first `##` heading,
  // then each heading (the question) with the text under it (the answer).
  // Headings inside fenced code are text.
  const splitQuestions = (text) => {
    const intro = [];
    const list = [];
    let fenced = false;
    for (const line of text.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const heading = !fenced && line.match(/^##\s+(.*)$/);
      if (heading) list.push({ question: heading[1].trim(), answer: [] });
      else if (list.length === 0) intro.push(line);
      else list[list.length - 1].answer.push(line);
    }
    return {
      intro: intro.join('\n').trim(),
      list: list.map((q) => ({ question: q.question, answer: q.answer.join('\n').trim() })),
    };
  };
  const joinQuestions = ({ intro, list }) => {
    const parts = intro ? [intro] : [];
    for (const q of list) parts.push(`## ${q.question}\n\n${q.answer}`.trimEnd());
    return `${parts.join('\n\n')}\n`;
  };
  // The question-by-question editor beside 本文: both always say the same.
  const editQuestions = (box, body, changed) => {
    const words = box.dataset;
    const list = document.getElementById('question-list');
    let faq = splitQuestions(body.value);
    const write = () => {
      body.value = joinQuestions(faq);
      changed();
    };
    const control = (tag, label, id, value, onInput) => {
      const p = document.createElement('p');
      p.className = 'field';
      const l = document.createElement('label');
      l.htmlFor = id;
      l.textContent = label;
      const input = document.createElement(tag);
      input.id = id;
      if (tag === 'textarea') input.rows = 4;
      else input.type = 'text';
      input.value = value;
      input.addEventListener('input', (event) => {
        event.stopPropagation();
        onInput(input.value);
        write();
      });
      p.append(l, input);
      return p;
    };
    const button = (label, onClick) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.textContent = label;
      b.addEventListener('click', () => {
        onClick();
        write();
        show();
      });
      return b;
    };
    const show = () => {
      list.replaceChildren(...faq.list.map((q, i) => {
        const item = document.createElement('li');
        const n = i + 1;
        item.append(
          control('input', `${words.question} ${n}`, `question-${n}`, q.question, (v) => { q.question = v; }),
          control('textarea', `${words.answer} ${n}`, `answer-${n}`, q.answer, (v) => { q.answer = v; }),
        );
        const actions = document.createElement('p');
        actions.className = 'actions';
        const move = (by) => () => {
          const [moved] = faq.list.splice(i, 1);
          faq.list.splice(i + by, 0, moved);
        };
        if (i > 0) actions.append(button(`${words.up}（${words.question} ${n}）`, move(-1)));
        if (i < faq.list.length - 1) actions.append(button(`${words.down}（${words.question} ${n}）`, move(1)));
        actions.append(button(`${words.remove}（${words.question} ${n}）`, () => faq.list.splice(i, 1)));
        item.append(actions);
        return item;
      }));
    };
    document.getElementById('add-question').addEventListener('click', () => {
      faq.list.push({ question: '', answer: '' });
      write();
      show();
      document.getElementById(`question-${faq.list.length}`).focus();
    });
    body.addEventListener('input', () => {
      faq = splitQuestions(body.value);
      show();
    });
    box.hidden = false;
    show();
  };
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
    const questions = document.getElementById('questions');
    if (questions) editQuestions(questions, body, () => editor.dispatchEvent(new Event('input')));
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

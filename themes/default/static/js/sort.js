/* Sortable figure tables (municipalities/, areas/): each column head becomes a
 * button that sorts the rows by that column, highest first, and back again on a
 * second press. The name column returns to the list's own order (file order).
 * Without a script the table stays in that order. */
document.querySelectorAll('table[data-sortable]').forEach((table) => {
  const body = table.tBodies[0];
  const original = [...body.rows];
  const heads = [...table.tHead.rows[0].cells];
  /** A row's key in a column: its position for the names, else the number the
   * cell (or its data-sort) starts with, an empty rate (–) lowest. */
  const key = (row, column) => {
    if (column === 0) return original.indexOf(row);
    const cell = row.cells[column];
    const value = parseFloat((cell.dataset.sort ?? cell.textContent).replace(/,/g, ''));
    return Number.isNaN(value) ? -1 : value;
  };
  heads.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const descending = column === 0
        ? th.getAttribute('aria-sort') === 'ascending'
        : th.getAttribute('aria-sort') !== 'descending';
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const rows = [...original].sort((a, b) => key(a, column) - key(b, column) || key(a, 0) - key(b, 0));
      if (descending) rows.reverse();
      body.append(...rows);
    });
  });
  const note = table.closest('.table-scroll')?.nextElementSibling;
  if (note?.classList.contains('sort-note')) note.hidden = false;
});

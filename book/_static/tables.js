// Tables marked "bp-interactive" (baliprocess.present.show_table, more than 15 rows) get search, sort and
// paging from DataTables, loaded from the copy of itables' bundle in _static/itables: nothing is fetched
// from another site. This only enhances the table already in the page: without JavaScript it stays whole.
const tables = document.querySelectorAll("table.bp-interactive");
if (tables.length > 0) {
  const base = new URL("itables/", import.meta.url);
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("dt_bundle.css", base).href;
  document.head.append(style);
  const { default: DataTable } = await import(new URL("dt_bundle.js", base).href);
  for (const table of tables) {
    new DataTable(table, {
      pageLength: Number(table.dataset.pageLength) || 15,
      order: [],          // keep the order the table was made in until the reader sorts
      autoWidth: false,   // column widths come from custom.css, not from measuring
    });
  }
}

// Tables marked "bp-interactive" (baliprocess.present.show_table, more than 15 rows) get search, sort and
// paging from DataTables, loaded from the copy of itables' bundle in _static/itables: nothing is fetched
// from another site. This only enhances the table already in the page: without JavaScript, or where the
// bundle cannot be loaded (a page opened from file://), the static table stays, whole.
(() => {
  const tables = document.querySelectorAll("table.bp-interactive");
  if (tables.length === 0) return;
  const base = new URL("itables/", document.currentScript.src);
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("dt_bundle.css", base).href;
  document.head.append(style);
  import(new URL("dt_bundle.js", base).href).then(({ default: DataTable }) => {
    for (const table of tables) {
      const pageLength = Number(table.dataset.pageLength) || 15;
      new DataTable(table, {
        pageLength,
        lengthMenu: [pageLength, 4 * pageLength, { label: "All", value: -1 }],
        order: [],          // keep the order the table was made in until the reader sorts
        autoWidth: false,   // column widths come from custom.css, not from measuring
      });
    }
  }, (error) => console.warn("tables stay static:", error));
})();

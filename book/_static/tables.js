// Tables marked "bp-interactive" (baliprocess.present.show_table, more than 15 rows) get search, sort and
// paging from DataTables, loaded from the copy of itables' bundle in _static/itables: nothing is fetched
// from another site. This only enhances the table already in the page: without JavaScript, where the
// bundle cannot be loaded (a page opened from file://), or on a page opened with "?print" (for a PDF made
// from the built pages), the static table stays, whole. Printing from the browser shows every row.
(() => {
  const tables = document.querySelectorAll("table.bp-interactive");
  if (tables.length === 0 || new URLSearchParams(window.location.search).has("print")) return;
  const base = new URL("itables/", document.currentScript.src);
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("dt_bundle.css", base).href;
  document.head.append(style);
  import(new URL("dt_bundle.js", base).href).then(({ default: DataTable }) => {
    const enhanced = [];
    for (const table of tables) {
      const pageLength = Number(table.dataset.pageLength) || 15;
      const group = table.dataset.groupColumn === undefined ? {} : {  // repeated values once, as a group row
        rowGroup: { dataSrc: Number(table.dataset.groupColumn) },
        columnDefs: [{ targets: Number(table.dataset.groupColumn), visible: false }],
      };
      enhanced.push(new DataTable(table, {
        ...group,
        pageLength,
        lengthMenu: [pageLength, 4 * pageLength, { label: "All", value: -1 }],
        order: [],          // keep the order the table was made in until the reader sorts
        autoWidth: false,   // column widths come from custom.css, not from measuring
      }));
      // DataTables names every pager "pagination": with two tables on a page the landmarks are not unique
      // (axe-core landmark-unique). Name each after its table.
      const name = table.getAttribute("aria-label") || (table.caption && table.caption.textContent.trim());
      const wrapper = table.closest(".dt-container");
      if (name && wrapper) {
        wrapper.querySelectorAll('nav[aria-label="pagination"]').forEach(
          (nav) => nav.setAttribute("aria-label", `Pages of: ${name}`));
      }
    }
    let lengths = [];
    window.addEventListener("beforeprint", () => {
      lengths = enhanced.map((dt) => dt.page.len());
      enhanced.forEach((dt) => dt.page.len(-1).draw(false));
    });
    window.addEventListener("afterprint", () => enhanced.forEach((dt, i) => dt.page.len(lengths[i]).draw(false)));
  }, (error) => console.warn("tables stay static:", error));
})();

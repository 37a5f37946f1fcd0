// Reading aids that need the page as laid out (book/_ext/screen_fixes.py adds this file to every page).
(() => {
  // Figures: each image links to itself, so a tap on a phone opens it full size (and zoomable).
  document.querySelectorAll("article figure img").forEach((img) => {
    if (img.closest("a")) return;
    const link = document.createElement("a");
    link.href = img.currentSrc || img.src;
    link.className = "figure-full-size";
    link.title = "Open the figure full size";
    img.replaceWith(link);
    link.append(img);
  });

  // Wide tables: a region that scrolls sideways says so (a hint above it, a shadow at the cut edge).
  const regions = document.querySelectorAll(
    "article .table-wrapper, article figure.glued-table, article .cell_output .output.text_html");
  const mark = () => regions.forEach((region) => {
    const scrolls = region.scrollWidth > region.clientWidth + 1;
    region.classList.toggle("scrolls-sideways", scrolls);
    region.classList.toggle("scrolled-to-end",
      region.scrollLeft + region.clientWidth >= region.scrollWidth - 1);
    let hint = region.previousElementSibling;
    if (!(hint && hint.classList.contains("scroll-hint"))) {
      if (!scrolls) return;
      hint = document.createElement("p");
      hint.className = "scroll-hint";
      hint.setAttribute("aria-hidden", "true");  // the region itself is focusable and scrolls with the keys
      hint.textContent = "Scroll sideways for more columns \u2192";
      region.before(hint);
    }
    hint.hidden = !scrolls;
  });
  regions.forEach((region) => region.addEventListener("scroll", mark, { passive: true }));
  window.addEventListener("resize", mark);
  window.addEventListener("load", mark);
  mark();
  // Folded tables (glued-table :dropdown:) are measured when opened, and printed unfolded.
  const folded = document.querySelectorAll("article details.table-dropdown");
  folded.forEach((details) => details.addEventListener("toggle", mark));
  window.addEventListener("beforeprint", () => folded.forEach((details) => { details.open = true; }));

  // A followed citation: the bibliography entry is highlighted (custom.css, :target) and offers the way back.
  const back = () => {
    document.querySelectorAll("a.cite-back").forEach((a) => a.remove());
    const id = decodeURIComponent(window.location.hash.slice(1));
    const entry = id && document.getElementById(id);
    if (!entry || !entry.classList.contains("citation")) return;
    let from = null;
    try { from = document.referrer && new URL(document.referrer); } catch (error) { from = null; }
    const link = document.createElement("a");
    link.className = "cite-back";
    link.textContent = "\u21a9 Back to the text";
    const sameSite = from && from.origin === window.location.origin && from.pathname !== window.location.pathname;
    link.href = sameSite ? from.href : "#";
    link.addEventListener("click", (event) => { event.preventDefault(); window.history.back(); });
    entry.append(" ", link);
  };
  window.addEventListener("hashchange", back);
  back();
})();

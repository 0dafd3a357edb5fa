// The report page's style sheet, inlined (no external font or sheet): system fonts, the light
// and dark colours chosen by `prefers-color-scheme`, which the charts take too (they draw in
// `currentColor` and `var(--accent)`).

/** The page's CSS. */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d2230; --muted: #5d6577; --line: #d9dde5;
  --panel: #f5f7fa; --accent: #3b6fb6; --cut: #8a90a0; --focus: #d97706; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #14171f; --fg: #e4e7ee; --muted: #a0a8b8; --line: #333a48; --panel: #1c2130;
    --accent: #7aa7e6; --cut: #6d7487; --focus: #fbbf24; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 36px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
p { margin: 6px 0; }
a { color: var(--accent); }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; padding: 0; margin: 10px 0; }
.meta, .more, .note, figcaption { color: var(--muted); }
.more, .note { font-size: 0.9rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 12px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .v { font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .k { color: var(--muted); font-size: 0.85rem; }
figure { margin: 18px 0; }
figure svg { max-width: 100%; height: auto; overflow: visible; }
svg[class^="plot-"] { --plot-background: var(--bg); }
details { margin: 6px 0; }
summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.overview td:first-child { color: var(--muted); }
.pair { display: flex; flex-wrap: wrap; gap: 0 40px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin: 10px 0; }
.controls label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
input, select, button { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.table-wrap { max-height: 70vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
#documents { width: 100%; margin: 0; }
#documents thead th { position: sticky; top: 0; background: var(--panel); padding: 0; }
#documents th button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 6px 10px 6px 6px; cursor: pointer; font-weight: 600; }
#documents th button:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
#documents th[aria-sort="ascending"] button::after { content: " ▲"; }
#documents th[aria-sort="descending"] button::after { content: " ▼"; }
#documents td { padding: 4px 10px 4px 6px; white-space: nowrap; }
#documents tbody tr { cursor: pointer; }
#documents tbody tr:hover, #documents tbody tr:focus { background: var(--panel); }
#documents td.title { max-width: 380px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#documents td.id { font-family: ui-monospace, monospace; font-size: 0.85rem; white-space: nowrap; }
.flag { display: inline-block; font-size: 0.78rem; border: 1px solid var(--line); border-radius: 10px; padding: 0 6px; margin: 1px 2px 1px 0; }
dialog { width: min(900px, 94vw); max-height: 88vh; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px; padding: 0; }
dialog::backdrop { background: rgb(0 0 0 / 0.45); }
.dialog-head { position: sticky; top: 0; background: var(--panel); padding: 12px 16px; border-bottom: 1px solid var(--line); display: flex; justify-content: space-between; gap: 12px; }
.dialog-head h3 { margin: 0; }
.dialog-body { padding: 12px 16px; }
.dialog-body dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 10px; }
.dialog-body dt { color: var(--muted); }
.text { font-family: ui-monospace, monospace; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); border-radius: 6px; padding: 10px; }
.text .line { display: block; min-height: 1.2em; }
.text .cut { color: var(--cut); }
.text .kind { font-family: system-ui, sans-serif; font-size: 0.72rem; border: 1px solid var(--cut); border-radius: 8px; padding: 0 5px; margin-inline-end: 6px; }
footer { padding: 30px 20px; color: var(--muted); font-size: 0.85rem; }
`;

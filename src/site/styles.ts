/**
 * The site's only stylesheet, inlined into every page: system fonts (no web
 * fonts, no requests), readable on a phone, sensible on paper. Colours keep a
 * contrast of at least 4.5:1 against their background.
 */

/** CSS of every page. */
export const SITE_CSS = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--line:#d0d0d0;--link:#0645ad;--major-bg:#a4001c;--major-fg:#fff;--minor-bg:#e6ecf5;--minor-fg:#17324d;--initial-bg:#eef3e8;--initial-fg:#24401a;--ins-bg:#d9f2dd;--ins-fg:#0b3d17;--del-bg:#fde2e2;--del-fg:#6e0b0b;--note-bg:#fff7e0;--note-line:#c28a00;--ok-bg:#e8f4ea;--ok-line:#2f7a3b}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:1rem/1.7 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999em}
.skip:focus{position:static;display:block;padding:.5rem 1rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
header.site,main,footer.site{max-width:52rem;margin:0 auto;padding:0 1rem}
.wide header.site,.wide main,.wide footer.site{max-width:68rem}
header.site{border-bottom:1px solid var(--line);padding-top:.75rem;padding-bottom:.5rem}
.site-name{margin:0;font-weight:700}
.site-name a{color:var(--fg);text-decoration:none}
.crumbs{list-style:none;margin:.25rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem;font-size:.9rem;color:var(--muted)}
.crumbs li+li::before{content:"/";margin-right:.5rem;color:var(--muted)}
main{padding-top:1rem;padding-bottom:2rem}
h1{font-size:1.6rem;line-height:1.3;margin:1rem 0}
h2{font-size:1.3rem;line-height:1.35;margin:1.75rem 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.lede{color:var(--muted)}
.badge{display:inline-block;padding:0 .5em;border-radius:.25em;font-size:.85em;font-weight:600;white-space:nowrap;line-height:1.6}
.badge-major{background:var(--major-bg);color:var(--major-fg)}
.badge-minor,.badge-none{background:var(--minor-bg);color:var(--minor-fg)}
.badge-initial{background:var(--initial-bg);color:var(--initial-fg)}
.languages{margin:.5rem 0;font-size:.95rem}
.languages ul{display:inline;list-style:none;margin:0;padding:0}
.languages li{display:inline;margin-right:.75rem}
.change-note{border-left:.35rem solid var(--line);padding:0 1rem;margin:1rem 0}
.banner{border-left:.35rem solid var(--note-line);background:var(--note-bg);padding:.75rem 1rem;margin:1rem 0}
.banner-current{border-color:var(--ok-line);background:var(--ok-bg)}
.banner p{margin:0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0;font-size:.95rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0}
code.hash{font-size:.8rem;word-break:break-all}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}
tr.is-current{background:var(--ok-bg)}
.cards th[scope=row],.cards time{white-space:nowrap}
.cards td.triggers{min-width:12em}
.cards td.summary{min-width:8em}
.cards td.status{min-width:6em}
td ol,td ul{margin:0;padding-left:1.2rem}
.policy{border-top:1px solid var(--line);margin-top:1rem}
.policy img{max-width:100%;height:auto}
.remote-image{font-size:.9em;border:1px dashed var(--line);padding:0 .25rem}
.policy pre{overflow-x:auto;background:#f6f6f6;padding:.75rem}
.pager{display:flex;flex-wrap:wrap;gap:.5rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem}
.pager .next{margin-left:auto}
.change{border:1px solid var(--line);border-left-width:.35rem;border-radius:.25rem;padding:.5rem 1rem;margin:1rem 0}
.change-major{border-left-color:var(--major-bg)}
.change-minor{border-left-color:#6b7f99}
.change h3{margin:.25rem 0;font-size:1rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.where{margin:0;color:var(--muted);font-size:.85rem}
.redline{margin:.5rem 0;white-space:pre-wrap}
ins{background:var(--ins-bg);color:var(--ins-fg);text-decoration:underline}
del{background:var(--del-bg);color:var(--del-fg);text-decoration:line-through}
.trigger{margin:.5rem 0;padding:.25rem .75rem;border-left:.25rem solid var(--major-bg);background:#fbf1f2}
.trigger p{margin:0}
.reasons{margin:.25rem 0;padding-left:1.2rem;font-size:.95rem}
footer.site{border-top:1px solid var(--line);padding-top:.75rem;padding-bottom:2rem;color:var(--muted);font-size:.9rem}
@media (max-width:40rem){body{font-size:1rem}h1{font-size:1.35rem}.meta{grid-template-columns:1fr}.meta dd{margin-bottom:.35rem}th,td{padding:.3rem .4rem}
.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
.cards,.cards caption,.cards tbody,.cards tr,.cards th,.cards td{display:block;width:auto;min-width:0}
.cards tr{border:1px solid var(--line);border-radius:.25rem;margin:0 0 .75rem;padding:.4rem .75rem}
.cards th,.cards td{border:0;padding:.15rem 0}
.cards td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;color:var(--muted)}}
@media print{header.site nav,.skip,.pager,footer.site{display:none}body{font-size:11pt;line-height:1.5}main,header.site{max-width:none;padding:0}a{color:inherit}.change,.banner,tr{break-inside:avoid}.badge{border:1px solid currentColor}ins,del{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`.trim();

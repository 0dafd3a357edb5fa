// One synthetic news page for the HTML bench: the parts a real one has around its article (a head
// of meta tags, JSON-LD and scripts, a cookie banner, header and menus, share buttons, a related
// list, comments, a newsletter form, a footer), about 100 KB, its text in one of the corpus's
// languages (UDHR sentences), drawn from a seeded random source: a pure function of (seed, i).

import { iso6393To1 } from 'iso-639-3';
import { byline, dateline, outlet } from './news-frame.js';

/** @typedef {import('./prng.js').Random} Random */
/** @typedef {import('./udhr-sentences.js').Language} Language */

/**
 * What the generator knows of a page it made, for the corpus's manifest.
 * @typedef {object} PageFacts
 * @property {string} lang - ISO 639-3 of its text
 * @property {string} url - its canonical address
 * @property {string} day - the day of publication it states, YYYY-MM-DD
 * @property {number} articleBytes - UTF-8 bytes of its article's paragraphs
 */

/** @param {string} s */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** @param {number} n */
const pad = (n) => String(n).padStart(2, '0');

// Class names as a front-end framework writes them: a component name and a build hash.
const COMPONENTS = ['Link', 'Item', 'Wrapper', 'Inner', 'Container', 'Row', 'Col', 'Card', 'Media', 'Label'];

/**
 * A framework-style class attribute value: `Card_media__x3k9a Card`.
 * @param {Random} rnd
 * @param {string} base
 */
const cls = (rnd, base) => `${base}_${rnd.pick(COMPONENTS).toLowerCase()}__${rnd.hex().slice(0, 5)} ${base}`;

/**
 * A short run of words (or characters, for a script without spaces) from a sentence: a menu
 * label, a headline, a comment's name.
 * @param {Random} rnd
 * @param {Language} language
 * @param {number} lo
 * @param {number} hi
 */
function words(rnd, language, lo, hi) {
  const sentence = rnd.pick(language.sentences);
  const n = rnd.range(lo, hi);
  const cut = language.unspaced ? [...sentence].slice(0, n * 2).join('') : sentence.split(' ').slice(0, n).join(' ');
  return cut.replace(/[\s,.;:،、，。।]+$/u, '');
}

/**
 * A paragraph of 1 to 4 sentences.
 * @param {Random} rnd
 * @param {Language} language
 */
function paragraph(rnd, language) {
  const parts = [];
  for (let s = rnd.range(1, 4); s > 0; s--) parts.push(rnd.pick(language.sentences));
  return parts.join(language.unspaced ? '' : ' ');
}

/**
 * A URL-path slug from a headline; a hex token when the headline has no Latin letters.
 * @param {string} headline
 * @param {string} hex
 */
function slug(headline, hex) {
  const s = headline
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s.length >= 8 ? `${s}-${hex.slice(0, 6)}` : hex;
}

/**
 * Minified-looking JavaScript of about `bytes` bytes: what analytics, ad and framework bundles
 * inline into a page. Never executed; only its size and shape matter to a parser.
 * @param {Random} rnd
 * @param {number} bytes
 */
function inlineScript(rnd, bytes) {
  const out = [];
  let size = 0;
  const names = ['e', 't', 'n', 'r', 'i', 'o', 'a', 's', 'u', 'c', 'l', 'd'];
  while (size < bytes) {
    const a = rnd.pick(names);
    const b = rnd.pick(names);
    const k = rnd.hex().slice(0, 4);
    const piece = rnd.pick([
      `function ${a}${k}(${a},${b}){return ${a}&&${a}.length>${rnd.int(9)}?${a}.slice(0,${b}):${b}<${a}.length}`,
      `var ${a}${k}=window.${b}${k}||{};${a}${k}.q=${a}${k}.q||[];${a}${k}.push=function(){${a}${k}.q.push(arguments)};`,
      `if(typeof ${a}==="undefined"){${b}["${k}"]=${rnd.int(100000)};}else{${a}.${b}=${a}.${b}+1}`,
      `document.querySelectorAll(".x-${k}").forEach(function(${a}){${a}.addEventListener("click",${b}${k})});`,
      `try{localStorage.setItem("k_${k}",JSON.stringify({t:${rnd.int(1e9)},v:"${rnd.hex()}"}))}catch(${a}){}`,
    ]);
    out.push(piece);
    size += piece.length;
  }
  return out.join('');
}

/**
 * A framework's serialized state, as many news sites embed it: the article again, as JSON.
 * @param {Random} rnd
 * @param {string} headline
 * @param {string[]} paragraphs
 * @param {string} url
 */
function stateScript(rnd, headline, paragraphs, url) {
  const state = {
    page: { type: 'article', id: rnd.hex(), url, headline },
    content: paragraphs.map((p, k) => ({ type: 'paragraph', key: `p${k}`, text: p })),
    ads: Array.from({ length: rnd.range(4, 10) }, (_, k) => ({
      slot: `ad-${k}`,
      sizes: [
        [300, 250],
        [728, 90],
      ],
    })),
  };
  // `<` escaped as JSON allows, so that no `</script>` can end the element early.
  return `window.__APP_STATE__=${JSON.stringify(state).replace(/</g, '\\u003c')};`;
}

/**
 * A list of links: a menu, a footer column, a related-stories list.
 * @param {Random} rnd
 * @param {Language} language
 * @param {number} count
 * @param {string} base - the site's address
 * @param {string} klass
 * @param {[number, number]} length - words a label
 */
function linkList(rnd, language, count, base, klass, length) {
  const items = [];
  for (let k = 0; k < count; k++) {
    const label = esc(words(rnd, language, length[0], length[1]));
    items.push(
      `<li class="${cls(rnd, klass)}"><a href="${base}/${rnd.hex()}" class="${klass}-link" data-track="${klass}-${k}">${label}</a></li>`,
    );
  }
  return `<ul class="${klass}-list">${items.join('')}</ul>`;
}

// Individual languages of the corpus whose pages declare the macrolanguage's two-letter code.
/** @type {Record<string, string>} */
const MACRO = {
  arb: 'ar',
  cmn: 'zh',
  pes: 'fa',
  swh: 'sw',
  mly: 'ms',
  uzn: 'uz',
  azj: 'az',
  als: 'sq',
  ekk: 'et',
  lvs: 'lv',
};

/**
 * What `<html lang>` says for a language: its ISO 639-1 code when it has one, as pages write it.
 * @param {string} lang - ISO 639-3
 */
const htmlLang = (lang) => MACRO[lang] ?? iso6393To1[lang] ?? lang;

/**
 * What a page is about, drawn before it is rendered.
 * @typedef {object} PageMeta
 * @property {Language} language
 * @property {string} hex
 * @property {string} source - the outlet
 * @property {string} base - the site's address
 * @property {string} iso - the day of publication
 * @property {string} time - its time, ISO 8601
 * @property {string} headline
 * @property {string} section
 * @property {string} url
 * @property {string} author
 * @property {string[]} paragraphs
 */

/**
 * Draws what a page is about.
 * @param {Random} rnd
 * @param {Language} language
 * @param {string} hex
 * @returns {PageMeta}
 */
function drawMeta(rnd, language, hex) {
  const source = outlet(rnd);
  const base = `https://www.${source.toLowerCase().replace(/[^a-z]+/g, '') || 'news'}.example`;
  const day = new Date(Date.UTC(2015, 0, 1) + rnd.int(11 * 365) * 86400000);
  const iso = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const headline = words(rnd, language, 6, 12);
  const section = words(rnd, language, 1, 2);
  const kind = rnd.pick(['news', 'world', 'politics', 'society']);
  const paragraphs = [];
  // Article text as on news pages: 1.5 to 9 KB.
  for (let bytes = 0, target = rnd.range(1500, 9000); bytes < target;) {
    const p = paragraph(rnd, language);
    paragraphs.push(p);
    bytes += Buffer.byteLength(p);
  }
  return {
    language,
    hex,
    source,
    base,
    iso,
    time: `${iso}T${pad(rnd.int(24))}:${pad(rnd.int(60))}:00Z`,
    headline,
    section,
    url: `${base}/${kind}/${iso.replace(/-/g, '/')}/${slug(headline, hex)}`,
    author: byline(rnd, source),
    paragraphs,
  };
}

/**
 * The page's `<head>`: meta tags, Open Graph, JSON-LD, preloads, inline style and script.
 * @param {Random} rnd
 * @param {PageMeta} m
 */
function pageHead(rnd, m) {
  const description = esc(m.paragraphs[0]?.slice(0, 160) ?? m.headline);
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: m.headline,
    datePublished: m.time,
    dateModified: m.time,
    author: { '@type': 'Person', name: m.author.replace(/^(By|Par|Von) /, '') },
    publisher: { '@type': 'Organization', name: m.source, logo: { '@type': 'ImageObject', url: `${m.base}/logo.png` } },
    mainEntityOfPage: m.url,
    inLanguage: htmlLang(m.language.lang),
  }).replace(/</g, '\\u003c');
  const preloads = Array.from(
    { length: rnd.range(4, 12) },
    (_, k) => `<link rel="preload" as="script" href="${m.base}/_next/static/chunks/${k}-${rnd.hex()}.js">`,
  );
  return [
    `<!DOCTYPE html><html lang="${htmlLang(m.language.lang)}" class="no-js"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(m.headline)} | ${esc(m.source)}</title>`,
    `<meta name="description" content="${description}">`,
    `<link rel="canonical" href="${m.url}">`,
    `<meta property="og:type" content="article"><meta property="og:title" content="${esc(m.headline)}">`,
    `<meta property="og:site_name" content="${esc(m.source)}"><meta property="og:url" content="${m.url}">`,
    `<meta property="og:image" content="${m.base}/img/${m.hex}.jpg"><meta property="og:description" content="${description}">`,
    `<meta property="article:published_time" content="${m.time}"><meta property="article:section" content="${esc(m.section)}">`,
    `<meta name="twitter:card" content="summary_large_image"><meta name="twitter:site" content="@${m.base.split('.')[1]}">`,
    ...preloads,
    `<link rel="stylesheet" href="${m.base}/css/main.${rnd.hex()}.css">`,
    `<style>${inlineStyle(rnd, rnd.range(3000, 9000))}</style>`,
    `<script type="application/ld+json">${jsonLd}</script>`,
    `<script>${inlineScript(rnd, rnd.range(4000, 12000))}</script>`,
    `<script async src="https://www.googletagmanager.example/gtm.js?id=GTM-${rnd.hex()}"></script>`,
    '</head>',
  ].join('\n');
}

/**
 * The cookie banner and the site's header: top bar, logo, main menu, search form.
 * @param {Random} rnd
 * @param {PageMeta} m
 */
function pageTop(rnd, m) {
  const { base, language } = m;
  const cookie =
    `<div id="cookie-consent" class="${cls(rnd, 'Consent')}" role="dialog" aria-label="Cookies"><div class="consent-inner">` +
    `<p>We and our partners use cookies to store and access information on your device for personalised ads and content, measurement and audience insights.</p>` +
    `<button class="btn-accept">Accept all</button><button class="btn-settings">Manage settings</button><a href="${base}/privacy">Privacy policy</a></div></div>`;
  return (
    `${cookie}\n<header class="${cls(rnd, 'Header')}"><div class="top-bar">${linkList(rnd, language, rnd.range(3, 6), base, 'TopBar', [1, 2])}</div>` +
    `<a class="logo" href="${base}/"><img src="${base}/logo.svg" alt="${esc(m.source)}" width="180" height="40"></a>` +
    `<nav class="${cls(rnd, 'MainNav')}" aria-label="main">${linkList(rnd, language, rnd.range(16, 40), base, 'Nav', [1, 2])}</nav>` +
    `<form class="search" action="${base}/search"><input type="search" name="q" placeholder="Search"><button>Search</button></form></header>`
  );
}

/**
 * The article: breadcrumb, headline, byline and date, share bar, lead picture, paragraphs (with a
 * "read also" box and an advertisement slot among them), tags.
 * @param {Random} rnd
 * @param {PageMeta} m
 */
function pageArticle(rnd, m) {
  const { base, language, paragraphs } = m;
  const crumbs = `<ol class="breadcrumb"><li><a href="${base}/">Home</a></li><li><a href="${base}/${m.hex.slice(0, 4)}">${esc(m.section)}</a></li></ol>`;
  const body = paragraphs.map((p, k) => {
    const text = `<p class="${cls(rnd, 'Paragraph')}">${esc(p)}</p>`;
    if (k === 2 && paragraphs.length > 4)
      return `${text}<aside class="read-also"><strong>Read also:</strong> <a href="${base}/${rnd.hex()}">${esc(words(rnd, language, 5, 10))}</a></aside>`;
    if (k === 4 && paragraphs.length > 6)
      return `${text}<div class="ad-slot" id="ad-inarticle-${k}" data-ad-unit="/${rnd.int(1e6)}/article"><span>Advertisement</span></div>`;
    return text;
  });
  const share = ['Facebook', 'X', 'WhatsApp', 'LinkedIn', 'Email']
    .map(
      (s) =>
        `<a class="share-${s.toLowerCase()}" href="${base}/share/${s.toLowerCase()}?u=${encodeURIComponent(m.url)}" aria-label="Share on ${s}">` +
        `<svg viewBox="0 0 24 24" width="20" height="20"><path d="M${rnd.int(24)} ${rnd.int(24)}L${rnd.int(24)} ${rnd.int(24)}Z"></path></svg></a>`,
    )
    .join('');
  return (
    `<article class="${cls(rnd, 'Article')}" itemscope itemtype="https://schema.org/NewsArticle">` +
    `<header class="article-header">${crumbs}<h1 class="${cls(rnd, 'Headline')}" itemprop="headline">${esc(m.headline)}</h1>` +
    `<div class="byline"><span class="author" itemprop="author">${esc(m.author)}</span> ` +
    `<time datetime="${m.time}" itemprop="datePublished">${esc(dateline(rnd, language.lang))}</time></div>` +
    `<div class="share-bar">${share}</div></header>` +
    `<figure class="lead-image"><img src="${base}/img/${m.hex}.jpg" alt="" width="1200" height="675" loading="eager">` +
    `<figcaption>${esc(words(rnd, language, 5, 12))} <span class="credit">Photo: ${esc(m.source)}</span></figcaption></figure>` +
    `<div class="${cls(rnd, 'ArticleBody')}" itemprop="articleBody">${body.join('\n')}</div>` +
    `<div class="tags">${linkList(rnd, language, rnd.range(3, 7), base, 'Tag', [1, 2])}</div></article>`
  );
}

/**
 * What surrounds the article further down: related stories, a newsletter form, a grid of teasers
 * with pictures, the comments.
 * @param {Random} rnd
 * @param {PageMeta} m
 */
function pageWidgets(rnd, m) {
  const { base, language } = m;
  const related =
    `<section class="${cls(rnd, 'Related')}" aria-label="related"><h2>Related</h2>` +
    `${linkList(rnd, language, rnd.range(6, 12), base, 'Related', [5, 11])}</section>`;
  const newsletter =
    `<aside class="${cls(rnd, 'Newsletter')}"><h3>Newsletter</h3><p>Subscribe to our newsletter for the day's top stories.</p>` +
    `<form action="${base}/subscribe"><input type="email" name="email" placeholder="Email"><button>Subscribe</button></form></aside>`;
  const teasers = Array.from({ length: rnd.range(10, 24) }, () => {
    const img = `${base}/img/t/${rnd.hex()}`;
    return (
      `<div class="${cls(rnd, 'Card')}"><a href="${base}/${rnd.hex()}" class="card-link"><div class="${cls(rnd, 'Media')}"><picture>` +
      `<source type="image/webp" srcset="${img}-320.webp 320w, ${img}-640.webp 640w"><img src="${img}-640.jpg" alt="" loading="lazy" width="640" height="360"></picture></div>` +
      `<div class="card-body"><span class="kicker">${esc(words(rnd, language, 1, 2))}</span><h3 class="card-title">${esc(words(rnd, language, 5, 11))}</h3></div></a></div>`
    );
  }).join('');
  const count = rnd.range(0, 15);
  const comments = Array.from(
    { length: count },
    () =>
      `<li class="comment" id="c-${rnd.hex()}"><div class="comment-meta"><span class="comment-author">${esc(words(rnd, language, 1, 2))}</span> ` +
      `<time datetime="${m.iso}T${pad(rnd.int(24))}:${pad(rnd.int(60))}:00Z">${rnd.int(59) + 1} min</time></div>` +
      `<p>${esc(rnd.pick(language.sentences))}</p><button class="reply">Reply</button></li>`,
  ).join('');
  return {
    sidebar: `<div class="sidebar">${related}${newsletter}</div>`,
    below:
      `<section class="${cls(rnd, 'MoreStories')}"><h2>More stories</h2><div class="grid">${teasers}</div></section>\n` +
      `<section id="comments" class="${cls(rnd, 'Comments')}"><h2>Comments (${count})</h2><ol class="comment-list">${comments}</ol></section>`,
  };
}

/**
 * The footer: columns of links and the copyright line.
 * @param {Random} rnd
 * @param {PageMeta} m
 */
function pageFooter(rnd, m) {
  const columns = Array.from(
    { length: rnd.range(3, 6) },
    () =>
      `<div class="footer-col"><h4>${esc(words(rnd, m.language, 1, 2))}</h4>${linkList(rnd, m.language, rnd.range(6, 14), m.base, 'Footer', [1, 3])}</div>`,
  ).join('');
  return `<footer class="${cls(rnd, 'Footer')}">${columns}<p class="copyright">© ${m.iso.slice(0, 4)} ${esc(m.source)}. All rights reserved.</p></footer>`;
}

/**
 * Renders one page: 70 to 140 KB, the part beyond its markup made of inline scripts.
 * @param {Random} rnd - the page's own random source
 * @param {Language} language
 * @param {string} hex - 16 hex digits, in its URL
 * @returns {{ html: string, facts: PageFacts }}
 */
export function renderPage(rnd, language, hex) {
  const m = drawMeta(rnd, language, hex);
  const total = rnd.range(70, 140) * 1024;
  const widgets = pageWidgets(rnd, m);
  const parts = [
    pageHead(rnd, m),
    '<body class="article-page">',
    pageTop(rnd, m),
    `<div class="layout"><main id="main">${pageArticle(rnd, m)}${widgets.sidebar}</main>`,
    widgets.below,
    '</div>',
    pageFooter(rnd, m),
    `<script id="__APP_DATA__">${stateScript(rnd, m.headline, m.paragraphs, m.url)}</script>`,
  ];
  const sofar = parts.reduce((a, p) => a + Buffer.byteLength(p) + 1, 0);
  // The rest of the page's size is what news pages carry most of: bundled scripts.
  for (let left = total - sofar; left > 200;) {
    const size = Math.min(left, rnd.range(6000, 30000));
    parts.push(`<script>${inlineScript(rnd, size - 20)}</script>`);
    left -= size;
  }
  parts.push('</body></html>\n');
  const articleBytes = m.paragraphs.reduce((a, p) => a + Buffer.byteLength(p), 0);
  return { html: parts.join('\n'), facts: { lang: language.lang, url: m.url, day: m.iso, articleBytes } };
}

/**
 * CSS rules of about `bytes` bytes, as critical styles are inlined into the head.
 * @param {Random} rnd
 * @param {number} bytes
 */
function inlineStyle(rnd, bytes) {
  const out = [];
  let size = 0;
  while (size < bytes) {
    const rule = `.c-${rnd.hex().slice(0, 5)}{margin:${rnd.int(24)}px ${rnd.int(24)}px;color:#${rnd.hex().slice(0, 6)};display:${rnd.pick(['flex', 'block', 'grid', 'none'])}}`;
    out.push(rule);
    size += rule.length;
  }
  return out.join('');
}

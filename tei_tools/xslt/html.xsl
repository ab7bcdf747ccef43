<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei_tools reading edition: one self-contained HTML5 page per TEI edition.

  XSLT 1.0, so it runs in lxml (tei-tools html) and with xsltproc:
    xsltproc tei_tools/xslt/html.xsl edition.xml > edition.html
  It reads TEI only (no tei_tools code), so editions corrected by hand render too.

  Rows follow the alignment: every unit belongs to the row of its "anchor", the first Chinese
  unit of its group of linked units (1:1, 1:2 and 2:1 groups become one row). Unlinked English
  units get a row of their own after the English unit they follow. A Chinese-only edition (no
  translation division) is one column, a row per unit. A dateline is shown at the start of the
  paragraph it opens; closers (signatures, dates) are set to the right.

  The page, part by part (a named template each, so that other features slot in): "site-nav"
  (corpus index, previous/next by date, the TEI file), "bibl" (the header with the citation and
  the licence), "legend" (name kinds, each a toggle: pure CSS, no script), "toc" (the sections),
  the rows (every unit with its number as a permalink: ¶ paragraphs, § headings), "index" (the
  names, where each occurs per language, deduplicated), "script" (alignment highlight).
  Neighbours and links come as parameters (tei-tools html passes them from the corpus it
  renders); with xsltproc, pass them with - -stringparam or do without.

  Sentences (s) are spans; hovering one highlights the sentences its sentence link joins it to
  (a key over the links' pointers, so the page stays linear in the file). The `qa` parameter
  (JSON: a list of {sentences, kind, message}, as `tei-tools qa -\-json` gives them; `tei-tools
  html` passes them) is shown on request: a button marks those sentences and lists the findings.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="tei str">

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
  <!-- The folder of the corpus-wide index of names relative to this page (tei-tools html: names/);
       empty: no such index, no links to it. -->
  <xsl:param name="names-index" select="''"/>
  <xsl:param name="qa" select="'[]'"/>

  <!-- Links the one file cannot know: its neighbours by date, the corpus pages, the TEI. -->
  <xsl:param name="prev"/>
  <xsl:param name="prev-title"/>
  <xsl:param name="next"/>
  <xsl:param name="next-title"/>
  <xsl:param name="corpus" select="'index.html'"/>
  <xsl:param name="search"/>
  <xsl:param name="tei" select="concat(/tei:TEI/@xml:id, '.xml')"/>

  <xsl:key name="unit" match="tei:body//*[@xml:id][not(self::tei:div or self::tei:s)]" use="@xml:id"/>
  <!-- Sentence links by each sentence they join (EXSLT str:tokenize, which xsltproc has too). -->
  <xsl:key name="sentenceLink" match="tei:standOff/tei:linkGrp[@type='sentences']/tei:link"
           use="str:tokenize(normalize-space(@target), ' ')"/>
  <!-- Units by the id their @corresp starts with: the Chinese units of a 2:1 merge share it,
       and the English units of a row start with one of the row's Chinese units. -->
  <xsl:key name="zhByFirst" match="tei:div[@type='original']//*[@xml:id][@corresp]"
           use="substring(substring-before(concat(normalize-space(@corresp), ' '), ' '), 2)"/>
  <xsl:key name="enByFirst" match="tei:div[@type='translation']//*[@xml:id][@corresp]"
           use="substring(substring-before(concat(normalize-space(@corresp), ' '), ' '), 2)"/>
  <!-- A name's occurrences by its @ref and the language of the side they stand in (the index
       asks for both; one ancestor walk per name, when the key is built). -->
  <xsl:key name="refLang" match="tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName"
           use="concat(@ref, ' ', ancestor::tei:div[@xml:lang][1]/@xml:lang)"/>
  <!-- A name's occurrences by the form written (the index gives the forms of the text, not
       every form of the register). -->
  <xsl:key name="form" match="tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName"
           use="concat(@ref, ' ', ancestor::tei:div[@xml:lang][1]/@xml:lang, ' ', normalize-space(.))"/>
  <xsl:key name="entity" match="tei:standOff//*[@xml:id]" use="@xml:id"/>

  <xsl:variable name="zh" select="/tei:TEI/tei:text/tei:body/tei:div[@type='original']"/>
  <xsl:variable name="en" select="/tei:TEI/tei:text/tei:body/tei:div[@type='translation']"/>
  <xsl:variable name="zhUnits" select="$zh//*[@xml:id][not(self::tei:div or self::tei:s)]"/>
  <xsl:variable name="enUnits" select="$en//*[@xml:id][not(self::tei:div or self::tei:s)]"/>
  <xsl:variable name="layout"><xsl:choose><xsl:when test="$en">bilingual</xsl:when><xsl:otherwise>original</xsl:otherwise></xsl:choose></xsl:variable>
  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="bibl" select="$header/tei:fileDesc/tei:sourceDesc/tei:biblStruct"/>

  <!-- The id a pointer list starts with, without '#'. -->
  <xsl:variable name="sp" select="' '"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="$header/tei:fileDesc/tei:titleStmt"/>
    <html lang="{/tei:TEI/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="generator" content="tei_tools"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="$title/tei:title[@type='main'][@xml:lang='zh-Hans']"/>
          <xsl:if test="$title/tei:title[@type='main'][@xml:lang='en']">
            <xsl:text> · </xsl:text>
            <xsl:value-of select="$title/tei:title[@type='main'][@xml:lang='en']"/>
          </xsl:if>
        </title>
        <xsl:call-template name="style"/>
      </head>
      <body>
        <xsl:call-template name="site-nav"/>
        <xsl:call-template name="bibl"/>
        <xsl:call-template name="legend"/>
        <xsl:call-template name="toc"/>
        <main class="{$layout}">
          <xsl:call-template name="unlinked-en">
            <xsl:with-param name="after" select="/.."/>
          </xsl:call-template>
          <!-- A row starts at each Chinese unit that is its own anchor: its first partner's first
               partner is itself, or it has none. -->
          <xsl:for-each select="$zhUnits">
            <xsl:variable name="partner" select="key('unit', substring(substring-before(concat(normalize-space(@corresp), $sp), $sp), 2))"/>
            <xsl:variable name="back" select="substring(substring-before(concat(normalize-space($partner/@corresp), $sp), $sp), 2)"/>
            <xsl:if test="not($partner) or $back = @xml:id">
              <xsl:call-template name="row"><xsl:with-param name="anchor" select="@xml:id"/></xsl:call-template>
            </xsl:if>
          </xsl:for-each>
        </main>
        <xsl:call-template name="index"/>
        <xsl:call-template name="script"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="style">
        <style>
:root { --zh: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", serif;
        --en: Georgia, "Times New Roman", serif; --mark: #fff3b0; --muted: #666; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font-family: var(--en); line-height: 1.6; color: #222; }
:lang(zh-Hans) { font-family: var(--zh); }
nav.site { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .9rem; border-bottom: 1px solid #ccc; padding-bottom: .4rem; }
nav.site a { color: #1f4f7a; }
nav.site .next { margin-left: auto; }
header.bibl { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
header.bibl h1 { font-size: 1.6rem; margin: .2rem 0; }
header.bibl h1 span { display: block; }
header.bibl dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; }
header.bibl dt { font-weight: bold; }
header.bibl dd { margin: 0; }
.cite { font-size: .9rem; background: #f6f6f2; padding: .4rem .6rem; border-radius: 4px; }
.legend { font-size: .9rem; margin: .5rem 0; }
.legend label { margin-right: 1rem; cursor: pointer; }
nav.toc { font-size: .95rem; margin: .5rem 0 1rem; }
nav.toc h2 { font-size: 1rem; margin: .2rem 0; }
nav.toc ol { margin: 0; padding-left: 1.5rem; }
nav.toc .en { color: var(--muted); }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; padding: .3rem .5rem; border-radius: 4px; }
.row.head { margin-top: 1rem; font-weight: bold; font-size: 1.1rem; }
.row.title { font-size: 1.3rem; font-weight: bold; }
main.original .row { grid-template-columns: 1fr; max-width: 42rem; }
.dateline { font-weight: bold; }
.unit.closer { text-align: right; }
.cell p, .cell div, .cell h2, .cell h3 { margin: .2rem 0; }
.unit { position: relative; }
a.pn { font: normal .7rem/1 var(--en); color: var(--muted); text-decoration: none; margin-right: .35rem; vertical-align: .15em; }
a.pn:hover, a.pn:focus { color: #000; text-decoration: underline; }
.unit:focus, .unit.hl { background: var(--mark); outline: none; }
.unit:target, section.index li:target { background: var(--mark); outline: 2px solid #d4a000; }
.nm a { color: inherit; text-decoration: none; }
.nm { border-bottom: 1px dotted currentColor; }
.nm .nm { border-bottom-style: solid; }
.persName { color: #7a1f1f; }
.placeName { color: #1f4f7a; }
.orgName { color: #2f6b2f; }
body:has(#show-persName:not(:checked)) main .persName,
body:has(#show-placeName:not(:checked)) main .placeName,
body:has(#show-orgName:not(:checked)) main .orgName { color: inherit; border-bottom: 0; }
section.index { border-top: 1px solid #ccc; margin-top: 2rem; }
section.index li { margin: .2rem 0; }
section.index .occ { font-size: .85rem; color: var(--muted); }
section.index .occ a { margin-right: .3rem; }
section.index .reg { color: var(--muted); font-style: italic; }
.machine { font-size: .75rem; color: var(--muted); border: 1px solid #bbb; border-radius: 3px; padding: 0 .25rem; }
@media (max-width: 700px) { .row { grid-template-columns: 1fr; gap: .3rem; } .cell.en { border-left: 3px solid #ddd; padding-left: .5rem; } nav.site .next { margin-left: 0; } }
@page { margin: 16mm 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.45; }
  nav.site, .legend, script { display: none; }
  a { color: inherit; text-decoration: none; }
  .nm { border: 0; }
  .unit.hl, .unit:target, li:target { background: none; outline: none; }
  .row { padding: .1rem 0; }
  .row.head, .row.title, header.bibl, nav.toc { break-inside: avoid; }
  .row.head, .row.title, h1, h2, h3, nav.toc h2 { break-after: avoid; }
  p { orphans: 3; widows: 3; }
  section.index { columns: 2; column-gap: 1.5rem; font-size: 9pt; }
  section.index h2 { column-span: all; }
  section.index li { break-inside: avoid; }
}
.s.hl-s { background: #ffd866; border-radius: 3px; }
body.show-qa .s.qa { text-decoration: underline wavy #b00; text-underline-offset: 3px; }
#qa-panel { display: none; border: 1px solid #e0b0b0; background: #fff8f8; padding: .5rem 1rem; margin: 1rem 0; font-size: .9rem; }
body.show-qa #qa-panel { display: block; }
        </style>
  </xsl:template>

  <!-- The corpus around this page: index, previous and next by date, the TEI it is made from. -->
  <xsl:template name="site-nav">
    <nav class="site" aria-label="Corpus">
      <xsl:if test="$corpus"><a class="corpus" href="{$corpus}">Corpus index</a></xsl:if>
      <xsl:if test="$search"><a class="search" href="{$search}">Search</a></xsl:if>
      <xsl:if test="$names-index != ''"><a class="names" href="{$names-index}persons.html">Names in the corpus</a></xsl:if>
      <a class="tei" href="{$tei}" type="application/tei+xml">TEI XML</a>
      <xsl:if test="$prev"><a class="prev" rel="prev" href="{$prev}" title="{$prev-title}">← Previous</a></xsl:if>
      <xsl:if test="$next"><a class="next" rel="next" href="{$next}" title="{$next-title}">Next →</a></xsl:if>
    </nav>
  </xsl:template>

  <xsl:template name="bibl">
    <xsl:variable name="title" select="$header/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="licence" select="$header/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence"/>
        <header class="bibl">
          <h1>
            <span lang="zh-Hans"><xsl:value-of select="$title/tei:title[@type='main'][@xml:lang='zh-Hans']"/></span>
            <xsl:if test="$title/tei:title[@type='main'][@xml:lang='en']">
              <span lang="en"><xsl:value-of select="$title/tei:title[@type='main'][@xml:lang='en']"/></span>
            </xsl:if>
          </h1>
          <dl>
            <dt>Newspaper</dt>
            <dd>
              <span lang="zh-Hans"><xsl:value-of select="$bibl/tei:monogr/tei:title[@xml:lang='zh-Hans']"/></span>
              <xsl:text> / </xsl:text>
              <span lang="en"><xsl:value-of select="$bibl/tei:monogr/tei:title[@xml:lang='en']"/></span>
            </dd>
            <dt>Date</dt><dd><xsl:value-of select="$bibl/tei:monogr/tei:imprint/tei:date/@when"/></dd>
            <dt>Page</dt>
            <dd>
              <xsl:value-of select="$bibl/tei:monogr/tei:biblScope[@unit='page']"/>
              <xsl:if test="$bibl/tei:monogr/tei:biblScope[@unit='section']">
                <xsl:text> (</xsl:text><span lang="zh-Hans"><xsl:value-of select="$bibl/tei:monogr/tei:biblScope[@unit='section']"/></span><xsl:text>)</xsl:text>
              </xsl:if>
            </dd>
            <xsl:if test="$bibl/tei:monogr/tei:biblScope[@unit='column']">
              <dt>Column</dt><dd lang="zh-Hans"><xsl:value-of select="$bibl/tei:monogr/tei:biblScope[@unit='column']"/></dd>
            </xsl:if>
            <dt>Authors</dt>
            <dd>
              <xsl:for-each select="$title/tei:author">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:for-each select="tei:persName">
                  <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                  <span lang="{@xml:lang}"><xsl:value-of select="."/></span>
                </xsl:for-each>
              </xsl:for-each>
              <xsl:if test="not($title/tei:author)">—</xsl:if>
            </dd>
            <xsl:if test="$bibl/tei:relatedItem[@type='reprintOf']">
              <dt>First published in</dt><dd lang="zh-Hans"><xsl:value-of select="$bibl/tei:relatedItem[@type='reprintOf']//tei:title"/></dd>
            </xsl:if>
            <dt>Edition</dt><dd><code><xsl:value-of select="/tei:TEI/@xml:id"/></code>
              <xsl:text> (</xsl:text><a href="{$tei}" type="application/tei+xml">TEI P5</a><xsl:text>)</xsl:text></dd>
            <xsl:if test="$licence">
              <dt>Licence</dt>
              <dd class="licence"><a rel="license" href="{$licence/@target}"><xsl:value-of select="normalize-space($licence)"/></a></dd>
            </xsl:if>
            <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:availability/tei:p">
              <dt>Rights</dt><dd class="rights"><xsl:value-of select="normalize-space(.)"/></dd>
            </xsl:for-each>
          </dl>
          <xsl:call-template name="citation"/>
          <button type="button" id="qa-toggle" hidden="hidden">QA findings</button>
        </header>
        <section id="qa-panel"><h2>QA findings</h2><ol id="qa-list"></ol></section>
        <script type="application/json" id="qa-findings"><xsl:value-of select="$qa"/></script>
  </xsl:template>

  <!-- How to cite: authors, both titles, the paper, date and page, the edition id. -->
  <xsl:template name="citation">
    <xsl:variable name="title" select="$header/tei:fileDesc/tei:titleStmt"/>
    <p class="cite" id="cite">
      <strong>Cite as: </strong>
      <xsl:for-each select="$title/tei:author">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="(tei:persName[@xml:lang='en'] | tei:persName)[1]"/>
      </xsl:for-each>
      <xsl:if test="$title/tei:author">. </xsl:if>
      <span lang="zh-Hans">“<xsl:value-of select="$title/tei:title[@type='main'][@xml:lang='zh-Hans']"/>”</span>
      <xsl:if test="$title/tei:title[@type='main'][@xml:lang='en']">
        <xsl:text> [</xsl:text><xsl:value-of select="$title/tei:title[@type='main'][@xml:lang='en']"/><xsl:text>]</xsl:text>
      </xsl:if>
      <xsl:text>. </xsl:text>
      <i><span lang="zh-Hans"><xsl:value-of select="$bibl/tei:monogr/tei:title[@xml:lang='zh-Hans']"/></span>
        <xsl:text> (</xsl:text><xsl:value-of select="$bibl/tei:monogr/tei:title[@xml:lang='en']"/><xsl:text>)</xsl:text></i>
      <xsl:text>, </xsl:text><xsl:value-of select="$bibl/tei:monogr/tei:imprint/tei:date/@when"/>
      <xsl:text>, p. </xsl:text><xsl:value-of select="$bibl/tei:monogr/tei:biblScope[@unit='page']"/>
      <xsl:text>. TEI edition </xsl:text><code><xsl:value-of select="/tei:TEI/@xml:id"/></code>
      <xsl:text>. Cite a paragraph by its number (¶) and the edition id.</xsl:text>
    </p>
  </xsl:template>

  <!-- The kinds of names this page marks, each a checkbox that shows or hides its marking. -->
  <xsl:template name="legend">
    <xsl:variable name="kinds" select="/tei:TEI/tei:standOff/*[tei:person or tei:place or tei:org]"/>
    <xsl:if test="$kinds">
      <fieldset class="legend">
        <legend>Names marked (hover or focus a name for its kind and both scripts)</legend>
        <xsl:for-each select="$kinds">
          <xsl:variable name="kind">
            <xsl:choose><xsl:when test="tei:person">persName</xsl:when><xsl:when test="tei:place">placeName</xsl:when><xsl:otherwise>orgName</xsl:otherwise></xsl:choose>
          </xsl:variable>
          <label class="{$kind}"><input type="checkbox" id="show-{$kind}" checked="checked"/>
            <xsl:text> </xsl:text><xsl:call-template name="kind-label"><xsl:with-param name="kind" select="$kind"/></xsl:call-template>
            <xsl:text> (</xsl:text><xsl:value-of select="count(*)"/><xsl:text>)</xsl:text></label>
        </xsl:for-each>
      </fieldset>
    </xsl:if>
  </xsl:template>

  <xsl:template name="kind-label">
    <xsl:param name="kind"/>
    <xsl:param name="one" select="false()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'persName'">Person</xsl:when>
      <xsl:when test="$kind = 'placeName'">Place</xsl:when>
      <xsl:otherwise>Organisation</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="not($one)">s</xsl:if>
  </xsl:template>

  <!-- The sections: the headings of the original, each with its translation. -->
  <xsl:template name="toc">
    <xsl:variable name="heads" select="($zh | $en[not($zh)])//tei:head[not(@type)][@xml:id]"/>
    <xsl:if test="$heads">
      <nav class="toc" aria-label="Sections">
        <h2>Sections</h2>
        <ol>
          <xsl:for-each select="$heads">
            <xsl:variable name="partner" select="key('unit', substring(substring-before(concat(normalize-space(@corresp), $sp), $sp), 2))"/>
            <li><a href="#{@xml:id}"><span lang="{ancestor::tei:div[@xml:lang][1]/@xml:lang}"><xsl:value-of select="normalize-space(.)"/></span>
              <xsl:if test="$partner"><xsl:text> · </xsl:text><span class="en" lang="en"><xsl:value-of select="normalize-space($partner)"/></span></xsl:if></a></li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A unit's readable number from its id: zh-p10 → ¶10, zh-h2 → §2, en-title → title. -->
  <xsl:template name="label">
    <xsl:param name="id"/>
    <xsl:variable name="n" select="substring-after($id, '-')"/>
    <xsl:choose>
      <xsl:when test="starts-with($n, 'p') and string(number(substring($n, 2))) != 'NaN'">¶<xsl:value-of select="substring($n, 2)"/></xsl:when>
      <xsl:when test="starts-with($n, 'h') and string(number(substring($n, 2))) != 'NaN'">§<xsl:value-of select="substring($n, 2)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="script">
        <script>
document.querySelectorAll('.s[data-link]').forEach(function (s) {
  var mates = s.getAttribute('data-link').split(' ').filter(Boolean)
    .map(function (id) { return document.getElementById(id.slice(1)); })
    .filter(function (m) { return m &amp;&amp; m !== s; });
  function on() { mates.forEach(function (m) { m.classList.add('hl-s'); }); }
  function off() { mates.forEach(function (m) { m.classList.remove('hl-s'); }); }
  s.addEventListener('mouseenter', on); s.addEventListener('mouseleave', off);
});
(function () {
  var findings = JSON.parse(document.getElementById('qa-findings').textContent || '[]');
  var button = document.getElementById('qa-toggle'), list = document.getElementById('qa-list');
  if (!findings.length) { return; }
  button.hidden = false;
  button.textContent = 'QA findings (' + findings.length + ')';
  findings.forEach(function (f) {
    var item = document.createElement('li'), link = document.createElement('a');
    link.href = '#' + f.sentences[0];
    link.textContent = f.sentences.join(' ');
    item.appendChild(link);
    item.appendChild(document.createTextNode(' ' + f.kind + ': ' + f.message));
    list.appendChild(item);
    f.sentences.forEach(function (id) {
      var s = document.getElementById(id);
      if (s) { s.classList.add('qa'); s.title = (s.title ? s.title + '\n' : '') + f.kind + ': ' + f.message; }
    });
  });
  button.addEventListener('click', function () { document.body.classList.toggle('show-qa'); });
})();
document.querySelectorAll('.unit').forEach(function (u) {
  var mates = (u.getAttribute('data-corresp') || '').split(' ').filter(Boolean)
    .map(function (id) { return document.getElementById(id.slice(1)); }).filter(Boolean);
  function on() { mates.forEach(function (m) { m.classList.add('hl'); }); }
  function off() { mates.forEach(function (m) { m.classList.remove('hl'); }); }
  u.addEventListener('mouseenter', on); u.addEventListener('mouseleave', off);
  u.addEventListener('focus', on); u.addEventListener('blur', off);
});
        </script>
  </xsl:template>

  <!-- One row: the Chinese units of this anchor and the English units that point to them. -->
  <xsl:template name="row">
    <xsl:param name="anchor"/>
    <xsl:variable name="first" select="substring(substring-before(concat(normalize-space(key('unit', $anchor)/@corresp), $sp), $sp), 2)"/>
    <!-- The Chinese units that point first where the anchor points first (2:1 merges). -->
    <xsl:variable name="zhRow" select="key('unit', $anchor) | key('zhByFirst', $first)"/>
    <!-- The English units that point first into those Chinese units (1:2 splits). -->
    <xsl:variable name="enRow" select="key('enByFirst', $zhRow/@xml:id)"/>
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="key('unit', $anchor)/self::tei:head[@type]">title</xsl:when>
        <xsl:when test="key('unit', $anchor)/self::tei:head">head</xsl:when>
        <xsl:otherwise>text</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="row {$kind}" id="row-{$anchor}">
      <div class="cell zh" lang="zh-Hans"><xsl:apply-templates select="$zhRow" mode="unit"/></div>
      <xsl:if test="$en">
        <div class="cell en" lang="en"><xsl:apply-templates select="$enRow" mode="unit"/></div>
      </xsl:if>
    </div>
    <xsl:call-template name="unlinked-en">
      <xsl:with-param name="after" select="$enRow[last()]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- English units without a partner, by the linked English unit they follow (the empty id:
       none, they open the text). A key, so that every row looks up its followers at once
       instead of testing every unlinked unit: the page stays linear in the units. -->
  <xsl:key name="unlinkedAfter"
           match="tei:div[@type='translation']//*[@xml:id][not(@corresp)][not(self::tei:div or self::tei:s)]"
           use="generate-id(preceding::*[@xml:id][@corresp][ancestor::tei:div[@type='translation']][1])"/>

  <xsl:template name="unlinked-en">
    <xsl:param name="after"/>
    <xsl:for-each select="key('unlinkedAfter', generate-id($after))">
      <div class="row unlinked">
        <div class="cell zh" lang="zh-Hans"/>
        <div class="cell en" lang="en"><xsl:apply-templates select="." mode="unit"/></div>
      </div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="unit">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="self::tei:head[@type='main']">h2</xsl:when>
        <xsl:when test="self::tei:head">h3</xsl:when>
        <xsl:otherwise>p</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
      <xsl:attribute name="class">unit <xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:attribute name="tabindex">0</xsl:attribute>
      <xsl:if test="@corresp"><xsl:attribute name="data-corresp"><xsl:value-of select="@corresp"/></xsl:attribute></xsl:if>
      <a class="pn" href="#{@xml:id}" title="Permalink"><xsl:call-template name="label"><xsl:with-param name="id" select="@xml:id"/></xsl:call-template></a>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:dateline]">
        <span class="dateline"><xsl:apply-templates/></span>
      </xsl:for-each>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A name: its kind and its names in both scripts as a tooltip; its own words link to its
       index entry, and a name inside it is a name of its own, with its own link (no link
       inside a link, so every nested name is reachable). -->
  <!-- A sentence: a span with its id and the sentences it is aligned with. -->
  <xsl:template match="tei:s">
    <span class="s" id="{@xml:id}">
      <xsl:for-each select="key('sentenceLink', concat('#', @xml:id))[1]">
        <xsl:attribute name="data-link"><xsl:value-of select="normalize-space(@target)"/></xsl:attribute>
      </xsl:for-each>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName">
    <xsl:variable name="entity" select="key('entity', substring(@ref, 2))"/>
    <span class="nm {local-name()}" data-ref="{@ref}">
      <xsl:attribute name="title">
        <xsl:call-template name="kind-label"><xsl:with-param name="kind" select="local-name()"/><xsl:with-param name="one" select="true()"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="$entity/*[@xml:lang]">
          <xsl:if test="position() &gt; 1"> / </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
        <xsl:if test="$entity/@resp = '#tei-tools'"> (found by machine, not in the register)</xsl:if>
      </xsl:attribute>
      <xsl:apply-templates mode="name-part"><xsl:with-param name="ref" select="@ref"/></xsl:apply-templates>
    </span>
  </xsl:template>
  <xsl:template match="text()" mode="name-part">
    <xsl:param name="ref"/>
    <a href="#idx-{substring($ref, 2)}"><xsl:value-of select="."/></a>
  </xsl:template>
  <xsl:template match="tei:persName | tei:placeName | tei:orgName" mode="name-part">
    <xsl:apply-templates select="."/>
  </xsl:template>
  <xsl:template match="*" mode="name-part">
    <xsl:param name="ref"/>
    <xsl:apply-templates mode="name-part"><xsl:with-param name="ref" select="$ref"/></xsl:apply-templates>
  </xsl:template>

  <!-- The index of names, from the standOff: the forms the text uses in each language, and
       where each occurs, one label per unit (¶ paragraph, § heading), per language. A name
       found by machine (resp="#tei-tools", not in the register) is marked so. -->
  <xsl:template name="index">
    <section class="index" id="index">
      <h2>Index of names</h2>
      <xsl:apply-templates select="/tei:TEI" mode="corpus-index"/>
      <xsl:for-each select="/tei:TEI/tei:standOff/*[tei:person or tei:place or tei:org]">
        <h3>
          <xsl:call-template name="kind-label">
            <xsl:with-param name="kind" select="local-name((tei:person | tei:place | tei:org)[1]/*[@xml:lang][1])"/>
          </xsl:call-template>
        </h3>
        <ul>
          <xsl:for-each select="tei:person | tei:place | tei:org">
            <li id="idx-{@xml:id}">
              <xsl:if test="@resp = '#tei-tools'"><xsl:attribute name="class">machine-made</xsl:attribute></xsl:if>
              <xsl:call-template name="forms"><xsl:with-param name="lang" select="'zh-Hans'"/></xsl:call-template>
              <xsl:call-template name="forms"><xsl:with-param name="lang" select="'en'"/></xsl:call-template>
              <xsl:if test="@resp = '#tei-tools'">
                <xsl:text> </xsl:text><span class="machine" title="Tagged by tei_tools; not in the register, not checked by an editor">machine</span>
              </xsl:if>
              <xsl:apply-templates select="." mode="corpus-index"/>
              <xsl:text> </xsl:text>
              <span class="occ">
                <xsl:call-template name="occurrences"><xsl:with-param name="lang" select="'zh-Hans'"/></xsl:call-template>
                <xsl:call-template name="occurrences"><xsl:with-param name="lang" select="'en'"/></xsl:call-template>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- The forms of this entity the text writes in one language, each once; where the text has
       none, the register's first form, marked as the register's. -->
  <xsl:template name="forms">
    <xsl:param name="lang"/>
    <xsl:variable name="ref" select="concat('#', @xml:id)"/>
    <xsl:variable name="used" select="key('refLang', concat($ref, ' ', $lang))"/>
    <xsl:variable name="kind" select="local-name(*[@xml:lang][1])"/>
    <xsl:choose>
      <xsl:when test="$used">
        <xsl:for-each select="$used[generate-id() = generate-id(key('form', concat($ref, ' ', $lang, ' ', normalize-space(.)))[1])]">
          <xsl:if test="position() &gt; 1"> · </xsl:if>
          <span lang="{$lang}" class="{$kind}"><xsl:value-of select="normalize-space(.)"/></span>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="*[@xml:lang = $lang]">
        <span lang="{$lang}" class="{$kind} reg" title="the register's form; not in this text"><xsl:value-of select="*[@xml:lang = $lang][1]"/></span>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$lang = 'zh-Hans' and *[@xml:lang = 'en']"><xsl:text> · </xsl:text></xsl:if>
  </xsl:template>

  <!-- Where an entity occurs in one language: "zh ¶2 ¶5", one link per unit. -->
  <xsl:template name="occurrences">
    <xsl:param name="lang"/>
    <xsl:variable name="ref" select="concat('#', @xml:id)"/>
    <xsl:variable name="here" select="key('refLang', concat($ref, ' ', $lang))"/>
    <xsl:if test="$here">
      <span class="lang" lang="{$lang}">
        <xsl:if test="$lang = 'en'"> · </xsl:if>
        <xsl:choose><xsl:when test="$lang = 'en'">en</xsl:when><xsl:otherwise>zh</xsl:otherwise></xsl:choose>
        <xsl:text> </xsl:text>
        <!-- the units it stands in, each once and in order (a path's node-set has no
             repeats): a name in a dateline stands in the paragraph the dateline opens -->
        <xsl:for-each select="$here/ancestor::*[@xml:id][not(self::tei:div or self::tei:TEI or self::tei:s)]
                              | $here/ancestor::tei:dateline/following-sibling::*[@xml:id][1]">
          <a href="#{@xml:id}" title="{@xml:id}"><xsl:call-template name="label"><xsl:with-param name="id" select="@xml:id"/></xsl:call-template></a>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- The corpus-wide index of names and authority files (tei-tools index, register import). -->
  <xsl:template match="tei:TEI" mode="corpus-index">
    <xsl:if test="$names-index != ''">
      <p class="corpus-index">Across the corpus:
        <a href="{$names-index}persons.html">persons</a> · <a href="{$names-index}places.html">places</a> ·
        <a href="{$names-index}orgs.html">organisations</a></p>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:person | tei:place | tei:org" mode="corpus-index">
    <xsl:for-each select="tei:idno">
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="@type = 'wikidata'"><a class="authority" href="https://www.wikidata.org/wiki/{.}">Wikidata <xsl:value-of select="."/></a></xsl:when>
        <xsl:when test="@type = 'geonames'"><a class="authority" href="https://www.geonames.org/{.}">GeoNames <xsl:value-of select="."/></a></xsl:when>
        <xsl:when test="@type = 'viaf'"><a class="authority" href="https://viaf.org/viaf/{.}">VIAF <xsl:value-of select="."/></a></xsl:when>
        <xsl:when test="@type = 'cbdb'"><a class="authority" href="https://cbdb.fas.harvard.edu/cbdbapi/person.php?id={.}">CBDB <xsl:value-of select="."/></a></xsl:when>
        <xsl:otherwise><span class="authority"><xsl:value-of select="concat(@type, ' ', .)"/></span></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="$names-index != ''">
      <xsl:text> </xsl:text>
      <a class="corpus" href="{$names-index}{local-name()}s.html#{/tei:TEI/@xml:id}.{@xml:id}">in the corpus</a>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

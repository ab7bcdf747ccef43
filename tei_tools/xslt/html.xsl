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

  Sentences (s) are spans; hovering or focusing one highlights the sentences its sentence link
  joins it to (a key over the links' pointers, so the page stays linear in the file). The `qa`
  parameter (JSON: a list of {sentences, kind, message}, as `tei-tools qa -\-json` gives them;
  `tei-tools html` passes them) is shown on request: a button marks those sentences and lists
  the findings.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="tei str">

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:param name="qa" select="'[]'"/>
  <!-- The folder of the corpus-wide index of names relative to this page (tei-tools html: names/);
       empty: no such index, no links to it. -->
  <xsl:param name="names-index" select="''"/>

  <xsl:key name="unit" match="tei:body//*[@xml:id][not(self::tei:div or self::tei:s)]" use="@xml:id"/>
  <!-- Units by the id their @corresp starts with: the Chinese units of a 2:1 merge share it,
       and the English units of a row start with one of the row's Chinese units. -->
  <xsl:key name="zhByFirst" match="tei:div[@type='original']//*[@xml:id][@corresp]"
           use="substring(substring-before(concat(normalize-space(@corresp), ' '), ' '), 2)"/>
  <xsl:key name="enByFirst" match="tei:div[@type='translation']//*[@xml:id][@corresp]"
           use="substring(substring-before(concat(normalize-space(@corresp), ' '), ' '), 2)"/>
  <!-- Sentence links by each sentence they join. -->
  <xsl:key name="sentenceLink" match="tei:standOff/tei:linkGrp[@type='sentences']/tei:link"
           use="str:tokenize(normalize-space(@target), ' ')"/>
  <xsl:key name="ref" match="tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName"
           use="@ref"/>

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
        <style>
:root { --zh: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", serif;
        --en: Georgia, "Times New Roman", serif; --mark: #fff3b0; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font-family: var(--en); line-height: 1.6; color: #222; }
:lang(zh-Hans) { font-family: var(--zh); }
header.bibl { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
header.bibl h1 { font-size: 1.6rem; margin: .2rem 0; }
header.bibl h1 span { display: block; }
header.bibl dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; }
header.bibl dt { font-weight: bold; }
header.bibl dd { margin: 0; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; padding: .3rem .5rem; border-radius: 4px; }
.row.head { margin-top: 1rem; font-weight: bold; font-size: 1.1rem; }
.row.title { font-size: 1.3rem; font-weight: bold; }
main.original .row { grid-template-columns: 1fr; max-width: 42rem; }
.dateline { font-weight: bold; }
.unit.closer { text-align: right; }
.cell p, .cell div { margin: .2rem 0; }
.unit:focus, .unit.hl { background: var(--mark); outline: none; }
.s.hl-s { background: #ffd866; border-radius: 3px; }
body.show-qa .s.qa { text-decoration: underline wavy #b00; text-underline-offset: 3px; }
#qa-panel { display: none; border: 1px solid #e0b0b0; background: #fff8f8; padding: .5rem 1rem; margin: 1rem 0; font-size: .9rem; }
body.show-qa #qa-panel { display: block; }
.persName { color: #7a1f1f; }
.placeName { color: #1f4f7a; }
.orgName { color: #2f6b2f; }
a.persName, a.placeName, a.orgName { text-decoration: none; border-bottom: 1px dotted currentColor; }
section.index { border-top: 1px solid #ccc; margin-top: 2rem; }
section.index li { margin: .2rem 0; }
section.index .occ a { margin-right: .3rem; font-size: .85rem; }
@media (max-width: 700px) { .row { grid-template-columns: 1fr; gap: .3rem; } .cell.en { border-left: 3px solid #ddd; padding-left: .5rem; } }
@media print { .row { break-inside: avoid; } a { color: inherit; border: 0 !important; } .unit.hl { background: none; } section.index { break-before: page; } }
        </style>
      </head>
      <body>
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
            <dt>Edition</dt><dd><code><xsl:value-of select="/tei:TEI/@xml:id"/></code></dd>
          </dl>
          <button type="button" id="qa-toggle" hidden="hidden">QA findings</button>
        </header>
        <section id="qa-panel"><h2>QA findings</h2><ol id="qa-list"></ol></section>
        <script type="application/json" id="qa-findings"><xsl:value-of select="$qa"/></script>
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
      </body>
    </html>
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
      <xsl:for-each select="preceding-sibling::*[1][self::tei:dateline]">
        <span class="dateline"><xsl:apply-templates/></span>
      </xsl:for-each>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A sentence: a span with its id. -->
  <xsl:template match="tei:s">
    <span class="s" id="{@xml:id}">
      <xsl:for-each select="key('sentenceLink', concat('#', @xml:id))[1]">
        <xsl:attribute name="data-link"><xsl:value-of select="normalize-space(@target)"/></xsl:attribute>
      </xsl:for-each>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName">
    <a class="{local-name()}" href="#idx-{substring(@ref, 2)}">
      <xsl:apply-templates mode="inner"/>
    </a>
  </xsl:template>
  <!-- A name inside a name: marked, but one link (the outer) is enough. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName" mode="inner">
    <span class="{local-name()}" data-ref="{@ref}"><xsl:apply-templates mode="inner"/></span>
  </xsl:template>

  <!-- The index of names, from the standOff: names in both languages and where each occurs. -->
  <xsl:template name="index">
    <section class="index">
      <h2>Index of names</h2>
      <xsl:apply-templates select="/tei:TEI" mode="corpus-index"/>
      <xsl:for-each select="/tei:TEI/tei:standOff/*[tei:person or tei:place or tei:org]">
        <h3>
          <xsl:choose>
            <xsl:when test="tei:person">Persons</xsl:when>
            <xsl:when test="tei:place">Places</xsl:when>
            <xsl:otherwise>Organisations</xsl:otherwise>
          </xsl:choose>
        </h3>
        <ul>
          <xsl:for-each select="tei:person | tei:place | tei:org">
            <li id="idx-{@xml:id}">
              <xsl:for-each select="*[@xml:lang]">
                <xsl:if test="position() &gt; 1"> · </xsl:if>
                <span lang="{@xml:lang}" class="{local-name()}"><xsl:value-of select="."/></span>
              </xsl:for-each>
              <xsl:apply-templates select="." mode="corpus-index"/>
              <xsl:text> </xsl:text>
              <span class="occ">
                <xsl:for-each select="key('ref', concat('#', @xml:id))">
                  <!-- the unit it stands in; for a dateline, the paragraph the dateline opens -->
                  <xsl:variable name="u" select="(ancestor::*[@xml:id][not(self::tei:div or self::tei:TEI or self::tei:s)] | ancestor::tei:dateline/following-sibling::*[@xml:id][1])[1]"/>
                  <a href="#{$u/@xml:id}"><xsl:value-of select="$u/@xml:id"/></a>
                </xsl:for-each>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:for-each>
    </section>
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

<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei_tools plain text: one language of a TEI edition, one unit a line, a blank line between
  units, in reading order (title decks, byline, paragraphs, headings, closers, closing note).
  A dateline that opens a dispatch is printed with the paragraph it opens, as in the source line.
  xsltproc -\-stringparam lang en tei_tools/xslt/text.xsl edition.xml
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="lang" select="'en'"/>

  <xsl:template match="/">
    <xsl:for-each select="/tei:TEI/tei:text/tei:body/tei:div[@xml:lang = $lang]//*[@xml:id][not(self::tei:div or self::tei:s)]">
      <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
      <xsl:value-of select="preceding-sibling::*[1][self::tei:dateline]"/>
      <xsl:value-of select="."/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>

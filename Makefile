# tei_tools: `make` builds the venv, converts every source and validates the editions;
# `make test` runs the suite. Targets depend on real files, so a second `make` does nothing.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SOURCES  := $(wildcard editions/sources/*)
PACKAGE  := $(shell find tei_tools -name '*.py' -o -name '*.xsl' -o -name '*.xml' | sort) \
            schema/tei_tools.xsd schema/tei_tools.sch schema/xml.xsd schema/tei_tools.odd
BUILD    := build
TEI_ALL_URL := https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng
# The official schema: a fetched copy (make tei-all) or the one given on the command line.
TEI_ALL  ?= $(firstword $(wildcard schema/tei_all.rng ../shared/tei/tei_all.rng))
JING     := $(shell command -v jing 2>/dev/null)
TEI_ALL_FLAG := $(if $(and $(TEI_ALL),$(JING)),--tei-all $(TEI_ALL))

.PHONY: all editions validate html text bag saf test bench scores clean tei-all schema
.DELETE_ON_ERROR:

all: validate html text

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

editions: editions/.built
editions/.built: $(SOURCES) $(PACKAGE) $(INSTALLED) editions/register.xml $(wildcard tei-tools.toml)
	$(BIN)/tei-tools convert editions/sources -o editions --prune
	touch $@

validate: editions/.validated
editions/.validated: editions/.built schema/tei_tools.xsd schema/tei_tools.sch
	$(BIN)/tei-tools validate editions $(TEI_ALL_FLAG)
	touch $@

# Reading editions (with the corpus index and its search) and plain text for every edition, in build/.
html: $(BUILD)/html/index.html
$(BUILD)/html/index.html: editions/.validated tei_tools/xslt/html.xsl $(wildcard tei_tools/xslt/site/*) tei_tools/transform.py editions/register.xml
	$(BIN)/tei-tools html editions -o $(BUILD)/html --prune

text: $(BUILD)/text/.built
$(BUILD)/text/.built: editions/.validated tei_tools/xslt/text.xsl
	$(BIN)/tei-tools text editions -o $(BUILD)/text --prune
	touch $@

# BagIt packages (with Dublin Core records) of every edition, in build/bags.
# Organisation, contact, licence: tei-tools.toml (README); ORGANIZATION= overrides its name.
ORGANIZATION ?=
CONFIG   := $(wildcard tei-tools.toml)
bag: $(BUILD)/bags/.built
$(BUILD)/bags/.built: editions/.validated tei_tools/xslt/html.xsl tei_tools/xslt/text.xsl $(CONFIG)
	$(BIN)/tei-tools bag editions -o $(BUILD)/bags --prune $(if $(ORGANIZATION),--organization "$(ORGANIZATION)")
	$(BIN)/tei-tools bag --verify $(BUILD)/bags/*/
	touch $@

saf: $(BUILD)/saf/.built
$(BUILD)/saf/.built: editions/.validated tei_tools/xslt/html.xsl tei_tools/xslt/text.xsl $(CONFIG)
	$(BIN)/tei-tools saf editions -o $(BUILD)/saf --prune
	touch $@

test: $(INSTALLED)
	$(BIN)/python -m pytest

# Name-tagging scores: the committed editions with gold in tests/gold/, then the real-text dev and
# blind sets of tests/realtext/ (converted into build/realtext/), each with its micro average;
# then the sentence alignment against the hand-aligned articles of tests/sentgold/.
REALTEXT := $(wildcard tests/realtext/*/*.txt)
scores: editions/.built $(BUILD)/realtext/.built
	@pairs=""; for gold in tests/gold/*.tsv; do name=$$(basename $$gold .tsv); \
	  pairs="$$pairs $$(grep -l ">$$name.txt<" editions/*.xml) $$gold"; done; \
	  echo "== editions with gold"; $(BIN)/tei-tools score $$pairs
	@for set in dev blind blind2; do pairs=""; for gold in tests/realtext/$$set/*.tsv; do name=$$(basename $$gold .tsv); \
	  pairs="$$pairs $$(grep -l ">$$name.txt<" $(BUILD)/realtext/$$set/*.xml) $$gold"; done; \
	  echo "== real text, $$set"; $(BIN)/tei-tools score $$pairs; done
	@pairs=""; for gold in tests/sentgold/*.tsv; do src=$$(sed -n 's/^# source: //p' $$gold); \
	  set=$$(basename $$(dirname $$src)); name=$$(basename $$src); \
	  pairs="$$pairs $$(grep -l ">$$name<" $(BUILD)/realtext/$$set/*.xml) $$gold"; done; \
	  echo "== sentence alignment (tests/sentgold/)"; $(BIN)/python -m tei_tools.sentscore $$pairs

$(BUILD)/realtext/.built: $(REALTEXT) $(PACKAGE) $(INSTALLED) editions/register.xml
	for set in dev blind blind2; do $(BIN)/tei-tools convert tests/realtext/$$set/*.txt -o $(BUILD)/realtext/$$set \
	  --register editions/register.xml --force; done
	touch $@

# Speed and memory against floors measured in the same run (minutes; not part of `make test`).
BENCH_ARGS ?=
bench: $(INSTALLED)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# Fetch the official TEI P5 tei_all schema (needs the network, once).
tei-all: schema/tei_all.rng
schema/tei_all.rng:
	curl -fsSL -o $@.tmp $(TEI_ALL_URL) && mv $@.tmp $@

# The customisation: schema/tei_tools.odd compiled with the TEI Stylesheets against p5subset.xml
# into tei_tools.rng, tei_tools.isosch, tei_tools.html and tei_tools.sch (all committed; a test
# checks they are what this gives, byte for byte). TEI_DIR names a copy of the TEI files
# (Stylesheets/, p5subset.xml, schematron/); the default is the one beside the clone.
TEI_DIR  ?= ../shared/tei
schema: $(INSTALLED)
	$(BIN)/python -m tei_tools.tei_consortium $(TEI_DIR)

clean:
	rm -rf $(BUILD) editions/.built editions/.validated .pytest_cache

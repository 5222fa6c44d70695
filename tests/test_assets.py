"""Unit tests of the post-build page and stylesheet work (scripts/plugin/assets.py), on small inputs
written here: what the purge keeps and drops, and what the page rewrite does to a page."""

from __future__ import annotations

from scripts.plugin.assets import PageRewrite, page_names, purge_css


def test_a_rule_stays_only_while_every_class_it_needs_is_used():
    css = ".a{color:red}.b{color:blue}.a .b{margin:0}.a.c{padding:0}"
    assert purge_css(css, {"a"}) == ".a{color:red}"
    assert purge_css(css, {"a", "b"}) == ".a{color:red}.b{color:blue}.a .b{margin:0}"


def test_a_selector_list_keeps_only_its_possible_selectors():
    assert purge_css(".a,.b>p,div{x:1}", {"b"}) == ".b>p,div{x:1}"


def test_element_and_id_selectors_need_no_class():
    assert purge_css("body{x:1}#top{y:2}a:hover{z:3}", set()) == "body{x:1}#top{y:2}a:hover{z:3}"


def test_what_a_functional_pseudo_class_holds_is_a_condition_not_a_requirement():
    assert purge_css(".a:not(.gone){x:1}", {"a"}) == ".a:not(.gone){x:1}"
    assert purge_css(":is(.gone,.also) p{x:1}", set()) == ":is(.gone,.also) p{x:1}"


def test_a_colour_scheme_rule_needs_its_value_in_a_page():
    css = '[data-md-color-scheme=slate]{x:1}[data-md-color-primary="custom"]{y:2}'
    assert purge_css(css, {"slate"}) == "[data-md-color-scheme=slate]{x:1}"
    assert purge_css(css, {"custom"}) == '[data-md-color-primary="custom"]{y:2}'


def test_an_attribute_value_with_a_dot_is_not_a_class():
    assert purge_css('a[href$=".pdf"]{x:1}', set()) == 'a[href$=".pdf"]{x:1}'


def test_grouping_rules_are_purged_inside_and_dropped_when_empty():
    css = "@media screen{.a{x:1}.b{y:2}}@media print{.gone{z:3}}@supports (display:grid){.a{g:1}}"
    assert purge_css(css, {"a"}) == "@media screen{.a{x:1}}@supports (display:grid){.a{g:1}}"
    nested = "@media screen{@supports (gap:1px){.b{x:1}}}"
    assert purge_css(nested, set()) == ""


def test_other_at_rules_are_kept_whole():
    css = "@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{0%{a:0}to{a:1}}"
    assert purge_css(css, set()) == css


def test_a_page_uses_its_classes_and_colour_values():
    html = '<body data-md-color-scheme="slate"><p class="a b">x</p><div class=" c ">'
    assert page_names(html) == {"slate", "a", "b", "c"}


def test_a_page_points_at_renamed_files_and_loses_the_merged_stylesheets():
    page = (
        '<link rel="stylesheet" href="../assets/stylesheets/main.1.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/palette.2.min.css">\n'
        '<link rel="stylesheet" href="../assets/kb.css">\n'
        '<script src="../assets/javascripts/bundle.3.min.js"></script>\n'
    )
    rewrite = PageRewrite(
        {
            "assets/stylesheets/main.1.min.css": "assets/stylesheets/site.abc.min.css",
            "assets/javascripts/bundle.3.min.js": "assets/javascripts/site.def.min.js",
        },
        ["assets/stylesheets/palette.2.min.css", "assets/kb.css"],
    )
    out = rewrite(page)
    assert '<link rel="stylesheet" href="../assets/stylesheets/site.abc.min.css">' in out
    assert "palette" not in out and "kb.css" not in out
    # The theme's script is no longer a <script src>: it is started after the first paint.
    assert '<script src="../assets/javascripts' not in out
    assert 's.src="../assets/javascripts/site.def.min.js"' in out

//! Tests of the HTML page: shell, headings, tables, escaping, ids, words, overriding.

use super::*;
use crate::render::sample::{self, HOSTILE, LONG_URL};
use crate::render::{find_subsequence, words, words_in};

fn render(doc: &Document) -> String {
    render_html(doc, &default_environment()).expect("renders")
}

/// The levels of the headings, in document order.
fn heading_levels(html: &str) -> Vec<u32> {
    html.match_indices("<h")
        .filter_map(|(i, _)| {
            let b = html.as_bytes();
            let d = *b.get(i + 2)?;
            let after = *b.get(i + 3)?;
            (d.is_ascii_digit() && (after == b'>' || after == b' ')).then(|| u32::from(d - b'0'))
        })
        .collect()
}

fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    html.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            &rest[..rest.find('"').expect("attribute closes")]
        })
        .collect()
}

#[test]
fn page_shell_is_complete() {
    let html = render(&sample::clean_document());
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en-GB\">\n"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(!html.contains("user-scalable") && !html.contains("maximum-scale"));
    assert!(
        html.contains("<title>Privacy notice for council tax – Maidstone Borough Council</title>")
    );
    assert!(html.ends_with("</html>\n") && !html.ends_with("\n\n"));
    // The skip link is the first link and points at main.
    let first_link = &html[html.find("<a ").unwrap()..];
    assert!(first_link.starts_with("<a class=\"skip-link\" href=\"#main\">"));
    assert!(html.contains("<main id=\"main\""));
    for landmark in ["<header>", "<nav aria-label=\"Contents\">", "<footer>"] {
        assert_eq!(html.matches(landmark).count(), 1, "{landmark}");
    }
    assert_eq!(html.matches("<main").count(), 1);
}

#[test]
fn self_contained_and_scriptless() {
    let html = render(&sample::clean_document());
    let lower = html.to_ascii_lowercase();
    for banned in ["<script", "<link", " src=", "url(", "@import", "<iframe"] {
        assert!(!lower.contains(banned), "page contains {banned}");
    }
    // No event handler attributes (` onclick=`).
    for (i, _) in lower.match_indices(" on") {
        let name: String = lower[i + 3..]
            .chars()
            .take_while(char::is_ascii_lowercase)
            .collect();
        assert!(
            !lower[i + 3 + name.len()..].starts_with('='),
            "handler on{name}"
        );
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("a[href^=\"http\"]::after { content: \" (\" attr(href) \")\"; }"));
}

#[test]
fn one_h1_and_no_skipped_levels() {
    for doc in [sample::document(), sample::clean_document()] {
        let html = render(&doc);
        let levels = heading_levels(&html);
        assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{levels:?}");
        assert_eq!(levels[0], 1);
        for pair in levels.windows(2) {
            assert!(pair[1] <= pair[0] + 1, "skipped a level: {levels:?}");
        }
        assert!(levels.contains(&4), "nested sections reach h4: {levels:?}");
    }
}

#[test]
fn deep_sections_cap_at_h6() {
    let mut doc = sample::clean_document();
    let mut deep = doc.sections[0].clone();
    for _ in 0..6 {
        let mut parent = doc.sections[1].clone();
        parent.id = format!("{}-x", deep.id);
        parent.children = vec![deep];
        deep = parent;
    }
    doc.sections.push(deep);
    let html = render(&doc);
    let levels = heading_levels(&html);
    assert!(levels.iter().all(|&l| (1..=6).contains(&l)));
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "skipped a level: {levels:?}");
    }
}

#[test]
fn tables_have_captions_and_scoped_headers() {
    let html = render(&sample::document());
    let tables: Vec<&str> = html.split("<table>").skip(1).collect();
    assert!(!tables.is_empty());
    for t in tables {
        let t = &t[..t.find("</table>").unwrap()];
        assert!(t.starts_with("\n<caption id=\""), "caption first: {t}");
        let thead = &t[t.find("<thead>").unwrap()..t.find("</thead>").unwrap()];
        assert_eq!(thead.matches("<th scope=\"col\">").count(), 3);
        assert!(!thead.contains("<td"));
        let tbody = &t[t.find("<tbody>").unwrap()..];
        for row in tbody.split("<tr>").skip(1) {
            assert!(row.starts_with("<th scope=\"row\">"), "row header: {row}");
            assert_eq!(row.matches("<td>").count(), 2);
        }
    }
    // The scrolling wrapper is named by the caption.
    let wrap = "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-1\" tabindex=\"0\">\n<table>\n<caption id=\"table-1\">";
    assert!(html.contains(wrap));
}

#[test]
fn table_regions_have_unique_names() {
    let mut doc = sample::clean_document();
    let Block::Table(mut table) = doc.sections[1].blocks[4].clone() else {
        panic!("the sample's table moved");
    };
    table.caption = " What we collect  AND why ".into();
    doc.sections[1].blocks.push(Block::Table(table.clone()));
    let html = render(&doc);
    assert!(html.contains(
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-1\" tabindex=\"0\">"
    ));
    assert!(html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"What we collect  AND why (table)\" tabindex=\"0\">\n<table>\n<caption id=\"table-2\">"));
    doc.lang = "cy".into();
    assert!(render(&doc).contains("aria-label=\"What we collect  AND why (tabl)\""));
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let doc = sample::document();
    let html = render(&doc);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "raw script tag");
    assert!(!html.contains("\" onmouseover"), "attribute injection");
    assert!(!lower.contains("javascript:"), "javascript: URL survived");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x"));
    // Every title-bearing place: title, h1, organisation, lang, section id and heading,
    // field label, note label, table cell, contents entry.
    assert!(html.contains("<html lang=\"en-GB&quot; onmouseover=&quot;x\">"));
    assert!(html.contains("<section aria-labelledby=\"hostile&quot;-onmouseover=&quot;x\">"));
    assert!(html.contains("<a href=\"#hostile&quot;-onmouseover=&quot;x\">"));
    assert!(html.contains("<dt>&lt;script&gt;"));
    assert!(html.contains("<strong>&lt;script&gt;"));
    assert!(html.contains("<th scope=\"row\">&lt;script&gt;"));
    // The javascript: link keeps its words but loses its target.
    assert!(html.contains("a hostile link: do not follow and"));
    // A URL with quotes and angle brackets stays inside its attribute.
    assert!(html.contains(
        "<a href=\"https://example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\">quoted</a>"
    ));
    // Quotes in every attribute value are escaped: none ends early.
    for attr in ["id", "href", "aria-labelledby", "class", "lang"] {
        for v in attr_values(&html, attr) {
            assert!(!v.contains('<') && !v.contains('>'), "{attr}={v}");
        }
    }
}

#[test]
fn safe_href_allows_only_known_schemes() {
    for ok in [
        "https://example.org/a?b=c",
        "http://example.org",
        "mailto:a@example.org",
        "tel:+441622677055",
        "#who-we-are",
        "HTTPS://EXAMPLE.ORG",
    ] {
        assert!(safe_href(ok).is_some(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:alert(1)",
        "vbscript:msgbox",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example",
        "https:",
        "",
        "file:///etc/passwd",
    ] {
        assert_eq!(safe_href(bad), None, "{bad:?}");
    }
    assert_eq!(
        safe_href(" https://a.example/b c ").as_deref(),
        Some("https://a.example/b%20c")
    );
}

#[test]
fn links_keep_runs_and_fields() {
    let html = render(&sample::clean_document());
    assert!(html.contains(&format!(
        "<a href=\"{LONG_URL}\">our data protection pages</a>"
    )));
    // A link that says its own address is marked so print does not repeat it.
    assert!(html.contains(&format!(
        "<a class=\"url\" href=\"{LONG_URL}\">{LONG_URL}</a>"
    )));
    assert!(
        html.contains(
            "<a href=\"tel:+441622677055\"><span class=\"nowrap\">01622 677055</span></a>"
        )
    );
    assert!(html.contains("<span class=\"nowrap\">ME15 9BZ</span>"));
    assert!(html.contains(
        "<a href=\"mailto:dataprotection@maidstone.gov.uk\"><span class=\"nowrap long\">dataprotection@maidstone.gov.uk</span></a>"
    ));
    assert!(html.contains(
        "<div><dt>Address</dt><dd>Maidstone House<br>King Street<br>Maidstone <span class=\"nowrap\">ME15 9BZ</span></dd></div>"
    ));
    assert!(html.contains("<div class=\"note\" role=\"note\">\n<p class=\"note-label\"><strong>Your right to object</strong></p>"));
    assert!(html.contains("ŵyr, ŷd, dŵr a tŷ"));
    assert!(html.contains("<ul>\n<li>the people who live with you</li>"));
    assert!(html.contains("<ol>\n<li>Write to us or send an email.</li>"));
    assert!(html.contains("<h3>How to ask for your information</h3>"));
}

#[test]
fn contents_lists_sections_in_contents() {
    let mut doc = sample::clean_document();
    doc.sections[0].in_contents = false;
    let html = render(&doc);
    let nav = &html[html.find("<nav").unwrap()..html.find("</nav>").unwrap()];
    assert!(!nav.contains("#who-we-are"));
    // A left-out section passes its listed children up.
    assert!(nav.contains(
        "<li><a href=\"#data-protection-officer\">Our data protection officer</a><ul>\n<li><a href=\"#dpo-hours\">"
    ));
    assert!(nav.contains("<li><a href=\"#your-rights\">Your rights</a></li>"));
    // No section listed: no nav at all.
    fn unlist(s: &mut [Section]) {
        for s in s {
            s.in_contents = false;
            unlist(&mut s.children);
        }
    }
    unlist(&mut doc.sections);
    assert!(!render(&doc).contains("<nav"));
}

#[test]
fn ids_are_unique_and_targets_exist() {
    let mut doc = sample::document();
    // A section whose id collides with a generated caption id, two sections with one
    // id, an id with a space and an empty id.
    doc.sections[2].id = "table-1".into();
    doc.sections[1].id = "who-we-are".into();
    doc.sections[0].children[0].id = "our officer".into();
    doc.sections[0].children[0].children[0].id = String::new();
    let html = render(&doc);
    let ids = attr_values(&html, "id");
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    for target in attr_values(&html, "aria-labelledby") {
        assert!(ids.contains(&target), "{target}");
    }
    for href in attr_values(&html, "href") {
        if let Some(frag) = href.strip_prefix('#') {
            assert!(ids.contains(&frag), "{href}");
        }
    }
    assert!(html.contains("<a href=\"#who-we-are-2\">What we collect and why</a>"));
    assert!(html.contains("<h2 id=\"who-we-are-2\">What we collect and why</h2>"));
    assert!(html.contains("<a href=\"#our-officer\">Our data protection officer</a>"));
    assert!(html.contains("<a href=\"#section\">When the officer is available</a>"));
    assert!(html.contains("<a href=\"#table-1\">Your rights</a>"));
    assert!(html.contains("<caption id=\"table-1-2\">"));
}

#[test]
fn says_every_word_in_order() {
    for doc in [sample::document(), sample::clean_document()] {
        let html = render(&doc);
        let want = words(&doc);
        let got = words_in(&sample::visible_text(&html));
        if let Err(i) = find_subsequence(&want, &got) {
            panic!("word {i} ({:?}) missing or out of order", want[i]);
        }
    }
}

#[test]
fn deterministic() {
    let doc = sample::document();
    assert_eq!(render(&doc), render(&doc));
    assert_eq!(render(&doc), render(&doc.clone()));
}

#[test]
fn welsh_page_labels() {
    let mut doc = sample::clean_document();
    doc.lang = "cy".into();
    let html = render(&doc);
    assert!(html.contains("<html lang=\"cy\">"));
    assert!(html.contains("Neidio i’r prif gynnwys"));
    assert!(html.contains("<nav aria-label=\"Cynnwys\">"));
}

#[test]
fn template_can_be_overridden() {
    let mut env = Environment::new();
    env.add_template(PAGE_TEMPLATE_NAME, "<h1>{{ title }}</h1>{{ body }}")
        .unwrap();
    let doc = sample::document();
    let html = render_html(&doc, &env).unwrap();
    assert!(html.starts_with("<h1>Privacy notice for council tax &lt;script&gt;"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    let missing = render_html(&doc, &Environment::new()).unwrap_err();
    assert!(missing.to_string().contains("page.html.j2"), "{missing}");
}

#[test]
fn same_page_with_trimmed_blocks() {
    // The wording templates' environment trims blocks; the page must not depend on it.
    let mut env = default_environment();
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .unwrap(),
    );
    env.add_template(PAGE_TEMPLATE_NAME, PAGE_TEMPLATE).unwrap();
    let doc = sample::document();
    assert_eq!(render_html(&doc, &env).unwrap(), render(&doc));
}

#[test]
fn renders_with_the_wording_templates_environment() {
    let (env, _) = crate::templates::environment(None).unwrap();
    let doc = sample::document();
    assert_eq!(render_html(&doc, &env).unwrap(), render(&doc));
}

#[test]
fn strict_undefined_in_default_environment() {
    let mut env = default_environment();
    env.add_template(PAGE_TEMPLATE_NAME, "{{ titel }}").unwrap();
    assert!(render_html(&sample::document(), &env).is_err());
}

#[test]
fn hostile_constant_is_in_the_sample() {
    assert!(sample::document().title.contains(HOSTILE));
}

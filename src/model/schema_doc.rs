//! The format's reference documentation, generated from the same types that parse it.
//!
//! `docs/schema.md` and `docs/notice.schema.json` are written from the JSON Schema that
//! `schemars` derives from [`super::schema`], so the documentation cannot drift from the
//! parser: a test fails when the committed files differ (`UPDATE_DOCS=1 cargo test`
//! rewrites them).

use serde_json::Value;

/// The JSON Schema of the notice format, pretty-printed.
///
/// Editors show a field's `description` as plain text when the pointer rests on it, so
/// each description is one paragraph per line (the doc comments' line wraps undone) with
/// no Markdown; the same words with their Markdown are in `markdownDescription`, which
/// VS Code and yaml-language-server prefer where they can render it.
pub fn json_schema() -> String {
    tidy(schemars::schema_for!(super::schema::NoticeFile))
}

/// The JSON Schema of a shared office file ([`super::shared::OfficeFile`]), pretty-printed
/// the same way.
pub fn office_json_schema() -> String {
    tidy(schemars::schema_for!(super::shared::OfficeFile))
}

fn tidy(schema: schemars::Schema) -> String {
    let mut schema = schema.to_value();
    tidy_descriptions(&mut schema);
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    s.push('\n');
    s
}

/// Every `description` in the schema unwrapped, as plain text, beside a
/// `markdownDescription` that keeps the Markdown.
fn tidy_descriptions(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(d)) = map.get("description") {
                let markdown = unwrap_lines(d);
                let plain = markdown.replace('`', "");
                map.insert("description".into(), Value::String(plain));
                map.insert("markdownDescription".into(), Value::String(markdown));
            }
            // Strings are left alone; a property named `description` is a schema to tidy.
            map.values_mut().for_each(tidy_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

/// Paragraphs joined into single lines; blank lines between paragraphs kept.
fn unwrap_lines(s: &str) -> String {
    s.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The format as Markdown: one table per block, fields in order, with their types and
/// documentation, then the allowed values of each vocabulary, then a complete example.
pub fn markdown(example: &str) -> String {
    let schema: Value = serde_json::from_str(&json_schema()).expect("valid JSON");
    let defs = &schema["$defs"];
    let mut out = String::from(
        "# The notice format\n\n\
         <!-- Generated from src/model/schema.rs by `UPDATE_DOCS=1 cargo test`; do not edit. -->\n\n\
         One YAML file per notice. Every key below is checked: an unknown or misspelt key is \
         an error with a suggestion. Lists of things carry an `id`, and other parts refer to \
         them by id. Free text is Markdown (raw HTML is shown as text). Dates are `YYYY-MM-DD`, \
         or `YYYY-MM` / `YYYY` where only the month or year is known.\n\n\
         Editors that use yaml-language-server complete and check these keys when the first \
         line of a notice is `# yaml-language-server: $schema=<path to docs/notice.schema.json>`.\n\n\
         ## Top level\n\n",
    );
    table(&mut out, &schema, defs);
    shared_section(&mut out);
    let mut names: Vec<&String> = defs
        .as_object()
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    names.sort();
    let (structs, enums): (Vec<&String>, Vec<&String>) = names
        .into_iter()
        .partition(|n| defs[n.as_str()].get("properties").is_some());
    for name in structs {
        let def = &defs[name.as_str()];
        out.push_str(&format!("## {name}\n\n"));
        if let Some(d) = markdown_of(def) {
            out.push_str(&one_line(d));
            out.push_str("\n\n");
        }
        table(&mut out, def, defs);
    }
    out.push_str("## Vocabularies\n\n");
    for name in enums {
        let def = &defs[name.as_str()];
        out.push_str(&format!("### {name}\n\n"));
        if let Some(d) = markdown_of(def) {
            out.push_str(&one_line(d));
            out.push_str("\n\n");
        }
        out.push_str("| value | meaning |\n|---|---|\n");
        for v in def
            .get("oneOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let value = v
                .get("const")
                .or_else(|| v.get("enum").and_then(|e| e.get(0)))
                .and_then(Value::as_str)
                .unwrap_or("");
            let desc = markdown_of(v).unwrap_or("");
            out.push_str(&format!("| `{value}` | {} |\n", one_line(desc)));
        }
        out.push('\n');
    }
    out.push_str(
        "## A complete example\n\nThis is the starter notice `notice init` writes.\n\n```yaml\n",
    );
    out.push_str(example.trim_end());
    out.push_str("\n```\n");
    out
}

/// How notices share an office's facts, and the office file's own keys.
fn shared_section(out: &mut String) {
    let office: Value = serde_json::from_str(&office_json_schema()).expect("valid JSON");
    // The office file's blocks are the notice's own types, documented below; only
    // `OfficeMeta` is its own, documented here.
    let defs = &office["$defs"];
    out.push_str(super::shared::DESIGN.trim());
    out.push_str("\n\n### The office file's keys\n\n");
    table(out, &office, defs);
    out.push_str("### OfficeMeta\n\n");
    table(out, &defs["OfficeMeta"], defs);
}

/// A schema's description with its Markdown.
fn markdown_of(v: &Value) -> Option<&str> {
    v.get("markdownDescription")
        .or_else(|| v.get("description"))
        .and_then(Value::as_str)
}

fn table(out: &mut String, def: &Value, defs: &Value) {
    let required: Vec<&str> = def
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    out.push_str("| key | type | required | what it is |\n|---|---|---|---|\n");
    if let Some(props) = def.get("properties").and_then(Value::as_object) {
        for (key, p) in props {
            let desc = markdown_of(p).unwrap_or("");
            let req = if required.contains(&key.as_str()) {
                "yes"
            } else {
                ""
            };
            out.push_str(&format!(
                "| `{key}` | {} | {req} | {} |\n",
                type_of(p, defs),
                one_line(desc)
            ));
        }
    }
    out.push('\n');
}

fn type_of(p: &Value, defs: &Value) -> String {
    if let Some(r) = p.get("$ref").and_then(Value::as_str) {
        return link(r, defs);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(alts) = p.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = alts
                .iter()
                .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                .map(|a| type_of(a, defs))
                .collect();
            return parts.join(" or ");
        }
    }
    let ty = match p.get("type") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .find(|s| *s != "null")
            .unwrap_or("any")
            .to_owned(),
        _ => "any".to_owned(),
    };
    match ty.as_str() {
        "array" => format!(
            "list of {}",
            p.get("items")
                .map_or("any".to_owned(), |i| type_of(i, defs))
        ),
        "string" => "text".to_owned(),
        "boolean" => "`true` / `false`".to_owned(),
        other => other.to_owned(),
    }
}

fn link(r: &str, defs: &Value) -> String {
    let name = r.rsplit('/').next().unwrap_or(r);
    let is_struct = defs
        .get(name)
        .is_some_and(|d| d.get("properties").is_some());
    let anchor = name.to_lowercase();
    if is_struct {
        format!("[{name}](#{anchor})")
    } else {
        format!("[{name}](#{anchor}) value")
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed reference files match the types; `UPDATE_DOCS=1` rewrites them.
    #[test]
    fn committed_schema_docs_are_current() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let example = std::fs::read_to_string(root.join("assets/starter.yaml")).unwrap();
        let files = [
            (root.join("docs/schema.md"), markdown(&example)),
            (root.join("docs/notice.schema.json"), json_schema()),
            (root.join("docs/office.schema.json"), office_json_schema()),
        ];
        for (path, want) in files {
            if std::env::var_os("UPDATE_DOCS").is_some() {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &want).unwrap();
            }
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                have == want,
                "{} is out of date: run `UPDATE_DOCS=1 cargo test` and commit it",
                path.display()
            );
        }
    }

    #[test]
    fn descriptions_read_well_in_an_editor() {
        let schema: Value = serde_json::from_str(&json_schema()).unwrap();
        let mut seen = 0;
        let mut stack = vec![&schema];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(map) => {
                    if let Some(d) = map.get("description").and_then(Value::as_str) {
                        seen += 1;
                        assert!(!d.contains('`'), "backticks in {d:?}");
                        for para in d.split("\n\n") {
                            assert!(!para.contains('\n'), "a hard wrap in {d:?}");
                        }
                        let md = map["markdownDescription"].as_str().unwrap();
                        assert_eq!(md.replace('`', ""), d);
                    }
                    stack.extend(map.values());
                }
                Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        assert!(seen > 100, "{seen} descriptions");
        assert_eq!(unwrap_lines("a\nb\n\nc  d\n"), "a b\n\nc d");
    }

    #[test]
    fn date_fields_carry_the_date_pattern() {
        let schema: Value = serde_json::from_str(&json_schema()).unwrap();
        let defs = &schema["$defs"];
        for (def, key) in [
            ("NoticeMeta", "published"),
            ("NoticeMeta", "last_updated"),
            ("NoticeMeta", "next_review"),
            ("Change", "date"),
            ("PolicyDocument", "last_reviewed"),
        ] {
            assert_eq!(
                defs[def]["properties"][key]["pattern"],
                super::super::schema::DATE_PATTERN,
                "{def}.{key}"
            );
        }
    }

    /// The schema's date pattern accepts exactly the dates the parser accepts.
    #[test]
    fn date_pattern_agrees_with_the_parser() {
        let re = regex::Regex::new(super::super::schema::DATE_PATTERN).unwrap();
        let mut checked = 0;
        let mut agree = |s: &str| {
            let ours = super::super::Date::parse(s).is_some();
            assert_eq!(re.is_match(s), ours, "{s:?}: the parser says {ours}");
            checked += 1;
        };
        for year in (1890..=1910)
            .chain(1996..=2030)
            .chain([2096, 2100, 2400, 2800, 2999, 3000])
        {
            agree(&format!("{year}"));
            for month in 0..=13 {
                agree(&format!("{year}-{month:02}"));
                for day in 0..=32 {
                    agree(&format!("{year}-{month:02}-{day:02}"));
                }
            }
        }
        for odd in [
            "",
            "2018-5-1",
            "18-05-01",
            "2018-05-01T00:00",
            "23/05/2018",
            "2018-23-05",
            "２０１８",
        ] {
            agree(odd);
        }
        assert!(checked > 25_000);
    }

    #[test]
    fn every_field_is_documented() {
        let schema: Value = serde_json::from_str(&json_schema()).unwrap();
        let mut missing = Vec::new();
        for (name, def) in schema["$defs"].as_object().unwrap() {
            for (key, p) in def
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if p.get("description").is_none() {
                    missing.push(format!("{name}.{key}"));
                }
            }
        }
        assert!(missing.is_empty(), "fields without docs: {missing:?}");
    }
}

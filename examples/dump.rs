//! Debug dumpers: look inside the pipeline at one notice, for a person to read.
//!
//! ```console
//! $ cargo run --example dump -- markdown notices/kent-2021.yaml   # the body as Markdown
//! $ cargo run --example dump -- document notices/kent-2021.yaml   # the document tree
//! $ cargo run --example dump -- render pdf notices/kent-2021.yaml /tmp/kent.pdf
//! $ cargo run --example dump -- braille out/kent-2021/kent-2021.brf   # BRF as Unicode braille
//! ```
//!
//! `render` writes any registered format (`notice build` does the same with checking and
//! atomic writes; this is for looking at one output quickly, including formats under
//! development). These were ignored tests; as an example they build with the rest and
//! are run on purpose, not skipped.

use std::process::ExitCode;

use notice::model::Date;
use notice::render::{Format, RenderContext};
use notice::rules::CheckOptions;
use notice::source::SourceFile;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["markdown", file] => markdown(file),
        ["document", file] => document(file),
        ["render", format, file, out] => render(format, file, out),
        ["braille", brf] => braille(brf),
        _ => Err(
            "usage: dump markdown FILE | document FILE | render FORMAT FILE OUT | braille FILE.brf"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump: {e}");
            ExitCode::from(2)
        }
    }
}

fn notice(file: &str) -> Result<(notice::model::Notice, minijinja::Environment<'static>), String> {
    let src = SourceFile::read(std::path::Path::new(file)).map_err(|e| e.to_string())?;
    let checked = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::today(),
        },
    );
    let n = checked
        .notice
        .ok_or_else(|| format!("{file} cannot be understood; run `notice check {file}`"))?;
    let (env, _) = notice::templates::environment(None).map_err(|e| e.to_string())?;
    Ok((n, env))
}

fn markdown(file: &str) -> Result<(), String> {
    let (n, env) = notice(file)?;
    let md = notice::document::build::body_markdown(&n, &env).map_err(|e| e.to_string())?;
    println!("{md}");
    Ok(())
}

fn document(file: &str) -> Result<(), String> {
    let (n, env) = notice(file)?;
    let doc = notice::document::build::build(&n, &env).map_err(|e| e.to_string())?;
    println!("{doc:#?}");
    Ok(())
}

fn render(format: &str, file: &str, out: &str) -> Result<(), String> {
    let format = Format::by_name(format).ok_or_else(|| format!("no format `{format}`"))?;
    let (n, env) = notice(file)?;
    let doc = notice::document::build::build(&n, &env).map_err(|e| e.to_string())?;
    let cx = RenderContext {
        env: &env,
        body_size: 18.0,
        braille_grade: 2,
    };
    let output = format.render(&doc, &cx)?;
    for w in &output.warnings {
        eprintln!("warning[{}]: {}", w.rule, w.message);
    }
    std::fs::write(out, &output.bytes).map_err(|e| format!("cannot write {out}: {e}"))
}

fn braille(brf: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(brf).map_err(|e| format!("cannot read {brf}: {e}"))?;
    for (i, page) in text.split('\u{c}').enumerate() {
        println!("--- braille page {}", i + 1);
        print!(
            "{}",
            notice::render::brf::to_unicode(&page.replace('\r', ""))
        );
    }
    Ok(())
}

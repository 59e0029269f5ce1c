//! Tools for the performance work (docs/performance.md); not part of `notice` itself.
//!
//! ```console
//! $ cargo run --release --example perf -- corpus DIR 1000        # 1,000 distinct notices
//! $ cargo run --release --example perf -- scale DIR 10 100       # leicestershire ×10, ×100
//! $ cargo run --release --example perf -- stages FILE [RUNS]     # time each pipeline stage
//! $ cargo run --release --example perf -- markdown FILE          # the body as Markdown
//! ```

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use notice::model::Date;
use notice::render::{html, pdf, text};
use notice::rules::CheckOptions;
use notice::source::SourceFile;
use notice::synth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: perf corpus DIR N | scale DIR K... | stages FILE [RUNS] | markdown FILE";
    match args.first().map(String::as_str) {
        Some("corpus") if args.len() == 3 => {
            let dir = PathBuf::from(&args[1]);
            let n: usize = args[2].parse().expect("N is a number");
            std::fs::create_dir_all(&dir).expect("create DIR");
            for (name, yaml) in synth::corpus(synth::SEEDS, n) {
                std::fs::write(dir.join(name), yaml).expect("write notice");
            }
            println!("wrote {n} notices into {}", dir.display());
        }
        Some("scale") if args.len() >= 3 => {
            let dir = PathBuf::from(&args[1]);
            std::fs::create_dir_all(&dir).expect("create DIR");
            let seed = seed("leicestershire");
            for k in &args[2..] {
                let k: usize = k.parse().expect("K is a number");
                let yaml = synth::notice_yaml(seed, k);
                let path = dir.join(format!("leicestershire-x{k}.yaml"));
                std::fs::write(&path, &yaml).expect("write notice");
                println!("{}: {} bytes", path.display(), yaml.len());
            }
        }
        Some("stages") if args.len() >= 2 => {
            let runs = args
                .get(2)
                .map_or(20, |r| r.parse().expect("RUNS is a number"));
            stages(Path::new(&args[1]), runs);
        }
        Some("markdown") if args.len() == 2 => {
            let src = SourceFile::read(Path::new(&args[1])).expect("read notice");
            let checked = notice::check(&src, &opts());
            let n = checked.notice.expect("the notice can be understood");
            let (env, _) = notice::templates::environment(None).expect("templates");
            print!(
                "{}",
                notice::document::build::body_markdown(&n, &env).expect("markdown")
            );
        }
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}

fn seed(stem: &str) -> &'static str {
    synth::SEEDS
        .iter()
        .find(|(s, _)| *s == stem)
        .map(|(_, y)| *y)
        .expect("a seed of that name")
}

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: Date::ymd(2026, 6, 1),
    }
}

/// Time each stage of the pipeline over one file, `runs` times; print the median of each.
fn stages(path: &Path, runs: usize) {
    let src = SourceFile::read(path).expect("read notice");
    let (env, _) = notice::templates::environment(None).expect("templates");
    let mut t: Vec<(&str, Vec<Duration>)> = [
        "parse (YAML)",
        "placeholders",
        "lower",
        "rules",
        "view",
        "templates",
        "markdown",
        "html",
        "text",
        "pdf",
    ]
    .iter()
    .map(|n| (*n, Vec::new()))
    .collect();
    let mut sizes = (0, 0, 0);
    for _ in 0..runs.max(1) {
        let mut lap = Lap(Instant::now(), 0);
        let file = notice::parse::parse(&src).expect("parses");
        lap.record(&mut t);
        let _ = notice::rules::text::check_source(&src);
        lap.record(&mut t);
        let n = notice::model::lower(file, &src).expect("lowers");
        lap.record(&mut t);
        let _ = notice::rules::check(&n, &opts());
        lap.record(&mut t);
        let ctx = notice::document::view::build(&n);
        lap.record(&mut t);
        let md = env
            .get_template("notice.md.j2")
            .and_then(|tm| tm.render(minijinja::value::Serde(&ctx)))
            .expect("renders");
        lap.record(&mut t);
        let _ = notice::document::markdown::to_sections(&md);
        lap.record(&mut t);
        let doc = notice::document::build::build(&n, &env).expect("builds");
        lap.0 = Instant::now();
        let h = html::render_html(&doc, &env).expect("html");
        lap.record(&mut t);
        let x = text::render_text(&doc);
        lap.record(&mut t);
        let p = pdf::render_pdf(&doc, &pdf::PdfOptions::default()).expect("pdf");
        lap.record(&mut t);
        sizes = (h.len(), x.len(), p.bytes.len());
    }
    println!(
        "{} ({} bytes): html {} B, text {} B, pdf {} B; median of {runs} runs",
        path.display(),
        src.text.len(),
        sizes.0,
        sizes.1,
        sizes.2
    );
    let mut total = 0.0;
    for (name, mut d) in t {
        d.sort();
        let ms = d[d.len() / 2].as_secs_f64() * 1000.0;
        total += ms;
        println!("  {name:<14} {ms:>9.3} ms");
    }
    println!("  {:<14} {total:>9.3} ms", "total");
}

struct Lap(Instant, usize);

impl Lap {
    fn record(&mut self, t: &mut [(&str, Vec<Duration>)]) {
        let now = Instant::now();
        t[self.1].1.push(now - self.0);
        self.0 = now;
        self.1 += 1;
    }
}

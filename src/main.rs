//! The `notice` command line: parse arguments, run a subcommand, map the outcome to an exit
//! status (0 clean, 1 findings, 2 the command could not run).

mod cli;
mod cmd;

use std::io::Write;
use std::process::ExitCode;

use cli::{Cli, Command};
use cmd::Outcome;

/// mimalloc instead of the system allocator: rendering a PDF allocates and frees many small
/// buffers and a few large ones (a compressor's tables per stream), which glibc's allocator
/// hands back to the kernel and faults in again (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::parse_args() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(outcome) => outcome.into(),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let print = |s: String| -> anyhow::Result<Outcome> {
        let mut out = std::io::stdout().lock();
        out.write_all(s.as_bytes())?;
        Ok(Outcome::Clean)
    };
    match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Build(args) => cmd::build::run(&args),
        Command::Init(args) => cmd::init::run(&args),
        Command::Rules => print(cmd::info::rules()),
        Command::Explain { rule } => print(cmd::info::explain(&rule)?),
        Command::Schema { office } => print(cmd::info::schema(office)),
        Command::Diff(args) => cmd::diff::run(&args),
        Command::Completions { shell } => print(cmd::manual::completions(shell)),
        Command::Man { out } => cmd::manual::man(out.as_deref()),
    }
}

//! Starts Proyeksi Bidan: the window (no command, or a scenario or data file), or the
//! headless command line (`compute`, `explain`, `example`).

use std::process::ExitCode;
use std::time::Instant;

use proyeksi_bidan::cli::{self, CliError, Outcome};
use proyeksi_bidan::ui::{Tab, WindowStart};

fn main() -> ExitCode {
    let started = Instant::now();
    let outcome = {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        cli::run(std::env::args_os(), &mut out)
    };
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Window {
            file,
            screenshot,
            tab,
            lang,
        }) => {
            let shot = screenshot.clone();
            let tab = match tab {
                cli::TabArg::Projection => Tab::Projection,
                cli::TabArg::Table => Tab::Table,
                cli::TabArg::Working => Tab::Working,
                cli::TabArg::Workload => Tab::Workload,
                cli::TabArg::Data => Tab::Data,
            };
            let start = WindowStart {
                file,
                screenshot,
                tab,
                lang,
                started,
            };
            match proyeksi_bidan::ui::run_window(start) {
                Ok(()) => match shot {
                    Some(p) if !p.exists() => {
                        eprintln!(
                            "proyeksi-bidan: no screenshot was written to {}",
                            p.display()
                        );
                        ExitCode::FAILURE
                    }
                    _ => ExitCode::SUCCESS,
                },
                Err(e) => {
                    eprintln!(
                        "proyeksi-bidan: cannot open the window ({e}). Without a display, use `proyeksi-bidan compute` or `proyeksi-bidan explain`."
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Err(CliError::Usage(msg)) => {
            eprint!("{msg}");
            if !msg.ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("proyeksi-bidan: {e}");
            ExitCode::FAILURE
        }
    }
}

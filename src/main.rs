//! Starts Proyeksi Bidan: the command line, or (without a command) the
//! bundled example's projection.

use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match proyeksi_bidan::cli::run(std::env::args_os(), &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(proyeksi_bidan::cli::CliError::Usage(msg)) => {
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

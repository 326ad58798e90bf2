//! Starts Proyeksi Bidan: the window (no command, or a scenario or data file), or the
//! headless command line (`compute`, `explain`, `example`).
//!
//! On Windows it is a window program (no console window opens with it); started
//! from a console, it attaches to that console so the command line still prints.

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;
use std::time::Instant;

use proyeksi_bidan::cli::{self, CliError, Outcome, RendererArg};
use proyeksi_bidan::i18n::T;
use proyeksi_bidan::ui::help::HelpWindow;
use proyeksi_bidan::ui::{RendererChoice, Tab, WindowError, WindowStart};

fn main() -> ExitCode {
    let started = Instant::now();
    #[cfg(windows)]
    let console = windows::attach_parent_console() || windows::has_stderr();
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
            renderer,
            show,
        }) => {
            let shot = screenshot.clone();
            let tab = match tab {
                cli::TabArg::Projection => Tab::Projection,
                cli::TabArg::Table => Tab::Table,
                cli::TabArg::Working => Tab::Working,
                cli::TabArg::Workload => Tab::Workload,
                cli::TabArg::Supply => Tab::Supply,
                cli::TabArg::Ranking => Tab::Ranking,
                cli::TabArg::Analysis => Tab::Analysis,
                cli::TabArg::Map => Tab::Map,
                cli::TabArg::Data => Tab::Data,
                cli::TabArg::Programs => Tab::Programs,
            };
            let renderer = renderer.map(|r| match r {
                RendererArg::Glow => RendererChoice::Glow,
                RendererArg::Wgpu => RendererChoice::Wgpu,
                RendererArg::Software => RendererChoice::Software,
            });
            let start = WindowStart {
                file,
                screenshot,
                tab,
                lang,
                started,
                show: show.map(|s| match s {
                    cli::ShowArg::Guide => HelpWindow::Guide,
                    cli::ShowArg::Welcome => HelpWindow::Welcome,
                    cli::ShowArg::About => HelpWindow::About,
                }),
            };
            let lang = lang.unwrap_or_default();
            match proyeksi_bidan::ui::run_window(start, renderer) {
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
                    let text = match &e {
                        WindowError::NoRenderer(_) => {
                            lang.tf(T::window_no_renderer, &[("reasons", &e)])
                        }
                        WindowError::NoDisplay(_) => {
                            lang.tf(T::window_no_display, &[("reason", &e)])
                        }
                        WindowError::Failed { .. } => lang.tf(T::window_failed, &[("reason", &e)]),
                    };
                    eprintln!("proyeksi-bidan: {text}");
                    #[cfg(windows)]
                    if !console {
                        windows::message_box(&text);
                    }
                    ExitCode::FAILURE
                }
            }
        }
        // The reader stopped reading (`proyeksi-bidan … | head`): what it
        // wanted was written; end quietly, as command-line tools do.
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
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

/// The console and message box of the Windows window program.
#[cfg(windows)]
mod windows {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE,
    };
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};

    /// Attaches to the console of the program that started this one (a
    /// command prompt or PowerShell), so that printing reaches it. False when
    /// there is none.
    pub fn attach_parent_console() -> bool {
        // SAFETY: AttachConsole takes a process id and has no other inputs.
        unsafe { AttachConsole(ATTACH_PARENT_PROCESS) != 0 }
    }

    /// Whether standard error goes somewhere (a console, a file or a pipe);
    /// not when started from the Start menu or by a double-click.
    pub fn has_stderr() -> bool {
        // SAFETY: GetStdHandle only reads the process's standard handles.
        let handle = unsafe { GetStdHandle(STD_ERROR_HANDLE) };
        !handle.is_null() && handle != INVALID_HANDLE_VALUE
    }

    /// Shows `text` in a message box, for a start without a console.
    pub fn message_box(text: &str) {
        let wide = |s: &str| s.encode_utf16().chain(Some(0)).collect::<Vec<u16>>();
        let (text, title) = (wide(text), wide("Proyeksi Bidan"));
        // SAFETY: both strings are NUL-terminated UTF-16 that live across the call.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                title.as_ptr(),
                MB_OK | MB_ICONERROR,
            );
        }
    }
}

//! Starting the window from the command line: `--renderer`, and what is said
//! when there is no display at all (the fallback from one renderer to the next
//! is tested in `ui::renderer`).

use std::process::Command;

use proyeksi_bidan::cli::{self, CliError, Outcome, RendererArg};

fn window_args(args: &[&str]) -> Result<Outcome, CliError> {
    let mut out = Vec::new();
    let mut all = vec!["proyeksi-bidan"];
    all.extend_from_slice(args);
    cli::run(all, &mut out)
}

fn renderer_of(args: &[&str]) -> Option<RendererArg> {
    match window_args(args) {
        Ok(Outcome::Window { renderer, .. }) => renderer,
        other => panic!("{args:?}: expected the window, got {other:?}"),
    }
}

#[test]
fn renderer_flag_reaches_the_window_start() {
    assert_eq!(
        renderer_of(&["--renderer", "glow"]),
        Some(RendererArg::Glow)
    );
    assert_eq!(
        renderer_of(&["--renderer", "wgpu"]),
        Some(RendererArg::Wgpu)
    );
    assert_eq!(
        renderer_of(&["--renderer", "software"]),
        Some(RendererArg::Software)
    );
    assert_eq!(
        renderer_of(&["--renderer", "glow", "contoh.bidan"]),
        Some(RendererArg::Glow)
    );
    assert_eq!(renderer_of(&[]), None);
    assert_eq!(renderer_of(&["contoh.bidan"]), None);
}

#[test]
fn unknown_renderer_is_a_usage_error_naming_the_choices() {
    match window_args(&["--renderer", "directx"]) {
        Err(CliError::Usage(msg)) => {
            assert!(msg.contains("directx"), "{msg}");
            assert!(msg.contains("glow") && msg.contains("wgpu"), "{msg}");
        }
        other => panic!("expected a usage error, got {other:?}"),
    }
}

/// The program with no display of any kind (no X11, no Wayland).
fn without_display(args: &[&str]) -> std::process::Output {
    let runtime = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap()
}

#[test]
fn without_a_display_the_window_says_so_and_no_renderer_is_blamed() {
    let out = without_display(&["--lang", "en"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // No display is not a renderer's fault: none is tried after the first.
    assert!(!err.contains("renderer could not start"), "{err}");
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(
            "proyeksi-bidan: The Proyeksi Bidan window cannot open: there is no desktop display ("
        ),
        "{last}"
    );
    assert!(last.contains("DISPLAY"), "{last}");
    assert!(last.contains("proyeksi-bidan compute"), "{last}");
}

#[test]
fn the_no_display_message_follows_the_language() {
    let out = without_display(&["--renderer", "glow"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("dicoba mesin grafis berikutnya"), "{err}");
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(
            "proyeksi-bidan: Jendela Proyeksi Bidan tidak dapat dibuka karena tidak ada layar desktop ("
        ),
        "{last}"
    );
}

#[test]
fn help_and_version_work_without_a_display() {
    let out = without_display(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--renderer <RENDERER>"), "{help}");
    let out = without_display(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("proyeksi-bidan {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_reader_that_stops_reading_ends_the_program_quietly() {
    // `proyeksi-bidan --help | head -1`: the reader closes the pipe; the
    // program ends without an error message.
    let mut child = Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .args(["compute", "--format", "csv"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("Broken pipe"), "{err}");
    assert!(out.status.success(), "{err}");
}

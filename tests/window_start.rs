//! Starting the window: `--renderer`, and the fallback from one renderer to the
//! next when one cannot start, seen from the command line (without a display no
//! renderer can start, so every one is tried and each reason is told).

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
fn every_renderer_is_tried_and_named_when_none_can_start() {
    let out = without_display(&["--lang", "en"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // Each renderer that could not start is told as it is left...
    assert_eq!(err.matches("renderer could not start").count(), 2, "{err}");
    // ...and the last message names both, in the order tried, and what to do.
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("proyeksi-bidan: The Proyeksi Bidan window cannot open"),
        "{last}"
    );
    let (glow, wgpu) = (last.find("glow: "), last.find("wgpu: "));
    assert!(glow.is_some() && wgpu.is_some(), "{last}");
    if cfg!(windows) {
        assert!(glow < wgpu, "{last}");
    } else {
        assert!(wgpu < glow, "{last}");
    }
    assert!(last.contains("--renderer glow"), "{last}");
    assert!(last.contains("proyeksi-bidan compute"), "{last}");
}

#[test]
fn a_forced_renderer_is_the_only_one_tried() {
    let out = without_display(&["--renderer", "glow"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("proyeksi-bidan: Jendela Proyeksi Bidan tidak dapat dibuka"),
        "{last}"
    );
    assert!(last.contains("glow: "), "{last}");
    assert!(!last.contains("wgpu: "), "{last}");
    assert!(!err.contains("dicoba mesin grafis berikutnya"), "{err}");
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

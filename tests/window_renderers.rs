//! The real window on machines whose graphics are missing or broken: the
//! program is started under Xvfb with graphics libraries made unavailable
//! (a folder of unloadable stand-ins first on the library path, for the
//! program only, not for the X server), and must either draw its window with
//! the next renderer or say in the planner's language what to do, never
//! panic or hang.
//!
//! Needs `xvfb-run` and Mesa (llvmpipe, lavapipe), which `.ci/run` installs.

use std::path::Path;
use std::process::{Command, Output};

/// Libraries through which OpenGL is reached: EGL (wgpu's OpenGL, glow on
/// Wayland) and GLX (glow on X11).
const GL_LIBRARIES: &[&str] = &[
    "libEGL.so.1",
    "libEGL.so",
    "libGL.so.1",
    "libGL.so",
    "libGLX.so.0",
    "libOpenGL.so.0",
];
const EGL_LIBRARIES: &[&str] = &["libEGL.so.1", "libEGL.so"];
const VULKAN_LIBRARIES: &[&str] = &["libvulkan.so.1", "libvulkan.so"];

struct Run {
    out: Output,
    png: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
}

/// Starts the window for a screenshot of the example, in English, with the
/// named libraries replaced by files that cannot be loaded.
fn screenshot_without(libraries: &[&str], extra: &[&str]) -> Run {
    // One X server at a time: `xvfb-run -a` started at the same moment by
    // several tests can pick the same display number.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let libs = dir.path().join("lib");
    let run = dir.path().join("run");
    std::fs::create_dir_all(&libs).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    for name in libraries {
        std::fs::write(libs.join(name), b"not a library").unwrap();
    }
    let png = dir.path().join("window.png");
    let mut cmd = Command::new("xvfb-run");
    cmd.args(["-a", "-s", "-screen 0 1280x800x24", "env"])
        .arg(format!("LD_LIBRARY_PATH={}", libs.display()))
        .arg(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .arg("--screenshot")
        .arg(&png)
        .args(["--lang", "en"])
        .args(extra)
        .env_remove("WAYLAND_DISPLAY")
        // As on a planner's machine: wgpu chooses among all its backends.
        .env_remove("WGPU_BACKEND")
        .env("XDG_RUNTIME_DIR", &run)
        .env("XDG_DATA_HOME", dir.path().join("data"));
    let out = cmd
        .output()
        .expect("xvfb-run is needed for the window tests (apt install xvfb xauth)");
    Run {
        out,
        png,
        _dir: dir,
    }
}

/// The screenshot is the whole window, and a drawn one: many colours, not
/// a blank or black frame.
fn assert_window_drawn(png: &Path, stderr: &str) {
    let img = image::open(png)
        .unwrap_or_else(|e| panic!("no screenshot ({e}); stderr:\n{stderr}"))
        .to_rgb8();
    assert_eq!((img.width(), img.height()), (1280, 800), "{stderr}");
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(97) {
        colours.insert(p.0);
    }
    assert!(colours.len() > 20, "{} colours; {stderr}", colours.len());
}

fn assert_no_panic(stderr: &str) {
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
}

#[test]
fn software_renderer_draws_the_window() {
    let run = screenshot_without(&[], &["--renderer", "software"]);
    let err = run.stderr();
    assert!(run.out.status.success(), "{err}");
    assert_no_panic(&err);
    assert_window_drawn(&run.png, &err);
}

#[test]
fn without_opengl_the_window_is_still_drawn() {
    // No EGL and no GLX: wgpu draws through Vulkan, or the processor.
    let run = screenshot_without(GL_LIBRARIES, &[]);
    let err = run.stderr();
    assert!(run.out.status.success(), "{err}");
    assert_no_panic(&err);
    assert_window_drawn(&run.png, &err);
}

#[test]
fn when_wgpu_cannot_start_opengl_takes_over_and_says_so() {
    // No Vulkan and no EGL: wgpu finds no adapter; glow still has GLX.
    let libraries: Vec<&str> = VULKAN_LIBRARIES
        .iter()
        .chain(EGL_LIBRARIES)
        .copied()
        .collect();
    let run = screenshot_without(&libraries, &[]);
    let err = run.stderr();
    assert!(run.out.status.success(), "{err}");
    assert_no_panic(&err);
    assert!(
        err.contains("proyeksi-bidan: The wgpu renderer could not start ("),
        "{err}"
    );
    assert!(err.contains("trying the next one"), "{err}");
    assert!(!err.contains("The glow renderer could not start"), "{err}");
    assert_window_drawn(&run.png, &err);
}

#[test]
fn with_no_graphics_at_all_the_planner_is_told_what_to_do() {
    let libraries: Vec<&str> = GL_LIBRARIES
        .iter()
        .chain(VULKAN_LIBRARIES)
        .copied()
        .collect();
    let run = screenshot_without(&libraries, &[]);
    let err = run.stderr();
    assert_eq!(run.out.status.code(), Some(1), "{err}");
    assert_no_panic(&err);
    assert!(!run.png.exists());
    // Each renderer is tried in turn, each failure said once ...
    for r in ["wgpu", "glow", "software"] {
        assert!(
            err.contains(&format!("The {r} renderer could not start (")),
            "{r}: {err}"
        );
    }
    // ... and the last line says what to do.
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(
            "proyeksi-bidan: The Proyeksi Bidan window cannot open: no graphics renderer could start ("
        ),
        "{last}"
    );
    assert!(last.contains("--renderer software"), "{last}");
    assert!(last.contains("proyeksi-bidan compute"), "{last}");
}

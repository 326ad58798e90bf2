//! Which renderer draws the window, and starting with the next one when a
//! renderer cannot start (no OpenGL 2 on an old laptop, a broken Direct3D 12
//! driver, a remote desktop or a virtual machine).
//!
//! Both of eframe's renderers are built in: glow (OpenGL 2+ / OpenGL ES) and
//! wgpu (Direct3D 12, Vulkan, Metal or OpenGL, whichever the system has). The
//! last resort is wgpu on a software adapter: Windows' WARP, Mesa's llvmpipe
//! or lavapipe, which draw with the processor alone.

use std::fmt;

/// One of the renderers the window can be drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RendererChoice {
    /// OpenGL through glow.
    Glow,
    /// wgpu: Direct3D 12, Vulkan, Metal or OpenGL.
    Wgpu,
    /// wgpu on a software adapter (WARP, llvmpipe, lavapipe): slow, but
    /// needs no graphics driver.
    Software,
}

impl RendererChoice {
    /// The name used by `--renderer` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            RendererChoice::Glow => "glow",
            RendererChoice::Wgpu => "wgpu",
            RendererChoice::Software => "software",
        }
    }

    pub(crate) fn eframe(self) -> eframe::Renderer {
        match self {
            RendererChoice::Glow => eframe::Renderer::Glow,
            RendererChoice::Wgpu | RendererChoice::Software => eframe::Renderer::Wgpu,
        }
    }

    /// How wgpu picks its adapter: as it likes, or (software) only one that
    /// draws on the processor.
    pub(crate) fn wgpu_options(self) -> eframe::egui_wgpu::WgpuConfiguration {
        use eframe::egui_wgpu::{WgpuConfiguration, WgpuSetup, WgpuSetupCreateNew};
        match self {
            RendererChoice::Glow | RendererChoice::Wgpu => WgpuConfiguration::default(),
            RendererChoice::Software => WgpuConfiguration {
                wgpu_setup: WgpuSetup::CreateNew(WgpuSetupCreateNew {
                    native_adapter_selector: Some(std::sync::Arc::new(|adapters, surface| {
                        software_adapter(adapters, surface)
                    })),
                    ..WgpuSetupCreateNew::without_display_handle()
                }),
                ..WgpuConfiguration::default()
            },
        }
    }
}

/// The first adapter that draws on the processor and can draw on the window.
fn software_adapter(
    adapters: &[eframe::wgpu::Adapter],
    surface: Option<&eframe::wgpu::Surface<'_>>,
) -> Result<eframe::wgpu::Adapter, String> {
    adapters
        .iter()
        .filter(|a| surface.is_none_or(|s| a.is_surface_supported(s)))
        .find(|a| a.get_info().device_type == eframe::wgpu::DeviceType::Cpu)
        .cloned()
        .ok_or_else(|| {
            let found: Vec<String> = adapters.iter().map(|a| a.get_info().name).collect();
            format!(
                "no software adapter (WARP, llvmpipe or lavapipe) among [{}]",
                found.join(", ")
            )
        })
}

impl fmt::Display for RendererChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The renderers to try, in order: the one forced with `--renderer` alone,
/// otherwise every renderer in the order that suits the system, the software
/// adapter last.
///
/// On Windows OpenGL comes first: wgpu picks Direct3D 12 there, and a broken
/// Direct3D 12 driver (or Wine's) can end the program inside the driver
/// instead of reporting an error, which no fallback can catch. Elsewhere wgpu
/// comes first and OpenGL is the fallback.
pub fn order(forced: Option<RendererChoice>) -> Vec<RendererChoice> {
    match forced {
        Some(r) => vec![r],
        None if cfg!(windows) => vec![
            RendererChoice::Glow,
            RendererChoice::Wgpu,
            RendererChoice::Software,
        ],
        None => vec![
            RendererChoice::Wgpu,
            RendererChoice::Glow,
            RendererChoice::Software,
        ],
    }
}

/// What came of trying one renderer.
#[derive(Debug, PartialEq)]
pub enum Attempt {
    /// The renderer started and the window ran; it may still have ended with
    /// an error, which the next renderer would not cure.
    Started(Result<(), String>),
    /// The renderer could not start (the window never showed the app).
    NotStarted(String),
    /// There is no display to open a window on; no renderer can help.
    NoDisplay(String),
}

/// Why the window did not run to its end.
#[derive(Debug, PartialEq)]
pub enum WindowError {
    /// A renderer started, then the window failed.
    Failed {
        renderer: RendererChoice,
        message: String,
    },
    /// No renderer could start: each one's reason, in the order tried.
    NoRenderer(Vec<(RendererChoice, String)>),
    /// There is no display (no desktop session) to open a window on.
    NoDisplay(String),
}

impl fmt::Display for WindowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WindowError::Failed { renderer, message } => write!(f, "{renderer}: {message}"),
            WindowError::NoDisplay(message) => f.write_str(message),
            WindowError::NoRenderer(reasons) => {
                for (i, (renderer, message)) in reasons.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{renderer}: {message}")?;
                }
                Ok(())
            }
        }
    }
}

/// Tries the renderers of `order` one after the other with `try_one` until
/// one starts, and gives that one's result. `on_fallback` hears each
/// renderer that could not start before the next one is tried.
pub fn start_first(
    order: &[RendererChoice],
    mut try_one: impl FnMut(RendererChoice) -> Attempt,
    mut on_fallback: impl FnMut(RendererChoice, &str),
) -> Result<(), WindowError> {
    let mut reasons = Vec::new();
    for &renderer in order {
        match try_one(renderer) {
            Attempt::Started(Ok(())) => return Ok(()),
            Attempt::Started(Err(message)) => {
                return Err(WindowError::Failed { renderer, message });
            }
            Attempt::NotStarted(message) => {
                on_fallback(renderer, &message);
                reasons.push((renderer, message));
            }
            Attempt::NoDisplay(message) => return Err(WindowError::NoDisplay(message)),
        }
    }
    Err(WindowError::NoRenderer(reasons))
}

/// The text of a panic's payload.
pub(crate) fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RendererChoice::{Glow, Software, Wgpu};

    #[test]
    fn forced_renderer_is_the_only_one_tried() {
        assert_eq!(order(Some(Glow)), vec![Glow]);
        assert_eq!(order(Some(Wgpu)), vec![Wgpu]);
        assert_eq!(order(Some(Software)), vec![Software]);
    }

    #[test]
    fn default_order_tries_all_opengl_first_on_windows_software_last() {
        let o = order(None);
        if cfg!(windows) {
            assert_eq!(o, vec![Glow, Wgpu, Software]);
        } else {
            assert_eq!(o, vec![Wgpu, Glow, Software]);
        }
    }

    #[test]
    fn software_is_drawn_by_wgpu_with_its_own_adapter_choice() {
        assert_eq!(Software.eframe(), eframe::Renderer::Wgpu);
        assert_eq!(Software.name(), "software");
        let chooses = |c: RendererChoice| match c.wgpu_options().wgpu_setup {
            eframe::egui_wgpu::WgpuSetup::CreateNew(n) => n.native_adapter_selector.is_some(),
            _ => false,
        };
        assert!(chooses(Software));
        assert!(!chooses(Wgpu));
    }

    #[test]
    fn falls_back_to_the_next_renderer_when_one_cannot_start() {
        let mut tried = Vec::new();
        let mut heard = Vec::new();
        let r = start_first(
            &[Wgpu, Glow],
            |r| {
                tried.push(r);
                match r {
                    Wgpu => Attempt::NotStarted("no adapter".into()),
                    Glow | Software => Attempt::Started(Ok(())),
                }
            },
            |r, m| heard.push(format!("{r}: {m}")),
        );
        assert_eq!(r, Ok(()));
        assert_eq!(tried, vec![Wgpu, Glow]);
        assert_eq!(heard, vec!["wgpu: no adapter".to_string()]);
    }

    #[test]
    fn a_started_renderer_is_not_followed_by_another() {
        let mut tried = Vec::new();
        let r = start_first(
            &[Glow, Wgpu],
            |r| {
                tried.push(r);
                Attempt::Started(Err("lost the context".into()))
            },
            |_, _| {},
        );
        assert_eq!(tried, vec![Glow]);
        assert_eq!(
            r,
            Err(WindowError::Failed {
                renderer: Glow,
                message: "lost the context".into()
            })
        );
    }

    #[test]
    fn nothing_starts_gives_every_reason_in_order() {
        let r = start_first(
            &[Glow, Wgpu],
            |r| Attempt::NotStarted(format!("{r} missing")),
            |_, _| {},
        );
        let e = r.unwrap_err();
        assert_eq!(
            e,
            WindowError::NoRenderer(vec![
                (Glow, "glow missing".into()),
                (Wgpu, "wgpu missing".into())
            ])
        );
        assert_eq!(e.to_string(), "glow: glow missing; wgpu: wgpu missing");
    }

    #[test]
    fn no_display_stops_at_once() {
        let mut tried = Vec::new();
        let r = start_first(
            &[Wgpu, Glow],
            |r| {
                tried.push(r);
                Attempt::NoDisplay("DISPLAY not set".into())
            },
            |_, _| panic!("no fallback without a display"),
        );
        assert_eq!(tried, vec![Wgpu]);
        assert_eq!(r, Err(WindowError::NoDisplay("DISPLAY not set".into())));
    }

    #[test]
    fn panic_payloads_become_text() {
        let p = std::panic::catch_unwind(|| panic!("no GL {}", 2)).unwrap_err();
        assert_eq!(panic_text(p.as_ref()), "no GL 2");
        let p = std::panic::catch_unwind(|| panic!("static")).unwrap_err();
        assert_eq!(panic_text(p.as_ref()), "static");
    }
}

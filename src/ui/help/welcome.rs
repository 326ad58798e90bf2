//! The welcome shown on the program's first start: what it answers, and
//! three ways to begin — the example, one's own data, the guide.

use egui::Context;

use crate::i18n::T;
use crate::model::Lang;

/// What the planner chose in the welcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeChoice {
    Example,
    Import,
    Guide,
    Close,
}

/// How the window was started, as far as the welcome cares.
#[derive(Debug, Clone, Copy, Default)]
pub struct Start {
    /// Settings can be kept (eframe has a store), so a dismissed welcome
    /// stays dismissed.
    pub can_remember: bool,
    /// A file was given (a double-clicked scenario or data file).
    pub file_given: bool,
    /// A screenshot run.
    pub screenshot: bool,
}

/// Whether a start may greet with the welcome (the settings then decide
/// whether it is the first): not when nothing could remember its dismissal,
/// not when the planner opened a file, not for a screenshot.
pub fn may_greet(start: Start) -> bool {
    start.can_remember && !start.file_given && !start.screenshot
}

/// Draws the welcome in the middle of the window; the planner's choice,
/// once made.
pub fn welcome(ctx: &Context, lang: Lang) -> Option<WelcomeChoice> {
    let t = |k: T| lang.t(k);
    let mut choice = None;
    egui::Window::new(t(T::help_welcome_title))
        .id(egui::Id::unique("welcome_window"))
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(t(T::help_welcome_text));
            ui.add_space(8.0);
            for (c, label, tip) in [
                (
                    WelcomeChoice::Example,
                    T::help_welcome_example,
                    T::help_welcome_example_tip,
                ),
                (
                    WelcomeChoice::Import,
                    T::help_welcome_import,
                    T::help_welcome_import_tip,
                ),
                (
                    WelcomeChoice::Guide,
                    T::help_welcome_guide,
                    T::help_welcome_guide_tip,
                ),
            ] {
                ui.horizontal(|ui| {
                    let button = egui::Button::new(t(label)).min_size(egui::vec2(150.0, 26.0));
                    if ui.add(button).clicked() {
                        choice = Some(c);
                    }
                    ui.add(egui::Label::new(t(tip)).wrap());
                });
                ui.add_space(4.0);
            }
            ui.separator();
            ui.horizontal(|ui| {
                ui.add(
                    egui::Label::new(egui::RichText::new(t(T::help_welcome_later)).small()).wrap(),
                );
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if ui.button(t(T::help_welcome_close)).clicked() {
                    choice = Some(WelcomeChoice::Close);
                }
            });
        });
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_start_that_can_remember_greets() {
        let plain = Start {
            can_remember: true,
            ..Start::default()
        };
        assert!(may_greet(plain));
        assert!(!may_greet(Start::default()));
        assert!(!may_greet(Start {
            file_given: true,
            ..plain
        }));
        assert!(!may_greet(Start {
            screenshot: true,
            ..plain
        }));
    }
}

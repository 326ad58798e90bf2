//! The menu bar: File, Edit, View and Help. Every item is a [`Command`],
//! shown with its keyboard shortcut.

use egui::Ui;

use super::app::Theme;
use super::command::Command;
use crate::model::Lang;

/// What the menu shows besides its items.
pub struct MenuState<'a> {
    pub lang: Lang,
    pub theme: Theme,
    pub recent: &'a [std::path::PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
}

/// A menu button for `command`, with its shortcut beside it.
fn item(ui: &mut Ui, text: &str, command: Command, enabled: bool, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(text);
    if let Some(sc) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(command);
    }
}

/// Draws the menu bar; returns the commands chosen.
pub fn menu_bar(ui: &mut Ui, m: &MenuState<'_>) -> Vec<Command> {
    let lang = m.lang;
    let t = |id: &'static str, en: &'static str| lang.pick(id, en);
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t("Berkas", "File"), |ui| {
            item(ui, t("Baru", "New"), Command::New, true, &mut out);
            item(ui, t("Buka…", "Open…"), Command::Open, true, &mut out);
            ui.menu_button(t("Berkas terakhir", "Recent files"), |ui| {
                if m.recent.is_empty() {
                    ui.label(t("(belum ada)", "(none yet)"));
                }
                for p in m.recent {
                    if ui.button(p.display().to_string()).clicked() {
                        out.push(Command::OpenPath(p.clone()));
                    }
                }
            });
            ui.separator();
            let import = t("Impor data (CSV/Excel)…", "Import data (CSV/Excel)…");
            item(ui, import, Command::ImportData, true, &mut out);
            let template = t("Simpan templat data…", "Save data template…");
            item(ui, template, Command::SaveTemplate, true, &mut out);
            let export = t("Ekspor grafik/tabel…", "Export chart/table…");
            item(ui, export, Command::Export, true, &mut out);
            ui.separator();
            item(ui, t("Simpan", "Save"), Command::Save, true, &mut out);
            let save_as = t("Simpan sebagai…", "Save as…");
            item(ui, save_as, Command::SaveAs, true, &mut out);
            ui.separator();
            item(ui, t("Keluar", "Quit"), Command::Quit, true, &mut out);
        });
        ui.menu_button(t("Sunting", "Edit"), |ui| {
            item(
                ui,
                t("Urungkan", "Undo"),
                Command::Undo,
                m.can_undo,
                &mut out,
            );
            item(ui, t("Ulangi", "Redo"), Command::Redo, m.can_redo, &mut out);
        });
        ui.menu_button(t("Tampilan", "View"), |ui| {
            ui.label(t("Bahasa", "Language"));
            for (l, name) in [(Lang::Id, "Bahasa Indonesia"), (Lang::En, "English")] {
                if ui.radio(m.lang == l, name).clicked() && m.lang != l {
                    out.push(Command::SetLang(l));
                }
            }
            ui.separator();
            ui.label(t("Tema", "Theme"));
            for (th, name) in [
                (Theme::Light, t("Terang", "Light")),
                (Theme::Dark, t("Gelap", "Dark")),
            ] {
                if ui.radio(m.theme == th, name).clicked() && m.theme != th {
                    out.push(Command::SetTheme(th));
                }
            }
            ui.separator();
            let zoom = ui.ctx().zoom_factor();
            ui.label(format!("{} {:.0}%", t("Perbesaran", "Zoom"), zoom * 100.0));
            ui.horizontal(|ui| {
                let zoom_in = t("Perbesar (Ctrl +)", "Zoom in (Ctrl +)");
                if ui.button(zoom_in).clicked() {
                    out.push(Command::ZoomIn);
                }
                let zoom_out = t("Perkecil (Ctrl −)", "Zoom out (Ctrl −)");
                if ui.button(zoom_out).clicked() {
                    out.push(Command::ZoomOut);
                }
                if ui.button("100%").clicked() {
                    out.push(Command::ZoomReset);
                }
            });
        });
        ui.menu_button(t("Bantuan", "Help"), |ui| {
            let guide = t("Panduan metode", "Guide to the method");
            if ui.button(guide).clicked() {
                out.push(Command::ShowHelp);
            }
            if ui.button(t("Tentang", "About")).clicked() {
                out.push(Command::ShowAbout);
            }
        });
    });
    out
}

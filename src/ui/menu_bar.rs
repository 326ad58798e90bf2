//! The menu bar: File, Edit, View and Help. Every item is a [`Command`],
//! shown with its keyboard shortcut.

use egui::Ui;

use super::command::Command;
use super::export_request::ExportRequest;
use super::settings::Theme;
use crate::i18n::T;
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
    let t = |k: T| lang.t(k);
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t(T::menu_bar_file), |ui| {
            item(ui, t(T::menu_bar_new), Command::New, true, &mut out);
            item(ui, t(T::menu_bar_open), Command::Open, true, &mut out);
            let provinces = Command::OpenExample(crate::io::examples::Example::Provinces);
            item(ui, t(T::example_provinces_menu), provinces, true, &mut out);
            ui.menu_button(t(T::menu_bar_recent_files), |ui| {
                if m.recent.is_empty() {
                    ui.label(t(T::menu_bar_none_yet));
                }
                for p in m.recent {
                    if ui.button(p.display().to_string()).clicked() {
                        out.push(Command::OpenPath(p.clone()));
                    }
                }
            });
            ui.separator();
            let import = t(T::menu_bar_import_data_csv_excel);
            item(ui, import, Command::ImportData, true, &mut out);
            let template = t(T::menu_bar_save_data_template);
            item(ui, template, Command::SaveTemplate, true, &mut out);
            let export = t(T::menu_bar_export_chart_table);
            item(ui, export, Command::Export, true, &mut out);
            let report = Command::ExportTo(ExportRequest::ReportPdf);
            item(ui, t(T::report_menu), report, true, &mut out);
            let properties = t(T::properties_menu);
            item(ui, properties, Command::Properties, true, &mut out);
            ui.separator();
            item(ui, t(T::menu_bar_save), Command::Save, true, &mut out);
            let save_as = t(T::menu_bar_save_as);
            item(ui, save_as, Command::SaveAs, true, &mut out);
            ui.separator();
            item(ui, t(T::menu_bar_quit), Command::Quit, true, &mut out);
        });
        ui.menu_button(t(T::menu_bar_edit), |ui| {
            item(ui, t(T::menu_bar_undo), Command::Undo, m.can_undo, &mut out);
            item(ui, t(T::menu_bar_redo), Command::Redo, m.can_redo, &mut out);
        });
        ui.menu_button(t(T::menu_bar_view), |ui| {
            ui.label(t(T::menu_bar_language));
            for l in [Lang::Id, Lang::En] {
                if ui.radio(m.lang == l, l.t(T::lang_name)).clicked() && m.lang != l {
                    out.push(Command::SetLang(l));
                }
            }
            ui.separator();
            ui.label(t(T::menu_bar_theme));
            for (th, name) in [
                (Theme::Light, t(T::menu_bar_light)),
                (Theme::Dark, t(T::menu_bar_dark)),
            ] {
                if ui.radio(m.theme == th, name).clicked() && m.theme != th {
                    out.push(Command::SetTheme(th));
                }
            }
            ui.separator();
            let zoom = ui.ctx().zoom_factor();
            ui.label(format!("{} {:.0}%", t(T::menu_bar_zoom), zoom * 100.0));
            ui.horizontal(|ui| {
                let zoom_in = t(T::menu_bar_zoom_in_ctrl);
                if ui.button(zoom_in).clicked() {
                    out.push(Command::ZoomIn);
                }
                let zoom_out = t(T::menu_bar_zoom_out_ctrl);
                if ui.button(zoom_out).clicked() {
                    out.push(Command::ZoomOut);
                }
                if ui.button("100%").clicked() {
                    out.push(Command::ZoomReset);
                }
            });
        });
        ui.menu_button(t(T::menu_bar_help), |ui| {
            let guide = t(T::menu_bar_guide_to_the_method);
            item(ui, guide, Command::ShowHelp, true, &mut out);
            if ui.button(t(T::menu_bar_about)).clicked() {
                out.push(Command::ShowAbout);
            }
        });
    });
    out
}

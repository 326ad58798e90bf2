//! The file dialog drawn inside the window, for when the system's dialog
//! cannot open (no desktop portal, no zenity): a folder, its entries, a file
//! name, and Save/Open or Cancel. What the file is for travels with it, so
//! the action the planner started finishes once the file is chosen.

use std::path::{Path, PathBuf};

use egui::Context;

use super::command::{Command, FilePurpose};
use crate::i18n::T;
use crate::model::Lang;

/// One entry of the folder shown.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
    is_dir: bool,
}

/// The dialog while it is open.
struct Asking {
    purpose: FilePurpose,
    folder: PathBuf,
    folder_text: String,
    name: String,
    entries: Result<Vec<Entry>, String>,
    problem: Option<String>,
}

/// The in-window file dialog.
#[derive(Default)]
pub struct FileDialog {
    asking: Option<Asking>,
}

/// The entries of `folder` a planner may want: folders, and files with one
/// of `extensions`; hidden ones left out; folders first, then by name.
fn entries(folder: &Path, extensions: &[&str]) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(folder).map_err(|e| e.to_string())?;
    let mut out: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let is_dir = e.file_type().ok()?.is_dir() || e.path().is_dir();
            let wanted = is_dir
                || Path::new(&name)
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| extensions.iter().any(|w| w.eq_ignore_ascii_case(x)));
            wanted.then_some(Entry { name, is_dir })
        })
        .collect();
    out.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(out)
}

impl Asking {
    fn go_to(&mut self, folder: PathBuf) {
        self.entries = entries(&folder, self.purpose.extensions());
        self.folder_text = folder.display().to_string();
        self.folder = folder;
        self.problem = None;
    }

    /// The file the name field names, with the first offered extension
    /// added when it has none.
    fn target(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            return None;
        }
        let path = self.folder.join(name);
        if path.extension().is_none() && self.purpose.saves() {
            let ext = self.purpose.extensions().first().copied().unwrap_or("");
            Some(path.with_extension(ext))
        } else {
            Some(path)
        }
    }
}

impl FileDialog {
    /// Opens the dialog for `purpose` in `folder`, with `file_name` in the
    /// name field.
    pub fn ask(&mut self, purpose: FilePurpose, folder: PathBuf, file_name: &str) {
        let mut asking = Asking {
            purpose,
            folder: PathBuf::new(),
            folder_text: String::new(),
            name: file_name.to_string(),
            entries: Ok(Vec::new()),
            problem: None,
        };
        asking.go_to(folder);
        self.asking = Some(asking);
    }

    pub fn is_open(&self) -> bool {
        self.asking.is_some()
    }

    /// Draws the dialog while open; returns [`Command::UseFile`] once a
    /// file is chosen, [`Command::NoFile`] when cancelled.
    pub fn ui(&mut self, ctx: &Context, lang: Lang) -> Vec<Command> {
        let Some(asking) = self.asking.as_mut() else {
            return Vec::new();
        };
        let t = |k: T| lang.t(k);
        let mut done = None;
        egui::Modal::new(egui::Id::unique("file_dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            let saves = asking.purpose.saves();
            ui.heading(t(if saves {
                T::file_dialog_save_title
            } else {
                T::file_dialog_open_title
            }));
            ui.label(t(T::file_dialog_no_system_dialog));
            ui.horizontal(|ui| {
                let l = ui.label(t(T::file_dialog_folder));
                if ui.button(t(T::file_dialog_up)).clicked()
                    && let Some(parent) = asking.folder.parent()
                {
                    asking.go_to(parent.to_path_buf());
                }
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut asking.folder_text)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    let folder = PathBuf::from(asking.folder_text.trim());
                    asking.go_to(folder);
                }
            });
            let mut go = None;
            let mut chosen_file = None;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .auto_shrink([false, false])
                    .show(ui, |ui| match &asking.entries {
                        Err(e) => {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                format!("{} {e}", t(T::file_dialog_cannot_read_folder)),
                            );
                        }
                        Ok(list) if list.is_empty() => {
                            ui.weak(t(T::file_dialog_empty_folder));
                        }
                        Ok(list) => {
                            for e in list {
                                if e.is_dir {
                                    if ui.selectable_label(false, format!("{}/", e.name)).clicked()
                                    {
                                        go = Some(asking.folder.join(&e.name));
                                    }
                                } else {
                                    let r = ui.selectable_label(asking.name == e.name, &e.name);
                                    if r.clicked() {
                                        chosen_file = Some((e.name.clone(), false));
                                    }
                                    if r.double_clicked() {
                                        chosen_file = Some((e.name.clone(), true));
                                    }
                                }
                            }
                        }
                    });
            });
            if let Some(folder) = go {
                asking.go_to(folder);
            }
            let mut confirm = false;
            if let Some((name, at_once)) = chosen_file {
                asking.name = name;
                confirm = at_once;
            }
            ui.horizontal(|ui| {
                let l = ui.label(t(T::file_dialog_file_name));
                let r = ui
                    .add(egui::TextEdit::singleline(&mut asking.name).desired_width(f32::INFINITY))
                    .labelled_by(l.id);
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    confirm = true;
                }
            });
            if saves && asking.target().is_some_and(|p| p.is_file()) {
                ui.colored_label(ui.visuals().warn_fg_color, t(T::file_dialog_will_replace));
            }
            if let Some(p) = &asking.problem {
                ui.colored_label(ui.visuals().error_fg_color, p);
            }
            ui.separator();
            ui.horizontal(|ui| {
                let ok = t(if saves {
                    T::file_dialog_save
                } else {
                    T::file_dialog_open
                });
                if ui.button(ok).clicked() {
                    confirm = true;
                }
                if ui.button(t(T::file_dialog_cancel)).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    done = Some(Command::NoFile(asking.purpose.clone()));
                }
            });
            if confirm && done.is_none() {
                match asking.target() {
                    None => asking.problem = Some(t(T::file_dialog_name_needed).to_string()),
                    Some(p) if p.is_dir() => asking.go_to(p),
                    Some(p) if !saves && !p.is_file() => {
                        asking.problem =
                            Some(format!("{} {}", t(T::file_dialog_not_found), p.display()));
                    }
                    Some(p) => done = Some(Command::UseFile(asking.purpose.clone(), p)),
                }
            }
        });
        match done {
            Some(c) => {
                self.asking = None;
                vec![c]
            }
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_folders_first_and_only_the_wanted_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Laporan")).unwrap();
        std::fs::write(dir.path().join("b.csv"), "x").unwrap();
        std::fs::write(dir.path().join("A.CSV"), "x").unwrap();
        std::fs::write(dir.path().join("catatan.docx"), "x").unwrap();
        std::fs::write(dir.path().join(".tersembunyi.csv"), "x").unwrap();
        let list = entries(dir.path(), &["csv"]).unwrap();
        let names: Vec<&str> = list.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Laporan", "A.CSV", "b.csv"]);
        assert!(list[0].is_dir);
        assert!(entries(&dir.path().join("tidak-ada"), &["csv"]).is_err());
    }

    #[test]
    fn a_name_without_extension_gets_the_one_offered() {
        let mut d = FileDialog::default();
        let dir = std::env::temp_dir();
        d.ask(
            FilePurpose::SaveScenario { then: None },
            dir.clone(),
            "puskesmas",
        );
        let asking = d.asking.as_ref().unwrap();
        assert_eq!(asking.target(), Some(dir.join("puskesmas.bidan")));
        d.ask(FilePurpose::ImportData, dir.clone(), "data");
        assert_eq!(d.asking.as_ref().unwrap().target(), Some(dir.join("data")));
    }
}

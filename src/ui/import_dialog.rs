//! Importing a data file from the window: read in the background with
//! progress and a cancel button, then a preview to accept or refuse, or the
//! list of problems (and a column-mapping step when headers are unknown).
//! The current data stays untouched until the planner accepts.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use egui::Context;

use super::command::Command;
use super::view::View;
use crate::i18n::T;
use crate::io::import::{ImportError, ImportOptions, Imported, import_file, read_headers};
use crate::model::Lang;
use crate::model::data::{ColumnMapping, Field};
use crate::model::number::fmt_fixed;

/// A file being read on a background thread.
struct Job {
    path: PathBuf,
    options: ImportOptions,
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    result: Arc<Mutex<Option<Result<Imported, ImportError>>>>,
}

enum State {
    Idle,
    Loading(Job),
    Preview {
        imported: Imported,
        options: ImportOptions,
    },
    Failed {
        path: PathBuf,
        error: ImportError,
        options: ImportOptions,
        headers: Vec<String>,
        mapping: ColumnMapping,
    },
}

/// The import dialog.
pub struct ImportDialog {
    state: State,
}

impl Default for ImportDialog {
    fn default() -> Self {
        ImportDialog { state: State::Idle }
    }
}

impl ImportDialog {
    pub fn is_open(&self) -> bool {
        !matches!(self.state, State::Idle)
    }

    pub fn is_loading(&self) -> bool {
        matches!(self.state, State::Loading(_))
    }

    /// Starts reading `path` in the background.
    pub fn start(&mut self, path: PathBuf, options: ImportOptions) {
        let progress = Arc::new(AtomicU32::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let result = Arc::new(Mutex::new(None));
        let (p, c, r, file, opts) = (
            progress.clone(),
            cancel.clone(),
            result.clone(),
            path.clone(),
            options.clone(),
        );
        std::thread::spawn(move || {
            let out = import_file(&file, &opts, &mut |f| {
                p.store(f.to_bits(), Ordering::Relaxed);
                !c.load(Ordering::Relaxed)
            });
            if let Ok(mut slot) = r.lock() {
                *slot = Some(out);
            }
        });
        self.state = State::Loading(Job {
            path,
            options,
            progress,
            cancel,
            result,
        });
    }

    /// Waits for the background read to end (for tests and the command line).
    pub fn wait(&mut self) {
        while self.is_loading() {
            self.poll();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// Moves on when the background read has ended.
    fn poll(&mut self) {
        let State::Loading(job) = &self.state else {
            return;
        };
        let done = job.result.lock().ok().and_then(|mut r| r.take());
        let Some(result) = done else {
            return;
        };
        let path = job.path.clone();
        let options = job.options.clone();
        self.state = match result {
            Ok(imported) => State::Preview { imported, options },
            Err(ImportError::Cancelled { .. }) => State::Idle,
            Err(error) => {
                let (headers, _) = read_headers(&path, &options).unwrap_or_default();
                let mapping = crate::io::import::detect_mapping(&headers, options.mapping.as_ref());
                State::Failed {
                    path,
                    error,
                    options,
                    headers,
                    mapping,
                }
            }
        };
    }

    /// Draws the dialog; returns the acceptance of the data read, once the
    /// planner accepts it.
    pub fn ui(&mut self, ctx: &Context, view: &View) -> Vec<Command> {
        self.window(ctx, view.lang)
            .map(|imported| Command::AcceptImport(Box::new(imported)))
            .into_iter()
            .collect()
    }

    fn window(&mut self, ctx: &Context, lang: Lang) -> Option<Imported> {
        let t = |k: T| lang.t(k);
        self.poll();
        let mut accepted = None;
        let mut next: Option<State> = None;
        let mut restart: Option<(PathBuf, ImportOptions)> = None;
        match &mut self.state {
            State::Idle => {}
            State::Loading(job) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                let f = f32::from_bits(job.progress.load(Ordering::Relaxed));
                egui::Modal::new(egui::Id::unique("import_progress")).show(ctx, |ui| {
                    ui.heading(t(T::import_dialog_reading_data));
                    ui.label(job.path.display().to_string());
                    ui.add(egui::ProgressBar::new(f).show_percentage());
                    if ui.button(t(T::import_dialog_cancel)).clicked() {
                        job.cancel.store(true, Ordering::Relaxed);
                    }
                });
            }
            State::Preview { imported, options } => {
                let mut close = false;
                egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
                    ui.heading(t(T::import_dialog_data_preview));
                    let info = &imported.info;
                    let regions = {
                        let mut keys: Vec<&str> =
                            imported.rows.iter().map(|r| r.region_key()).collect();
                        keys.sort_unstable();
                        keys.dedup();
                        keys.len()
                    };
                    let (y0, y1) = imported
                        .rows
                        .iter()
                        .fold((i32::MAX, i32::MIN), |(a, b), r| {
                            (a.min(r.year), b.max(r.year))
                        });
                    ui.label(info.path.display().to_string());
                    ui.label(format!(
                        "{} {}, {} {}, {} {y0}–{y1}",
                        fmt_fixed(imported.rows.len() as f64, 0, lang),
                        t(T::import_dialog_rows),
                        fmt_fixed(regions as f64, 0, lang),
                        t(T::import_dialog_regions),
                        t(T::import_dialog_years),
                    ));
                    let read_as = match (info.delimiter, &info.sheet) {
                        (Some(d), _) => format!(
                            "CSV, {} “{}”, {}",
                            t(T::import_dialog_delimiter),
                            if d == b'\t' {
                                t(T::import_dialog_tab).to_string()
                            } else {
                                (d as char).to_string()
                            },
                            info.encoding
                        ),
                        (None, Some(s)) => format!("Excel, {} “{s}”", t(T::import_dialog_sheet)),
                        _ => String::new(),
                    };
                    ui.label(read_as);
                    if info.sheets.len() > 1 {
                        let mut chosen = info.sheet.clone().unwrap_or_default();
                        egui::ComboBox::from_label(t(T::import_dialog_sheet_2))
                            .selected_text(chosen.clone())
                            .show_ui(ui, |ui| {
                                for s in &info.sheets {
                                    ui.selectable_value(&mut chosen, s.clone(), s);
                                }
                            });
                        if Some(&chosen) != info.sheet.as_ref() {
                            let mut o = options.clone();
                            o.sheet = Some(chosen);
                            restart = Some((info.path.clone(), o));
                        }
                    }
                    ui.label(format!(
                        "{}: {}",
                        t(T::import_dialog_columns),
                        info.mapping
                            .columns
                            .iter()
                            .map(|(h, f)| match f {
                                Some(f) => format!("{h} = {}", f.label(lang)),
                                None => format!("{h} ({})", t(T::import_dialog_ignored)),
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    ));
                    ui.separator();
                    egui::Grid::new("preview_rows")
                        .striped(true)
                        .show(ui, |ui| {
                            for f in Field::ALL {
                                ui.strong(f.label(lang));
                            }
                            ui.end_row();
                            let cell = |v: Option<f64>, d: usize| {
                                v.map(|v| fmt_fixed(v, d, lang)).unwrap_or_default()
                            };
                            for r in imported.rows.iter().take(8) {
                                ui.label(r.region_code.as_str());
                                ui.label(r.region_name.as_str());
                                ui.label(r.year.to_string());
                                ui.label(cell(r.population.get(), 0));
                                ui.label(cell(r.cbr.get(), 2));
                                ui.label(cell(r.births.get(), 0));
                                ui.label(cell(r.pregnant_women.get(), 0));
                                ui.label(cell(r.midwives_available.get(), 1));
                                ui.end_row();
                            }
                        });
                    if imported.rows.len() > 8 {
                        ui.label("…");
                    }
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui.button(t(T::import_dialog_use_this_data)).clicked() {
                            close = true;
                            accepted = Some(());
                        }
                        if ui.button(t(T::import_dialog_cancel)).clicked() {
                            close = true;
                        }
                    });
                    ui.label(
                        egui::RichText::new(t(T::import_dialog_this_data_replaces_the_scenario))
                            .small(),
                    );
                });
                if close {
                    next = Some(State::Idle);
                }
            }
            State::Failed {
                path,
                error,
                options,
                headers,
                mapping,
            } => {
                let mut close = false;
                egui::Modal::new(egui::Id::unique("import_failed")).show(ctx, |ui| {
                    ui.heading(t(T::import_dialog_the_data_cannot_be_used));
                    ui.label(t(T::import_dialog_the_scenario_s_data_is));
                    egui::ScrollArea::vertical()
                        .max_height(260.0)
                        .show(ui, |ui| {
                            for line in error.message(lang).lines() {
                                ui.label(egui::RichText::new(line).monospace());
                            }
                        });
                    if !headers.is_empty() && !mapping.missing().is_empty() {
                        ui.separator();
                        ui.label(t(T::import_dialog_column_headers_not_recognised_choose));
                        egui::Grid::new("mapping").show(ui, |ui| {
                            for (i, (h, f)) in mapping.columns.iter_mut().enumerate() {
                                ui.label(h.as_str());
                                egui::ComboBox::from_id_salt(("map", i))
                                    .selected_text(
                                        f.map(|f| f.label(lang))
                                            .unwrap_or(t(T::import_dialog_ignore)),
                                    )
                                    .show_ui(ui, |ui| {
                                        ui.selectable_value(f, None, t(T::import_dialog_ignore));
                                        for field in Field::ALL {
                                            ui.selectable_value(f, Some(field), field.label(lang));
                                        }
                                    })
                                    .response
                                    .accessible_name(h.as_str());
                                ui.end_row();
                            }
                        });
                        if ui
                            .button(t(T::import_dialog_try_again_with_these_columns))
                            .clicked()
                        {
                            let mut o = options.clone();
                            o.mapping = Some(mapping.clone());
                            restart = Some((path.clone(), o));
                        }
                    }
                    if ui.button(t(T::import_dialog_close)).clicked() {
                        close = true;
                    }
                });
                if close {
                    next = Some(State::Idle);
                }
            }
        }
        if let Some((p, o)) = restart {
            self.start(p, o);
            return None;
        }
        let taken = accepted.and_then(|()| match std::mem::replace(&mut self.state, State::Idle) {
            State::Preview { imported, .. } => Some(imported),
            _ => None,
        });
        if let Some(n) = next {
            self.state = n;
        }
        taken
    }
}

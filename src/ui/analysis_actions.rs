//! What the Analisis tab's commands do: pin and unpin scenarios, choose the
//! tornado's year and step, edit the uncertainty set-up (an edit of the
//! document, so undo covers it), stop or restart the bands, and export the
//! tab's charts and tables.

use std::path::Path;

use super::app::ProyeksiApp;
use super::command::{Command, FilePurpose};
use super::export_request::{ANALYSIS_CHART_SIZE, AnalysisExport, Format};
use crate::i18n::T;
use crate::io::export::ExportError;
use crate::io::scenario_file::load_scenario;
use crate::model::compare::{NeedFrom, Variant, variants};
use crate::model::numeric_params::subject_growth_percent;
use crate::model::uncertainty::{UncertaintySetup, plausible_ranges};

impl ProyeksiApp {
    /// Runs a command of the Analisis tab.
    pub(super) fn run_analysis(&mut self, c: Command) {
        match c {
            Command::SetAnalysisView(v) => self.analysis.view = v,
            Command::PinCurrent => {
                let mut s = self.doc.state.to_scenario();
                s.name = self.lang().tf(T::analysis_copy_name, &[("name", &s.name)]);
                self.pin(Variant::antenatal(s), String::new());
            }
            Command::PinFile => {
                if let Some(p) = self.choose(FilePurpose::PinScenario, "") {
                    self.pin_file(&p);
                }
            }
            Command::PinVariants(list) => {
                let base = self.doc.state.to_scenario();
                match variants(&base, &list, self.lang()) {
                    Ok(found) => {
                        for v in found {
                            // The current scenario is A already.
                            let same =
                                v.need == NeedFrom::Antenatal && v.scenario.params == base.params;
                            if !same {
                                self.pin(v, String::new());
                            }
                        }
                    }
                    Err(e) => self.say(true, |lang| e.message(lang)),
                }
            }
            Command::Unpin(i) => self.analysis.unpin(i),
            Command::SetTornado { year, step } => {
                self.analysis.tornado_choice = (Some(year), step);
            }
            Command::SetUncertainty(setup) => {
                self.doc.state.uncertainty = setup.map(|s| *s);
            }
            Command::AddRange(param) => {
                let growth = self
                    .results
                    .ok()
                    .map_or(0.0, |(_, p)| subject_growth_percent(p));
                let params = &self.doc.state.params;
                if let Some(r) = plausible_ranges(params, growth)
                    .into_iter()
                    .find(|r| r.param == param)
                {
                    let setup = self
                        .doc
                        .state
                        .uncertainty
                        .get_or_insert_with(UncertaintySetup::default);
                    if !setup.ranges.iter().any(|x| x.param == param) {
                        setup.ranges.push(r);
                    }
                }
            }
            Command::CancelBands => self.analysis.bands.cancel(),
            Command::RestartBands => self.analysis.bands.restart(),
            _ => {}
        }
    }

    /// Pins `s`, or says that the pins are full.
    fn pin(&mut self, s: Variant, source: String) {
        if !self.analysis.pin(s, source) {
            self.say(true, |lang| lang.t(T::analysis_pins_full).to_string());
        }
    }

    /// Pins the scenario in `path`; a bad file is named in the status bar
    /// and nothing is pinned.
    pub(super) fn pin_file(&mut self, path: &Path) {
        match load_scenario(path) {
            Ok(s) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.pin(Variant::antenatal(s), name);
            }
            Err(e) => self.say(true, |lang| {
                format!(
                    "{} {}",
                    lang.t(T::file_actions_could_not_open),
                    e.message(lang)
                )
            }),
        }
    }

    /// Writes a chart or table of the Analisis tab to `path`.
    pub(super) fn export_analysis(
        &mut self,
        what: AnalysisExport,
        format: Format,
        path: &Path,
    ) -> Option<Result<std::path::PathBuf, ExportError>> {
        use crate::io::export::chart::save_chart;
        let lang = self.lang();
        let ext = match format {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        };
        let path = path.with_extension(ext);
        let (w, h) = ANALYSIS_CHART_SIZE;
        let subject = self.subject_name();
        let date = crate::chart::today();
        let result = match what {
            AnalysisExport::Compare => {
                let Some(Ok(c)) = &self.analysis.comparison else {
                    return None;
                };
                match format {
                    Format::Csv => write_csv(&path, |out| {
                        crate::io::export::compare::write_compare_csv(c, out)
                    }),
                    Format::Xlsx => crate::io::export::compare::compare_xlsx(c, lang)
                        .and_then(|bytes| crate::io::export::write_bytes(&path, &bytes)),
                    _ => {
                        let subject = c
                            .region
                            .clone()
                            .unwrap_or_else(|| lang.t(T::text_total).to_string());
                        let spec = crate::chart::compare_chart(c, &subject, &date, lang);
                        save_chart(&path, &spec, w, h)
                    }
                }
            }
            AnalysisExport::Tornado => {
                let Some(Ok(s)) = &self.analysis.tornado else {
                    return None;
                };
                let chart = crate::io::export::tornado::tornado_chart(
                    s,
                    &subject,
                    &self.doc.state.name,
                    &date,
                    lang,
                );
                crate::io::export::tornado::save_tornado(&path, &chart, w, h)
            }
            AnalysisExport::Bands => {
                let b = self.analysis.bands.ready()?;
                match format {
                    Format::Csv => write_csv(&path, |out| {
                        crate::io::export::bands::write_bands_csv(b, out)
                    }),
                    _ => {
                        let spec = crate::chart::bands::bands_spec(
                            b,
                            &subject,
                            &self.doc.state.name,
                            self.doc.state.params.rounding,
                            &date,
                            lang,
                        );
                        save_chart(&path, &spec, w, h)
                    }
                }
            }
        };
        Some(result.map(|()| path))
    }
}

impl ProyeksiApp {
    /// Writes the Peringkat tab's ranking to `path`: the chart of the first
    /// regions (PNG, SVG) or the whole table (CSV, Excel).
    pub(super) fn export_ranking(
        &mut self,
        format: Format,
        path: &Path,
    ) -> Option<Result<std::path::PathBuf, ExportError>> {
        use crate::io::export::ranking::{ranking_chart, save_ranking_chart, save_ranking_table};
        let lang = self.lang();
        let (year, by) = self.ranking_choice;
        self.results.refresh_ranking(year, by, self.region);
        let (ranking, (data, _)) = (self.results.ranking.as_ref()?, self.results.ok()?);
        let ext = match format {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        };
        let path = path.with_extension(ext);
        let result = match format {
            Format::Png | Format::Svg => {
                let subject = match self.region {
                    Some(r) if r < data.regions() => data.label(r).to_string(),
                    _ => lang.t(T::text_total).to_string(),
                };
                let footer = format!(
                    "{} · {} · Proyeksi Bidan",
                    self.doc.state.name,
                    crate::chart::today()
                );
                let chart = ranking_chart(ranking, data, &subject, &footer, lang);
                let (w, h) = ANALYSIS_CHART_SIZE;
                save_ranking_chart(&path, &chart, w, h)
            }
            Format::Csv | Format::Xlsx => save_ranking_table(&path, ranking, data, lang),
        };
        Some(result.map(|()| path))
    }
}

/// Writes a CSV file atomically with `write`.
fn write_csv(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    crate::io::scenario_file::write_atomic_with(path, |w| write(w)).map_err(|e| {
        ExportError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        }
    })
}

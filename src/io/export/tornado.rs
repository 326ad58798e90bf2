//! The tornado chart of a sensitivity run as PNG or SVG: one row per
//! parameter, largest swing on top, a bar from the scenario's need to the
//! need with the value moved down and one to the need with it moved up.

use std::path::Path;

use super::file::ExportError;
use super::frame::Frame;
use super::hbars::{HBar, HBars, render_hbars_png, render_hbars_svg, save_hbars};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::{fmt_fixed, fmt_percent};
use crate::model::sensitivity::{Sensitivity, Step};

/// Colour of the bar with the value moved down.
pub const COLOR_LOW: [u8; 3] = [31, 119, 180];
/// Colour of the bar with the value moved up.
pub const COLOR_HIGH: [u8; 3] = [255, 127, 14];

/// One row of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// The parameter and its two values.
    pub label: String,
    pub need_low: f64,
    pub need_high: f64,
}

/// The tornado chart, described once.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoChart {
    pub frame: Frame,
    pub x_title: String,
    /// The scenario's need: where the bars start.
    pub base: f64,
    /// Largest swing first.
    pub bars: Vec<TornadoBar>,
    pub lang: Lang,
}

/// The tornado of `s` for `subject` (the total or a region), with the
/// scenario's name and the date in the footer.
pub fn tornado_chart(
    s: &Sensitivity,
    subject: &str,
    scenario_name: &str,
    date: &str,
    lang: Lang,
) -> TornadoChart {
    let bars = s
        .rows
        .iter()
        .map(|r| {
            let d = r.param.decimals();
            TornadoBar {
                label: format!(
                    "{} ({} – {})",
                    r.param.label(&s.params, lang),
                    crate::model::number::fmt_trim(r.low, d, lang),
                    crate::model::number::fmt_trim(r.high, d, lang)
                ),
                need_low: r.need_low,
                need_high: r.need_high,
            }
        })
        .collect();
    let how = match s.step {
        Step::Share(x) => lang.tf(
            T::sensitivity_by_share,
            &[("step", &fmt_percent(x, 1, lang))],
        ),
        Step::PlausibleRange => lang.t(T::sensitivity_by_range).to_string(),
    };
    TornadoChart {
        frame: Frame {
            title: lang.tf(
                T::sensitivity_title,
                &[("year", &s.year), ("subject", &subject)],
            ),
            subtitle: format!(
                "{how} {}",
                lang.tf(
                    T::sensitivity_base,
                    &[("need", &fmt_fixed(s.base_need, 2, lang))]
                )
            ),
            legend: vec![
                (lang.t(T::sensitivity_value_down).to_string(), COLOR_LOW),
                (lang.t(T::sensitivity_value_up).to_string(), COLOR_HIGH),
            ],
            footer: format!("{scenario_name} · {date} · Proyeksi Bidan"),
        },
        x_title: lang.tf(T::sensitivity_x_title, &[("year", &s.year)]),
        base: s.base_need,
        bars,
        lang,
    }
}

impl TornadoChart {
    /// The tornado as horizontal bars: from the scenario's need to the need
    /// with the value moved down, and to the need with it moved up.
    pub fn hbars(&self) -> HBars {
        HBars {
            frame: self.frame.clone(),
            x_title: self.x_title.clone(),
            base: self.base,
            bars: self
                .bars
                .iter()
                .map(|b| HBar {
                    label: b.label.clone(),
                    spans: vec![
                        (self.base, b.need_low, COLOR_LOW),
                        (self.base, b.need_high, COLOR_HIGH),
                    ],
                })
                .collect(),
            lang: self.lang,
        }
    }
}

/// The tornado as PNG bytes.
pub fn render_tornado_png(
    c: &TornadoChart,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ExportError> {
    render_hbars_png(&c.hbars(), width, height)
}

/// The tornado as an SVG document.
pub fn render_tornado_svg(
    c: &TornadoChart,
    width: u32,
    height: u32,
) -> Result<String, ExportError> {
    render_hbars_svg(&c.hbars(), width, height)
}

/// Saves the tornado as PNG or SVG, by the extension of `path`.
pub fn save_tornado(
    path: &Path,
    c: &TornadoChart,
    width: u32,
    height: u32,
) -> Result<(), ExportError> {
    save_hbars(path, &c.hbars(), width, height)
}

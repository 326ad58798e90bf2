//! "Show the working": every derived figure with its formula and the numbers
//! put in, in Indonesian or English, so that the window and the command line
//! print the same explanation. The steps of a midwife's capacity are in
//! `capacity`, those of the population and the projection in `population`,
//! those of the growth methods beside the paper's mean in `growth`.

mod capacity;
mod growth;
mod population;
mod tree;

use super::Lang;
use super::data::PreparedData;
use super::number::{fmt_auto, fmt_fixed, fmt_trim};
use super::params::{Parameters, Rounding};
use super::projection::Projection;
use crate::i18n::T;

use capacity::{capacity_steps, package_steps, working_time_steps};
use population::{Series, births_steps, growth_steps, model_steps, need_steps, projection_steps};

/// One step of the calculation.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Stable identifier, e.g. `wke`.
    pub id: &'static str,
    pub title: String,
    /// The formula in words and symbols.
    pub formula: String,
    /// The formula with the numbers put in, ending with the result.
    pub working: String,
    /// A remark (rounding, the paper's figure), may be empty.
    pub note: String,
}

/// How figures are shown: by language and rounding mode.
#[derive(Debug, Clone, Copy)]
pub struct Fmt {
    pub lang: Lang,
    pub rounding: Rounding,
}

impl Fmt {
    pub fn new(lang: Lang, rounding: Rounding) -> Self {
        Fmt { lang, rounding }
    }
    fn exact(self) -> bool {
        self.rounding == Rounding::Exact
    }
    /// People: whole numbers as published, up to 2 decimals when exact.
    pub fn people(self, x: f64) -> String {
        if self.exact() {
            fmt_trim(x, 2, self.lang)
        } else {
            fmt_fixed(x, 0, self.lang)
        }
    }
    /// Midwives (FTE), one decimal as published, two when exact.
    pub fn fte(self, x: f64) -> String {
        fmt_fixed(x, if self.exact() { 2 } else { 1 }, self.lang)
    }
    /// Growth rate: 3 decimals as published (−0,007), 7 when exact.
    pub fn growth(self, g: f64) -> String {
        if self.exact() {
            fmt_auto(g, self.lang)
        } else {
            fmt_fixed(g, 3, self.lang)
        }
    }
    /// Share of a year: 4 decimals as published (0,0021).
    pub fn share(self, s: f64) -> String {
        if self.exact() {
            fmt_auto(s, self.lang)
        } else {
            fmt_fixed(s, 4, self.lang)
        }
    }
    pub fn num(self, x: f64) -> String {
        fmt_auto(x, self.lang)
    }
    pub fn cbr(self, x: f64) -> String {
        fmt_fixed(x, 2, self.lang)
    }
}

fn t(lang: Lang, key: T) -> String {
    lang.t(key).to_string()
}

/// A step of the working.
pub fn step(
    id: &'static str,
    title: String,
    formula: String,
    working: String,
    note: String,
) -> Step {
    Step {
        id,
        title,
        formula,
        working,
        note,
    }
}

/// Which series the population steps explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The total over all regions (the only region, when there is one).
    Total,
    /// One region, by index.
    Region(usize),
}

/// The whole calculation, step by step, like the paper.
pub fn explain(
    params: &Parameters,
    data: &PreparedData,
    proj: &Projection,
    subject: Subject,
    lang: Lang,
) -> Vec<Step> {
    let f = Fmt::new(lang, proj.rounding);
    let mut steps = package_steps(params, proj, f);
    steps.extend(working_time_steps(params, proj, f));
    steps.extend(capacity_steps(proj, f));
    let series = Series::new(data, proj, subject, lang);
    steps.extend(births_steps(params, &series, f));
    steps.extend(growth_steps(proj, &series, f));
    let region = match subject {
        Subject::Region(r) if r < data.regions() => Some(r),
        _ if data.regions() == 1 => Some(0),
        _ => None,
    };
    steps.extend(growth::method_steps(
        params,
        data,
        proj,
        region,
        series.label(),
        f,
    ));
    steps.extend(projection_steps(proj, &series, f));
    steps.extend(need_steps(proj, &series, f));
    steps.extend(model_steps(proj, &series, f));
    steps.extend(tree::tree_steps(params, data, proj, subject, f));
    steps
}

/// The steps as plain text, one block per step.
pub fn render_text(steps: &[Step]) -> String {
    let mut out = String::new();
    for (i, s) in steps.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, s.title));
        out.push_str(&format!("   {}\n", s.formula));
        out.push_str(&format!("   = {}\n", s.working));
        if !s.note.is_empty() {
            out.push_str(&format!("   ({})\n", s.note));
        }
    }
    out
}

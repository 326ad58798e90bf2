//! The working of the region tree: which rule sums the midwives needed up
//! the tree, and each region whose own row differs from the sum of the
//! regions under it.

use crate::i18n::T;
use crate::model::data::PreparedData;
use crate::model::params::{NeedSum, Parameters};
use crate::model::projection::Projection;
use crate::model::tree_sum::{node_row, parent_checks};

use super::{Fmt, Step, Subject, step, t};

/// Regions whose own row disagrees, listed at most (the rest counted).
const SHOWN_CHECKS: usize = 10;

/// The tree's step: shown when the regions form a tree or the planner
/// chose to round each region up.
pub(super) fn tree_steps(
    params: &Parameters,
    data: &PreparedData,
    proj: &Projection,
    subject: Subject,
    f: Fmt,
) -> Vec<Step> {
    let rule = params.need_sum;
    if !data.tree.nested && (rule == NeedSum::Fte || data.regions() < 2) {
        return Vec::new();
    }
    let lang = f.lang;
    let formula = t(
        lang,
        match rule {
            NeedSum::Fte => T::tree_sum_fte,
            NeedSum::EachRoundedUp => T::tree_sum_ceil,
        },
    );
    let node = match subject {
        Subject::Region(r) if r < data.regions() => Some(r),
        _ => None,
    };
    let year = proj.horizon_year;
    let mut working = match node_row(data, proj, node, year, rule) {
        Some(row) => format!(
            "{year}: {} {}",
            f.fte(row.midwives_needed),
            t(lang, T::population_midwives_fte)
        ),
        None => String::new(),
    };
    let checks = parent_checks(data, proj);
    let shown: Vec<String> = checks
        .iter()
        .take(SHOWN_CHECKS)
        .map(|c| {
            lang.tf(
                T::tree_parent_check,
                &[
                    ("region", &data.label(c.region)),
                    ("year", &c.year),
                    ("own", &f.people(c.own)),
                    ("children", &f.people(c.children)),
                    ("difference", &f.people(c.difference())),
                ],
            )
        })
        .collect();
    let mut note = shown.join("; ");
    if checks.len() > SHOWN_CHECKS {
        note.push_str(&format!("; … (+{})", checks.len() - SHOWN_CHECKS));
    }
    if working.is_empty() {
        working = "–".into();
    }
    vec![step(
        "tree_sum",
        t(lang, T::tree_sum_title),
        formula,
        working,
        note,
    )]
}

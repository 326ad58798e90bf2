//! `map`: the province map of a year's ranking (gap, ratio or need) as PNG
//! or SVG, with the regions the map does not show named on standard error.

use super::args::{MapArgs, RankByArg};
use super::{CliError, model_error, prepare_scenario};
use crate::chart::map::map_spec;
use crate::i18n::T;
use crate::io::export::map::{save_map, unmatched_line};
use crate::model::ranking::{RankBy, rank_by};
use crate::model::{self, Lang};

pub(super) fn map_cmd(a: &MapArgs) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let year = a.year.unwrap_or(proj.last_data_year);
    if !proj.years().contains(&year) {
        return Err(CliError::Usage(lang.tf(
            T::rank_year_outside,
            &[
                ("year", &year),
                ("first", &proj.first_year),
                ("last", &proj.end_year),
            ],
        )));
    }
    let by = match a.by {
        RankByArg::Gap => RankBy::Gap,
        RankByArg::Ratio => RankBy::Ratio,
        RankByArg::Need => RankBy::Need,
    };
    let ranking = rank_by(&data, &proj, year, by);
    if !ranking.by_gap && by != RankBy::Need {
        eprintln!("{}", lang.t(T::rank_needs_midwives));
    }
    let map = crate::io::geo::bundled_map().map_err(|e| CliError::Read(e.to_string()))?;
    let footer = format!(
        "{} · {} · Proyeksi Bidan · {}",
        scenario.name,
        crate::chart::today(),
        lang.tf(T::map_credit, &[("credit", &crate::io::geo::CREDIT)])
    );
    let spec = map_spec(map, &data, &ranking, footer, lang);
    if !spec.unmatched.is_empty() {
        eprintln!("{}", unmatched_line(&spec));
    }
    save_map(&a.out, map, &spec, a.width, a.height).map_err(|e| CliError::Read(e.message(lang)))
}

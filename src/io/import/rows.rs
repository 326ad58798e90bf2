//! Checks on data rows read by a quick route: a row is complete, and the
//! regions' years agree.

use rayon::prelude::*;

use crate::model::DataRow;
use crate::model::data::RegionGroups;

/// A read row with its `year`, when the year is whole and the row gives its
/// births; `None` otherwise (the careful reader says what is missing).
pub(crate) fn finish_row(mut row: DataRow, year: Option<f64>) -> Option<DataRow> {
    let year = year?;
    if year.fract() != 0.0 {
        return None;
    }
    row.year = year as i32;
    row.has_births_data().then_some(row)
}

/// Every region has each of its years once, without gaps, and all regions
/// cover the same years. Checked run by run, on every core, while each
/// region's years come together and ascending, as files usually list them.
pub(crate) fn regions_consistent(rows: &[DataRow]) -> bool {
    // Rows without a region among rows that name theirs: the careful
    // reader names them.
    if rows.first().is_some_and(|r| !r.region_key().is_empty())
        || rows.last().is_some_and(|r| !r.region_key().is_empty())
    {
        if rows.iter().any(|r| r.region_key().is_empty()) {
            return false;
        }
    } else if rows.iter().any(|r| !r.region_key().is_empty()) {
        return false;
    }
    // Pieces cut where a region's run ends.
    let n = if rows.len() < 1 << 16 {
        1
    } else {
        rayon::current_num_threads()
    };
    let mut cuts = vec![0];
    for k in 1..n {
        let mut at = (rows.len() * k / n).max(*cuts.last().unwrap_or(&0));
        while at > 0 && at < rows.len() && rows[at].same_region(&rows[at - 1]) {
            at += 1;
        }
        cuts.push(at);
    }
    cuts.push(rows.len());
    let pieces: Vec<Option<Vec<Run<'_>>>> = cuts
        .par_windows(2)
        .map(|w| runs(&rows[w[0]..w[1]]))
        .collect();
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    let mut span = None;
    for piece in pieces {
        let Some(piece) = piece else {
            return regions_consistent_grouped(rows);
        };
        for run in piece {
            if !seen.insert(run.key) {
                return regions_consistent_grouped(rows);
            }
            match span {
                None => span = Some(run.years),
                Some(t) if t != run.years => return false,
                _ => {}
            }
        }
    }
    true
}

/// One region's rows, one after another: its key and first and last year.
struct Run<'a> {
    key: &'a str,
    years: (i32, i32),
}

/// The runs of `rows`, each with its years ascending without a gap; `None`
/// when they are not.
fn runs(rows: &[DataRow]) -> Option<Vec<Run<'_>>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let first = &rows[i];
        let mut end = i + 1;
        while end < rows.len() && rows[end].same_region(first) {
            if rows[end].year != rows[end - 1].year + 1 {
                return None;
            }
            end += 1;
        }
        out.push(Run {
            key: first.region_key(),
            years: (first.year, rows[end - 1].year),
        });
        i = end;
    }
    Some(out)
}

/// As [`regions_consistent`], for rows in any order.
fn regions_consistent_grouped(rows: &[DataRow]) -> bool {
    let groups = RegionGroups::new(rows);
    let mut span = None;
    for m in groups.iter() {
        if !m.windows(2).all(|w| rows[w[1]].year == rows[w[0]].year + 1) {
            return false;
        }
        let s = (rows[m[0]].year, rows[m[m.len() - 1]].year);
        match span {
            None => span = Some(s),
            Some(t) if t != s => return false,
            _ => {}
        }
    }
    true
}

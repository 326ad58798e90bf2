//! The rows of a data table grouped by region, each region's rows in
//! ascending years.

use super::data_row::DataRow;

/// The rows of a data table grouped by region (in order of first
/// appearance), each region's rows in ascending years (equal years keep
/// their file order).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionGroups {
    /// Row indices, region after region.
    pub order: Vec<usize>,
    /// Where each region's rows start in `order`, plus the end.
    pub starts: Vec<usize>,
}

impl RegionGroups {
    /// Tables list a region's years together, so a region is looked up once
    /// per run of rows, and a run already in year order is not sorted.
    pub fn new(rows: &[DataRow]) -> Self {
        let mut index: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        let mut counts: Vec<usize> = Vec::new();
        // (first row, end row, region) of every run of rows of one region.
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            let key = rows[i].region_key();
            let mut end = i + 1;
            while end < rows.len() && rows[end].same_region(&rows[i]) {
                end += 1;
            }
            let next = counts.len();
            let region = *index.entry(key).or_insert(next);
            if region == next {
                counts.push(0);
            }
            counts[region] += end - i;
            runs.push((i, end, region));
            i = end;
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0;
        for c in &counts {
            starts.push(at);
            at += c;
        }
        starts.push(at);
        let order: Vec<usize> = if runs.len() == counts.len() {
            // One run per region: the rows are already grouped.
            runs.iter().flat_map(|&(a, b, _)| a..b).collect()
        } else {
            let mut fill = starts.clone();
            let mut order = vec![0; rows.len()];
            for &(a, b, region) in &runs {
                for (k, row) in (a..b).enumerate() {
                    order[fill[region] + k] = row;
                }
                fill[region] += b - a;
            }
            order
        };
        let mut groups = RegionGroups { order, starts };
        for g in 0..counts.len() {
            let m = &mut groups.order[groups.starts[g]..groups.starts[g + 1]];
            if !m.windows(2).all(|w| rows[w[0]].year <= rows[w[1]].year) {
                m.sort_by_key(|&i| rows[i].year);
            }
        }
        groups
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row indices of each region.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> {
        self.starts.windows(2).map(|w| &self.order[w[0]..w[1]])
    }
}

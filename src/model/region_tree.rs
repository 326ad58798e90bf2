//! Regions in a tree: province > kabupaten/kota > kecamatan > puskesmas >
//! desa/kelurahan, any depth, any one level alone. A region's parent is the
//! one its rows name (`parent_code`), else the one its Kemendagri code
//! implies (`32.01.05` under `32.01`, `3201052001` under `320105`) when that
//! region is in the data. Data without any parent link are flat: every
//! region sits directly under the total, as they always did.

use super::Lang;
use super::data_row::DataRow;
use super::error::ModelError;
use crate::i18n::T;

/// The level of a region, read off its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Province,
    Regency,
    District,
    Puskesmas,
    Village,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Province,
        Level::Regency,
        Level::District,
        Level::Puskesmas,
        Level::Village,
    ];

    /// The name on the command line (`--level`).
    pub fn key(self) -> &'static str {
        match self {
            Level::Province => "provinsi",
            Level::Regency => "kabupaten",
            Level::District => "kecamatan",
            Level::Puskesmas => "puskesmas",
            Level::Village => "desa",
        }
    }

    /// Reads a level's name in Indonesian or English (`kabupaten`, `kota`,
    /// `regency`, `desa`, `kelurahan`, `village` …).
    pub fn parse(text: &str) -> Option<Level> {
        let t: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match t.as_str() {
            "provinsi" | "province" | "prov" => Level::Province,
            "kabupaten" | "kota" | "kabupatenkota" | "kabkota" | "kab" | "regency" | "city"
            | "regencycity" | "district" => Level::Regency,
            "kecamatan" | "kec" | "subdistrict" => Level::District,
            "puskesmas" | "pkm" | "healthcentre" | "healthcenter" => Level::Puskesmas,
            "desa" | "kelurahan" | "desakelurahan" | "village" => Level::Village,
            _ => return None,
        })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Level::Province => T::level_province,
            Level::Regency => T::level_regency,
            Level::District => T::level_district,
            Level::Puskesmas => T::level_puskesmas,
            Level::Village => T::level_village,
        })
    }
}

/// How many levels deep a Kemendagri code is (1 province … 4 village), or
/// `None` when the code is not one: dotted `32`, `32.01`, `32.01.05`,
/// `32.01.05.2001`, or undotted 2, 4, 6 or 10 digits.
pub fn kemendagri_depth(code: &str) -> Option<usize> {
    let code = code.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if code.contains('.') {
        let parts: Vec<&str> = code.split('.').collect();
        let widths = [2, 2, 2, 4];
        let ok = parts.len() <= 4
            && parts
                .iter()
                .zip(widths)
                .all(|(p, w)| p.len() == w && digits(p));
        ok.then_some(parts.len())
    } else if digits(code) {
        match code.len() {
            2 => Some(1),
            4 => Some(2),
            6 => Some(3),
            10 => Some(4),
            _ => None,
        }
    } else {
        None
    }
}

/// A Kemendagri code in one form (digits only), so that `32.01` and `3201`
/// name the same region; other codes as written.
fn key(code: &str) -> String {
    let code = code.trim();
    if kemendagri_depth(code).is_some() {
        code.chars().filter(char::is_ascii_digit).collect()
    } else {
        code.to_string()
    }
}

/// The parent a Kemendagri code implies (digits only), if it has one.
fn implied_parent(code: &str) -> Option<String> {
    let depth = kemendagri_depth(code)?;
    let digits = key(code);
    let keep = match depth {
        2 => 2,
        3 => 4,
        4 => 6,
        _ => return None,
    };
    digits.get(..keep).map(str::to_string)
}

/// The level a region's code gives: a Kemendagri code by its depth, any
/// other code a puskesmas (the codes that are not Kemendagri's).
pub fn level_of(code: &str) -> Option<Level> {
    match kemendagri_depth(code) {
        Some(1) => Some(Level::Province),
        Some(2) => Some(Level::Regency),
        Some(3) => Some(Level::District),
        Some(4) => Some(Level::Village),
        _ if code.trim().is_empty() => None,
        _ => Some(Level::Puskesmas),
    }
}

/// The regions of the data as a tree. Regions are numbered as in
/// [`PreparedData`](super::PreparedData) (order of first appearance).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionTree {
    /// Whether any region sits under another (false: flat data).
    pub nested: bool,
    /// Each region's parent, `None` for the regions under the total.
    pub parent: Vec<Option<u32>>,
    /// The regions directly under the total, in order of first appearance.
    pub roots: Vec<u32>,
    /// Every region, each directly followed by the regions under it
    /// (depth first, children in order of first appearance).
    pub preorder: Vec<u32>,
    /// Where each region stands in `preorder`.
    pub position: Vec<u32>,
    /// How many regions each region's subtree holds (itself included).
    pub size: Vec<u32>,
    /// How deep each region is (0 directly under the total).
    pub depth: Vec<u16>,
    /// The level each region's code gives.
    pub level: Vec<Option<Level>>,
    /// How many regions have no region under them.
    pub leaf_count: usize,
    /// Where each region's children start in `child_list`, plus the end.
    child_start: Vec<u32>,
    child_list: Vec<u32>,
}

impl RegionTree {
    /// Builds the tree of the regions `codes`, whose rows (1-based row
    /// numbers of the data table) are `members`.
    pub fn build(
        rows: &[DataRow],
        codes: &[String],
        members: &[&[usize]],
    ) -> Result<RegionTree, ModelError> {
        let n = codes.len();
        let any_given = rows.iter().any(|r| !r.parent_code().is_empty());
        let kemendagri_nested = codes
            .iter()
            .any(|c| kemendagri_depth(c).is_some_and(|d| d > 1));
        if !any_given && !kemendagri_nested {
            return Ok(RegionTree::flat(codes));
        }
        let level: Vec<Option<Level>> = codes.iter().map(|c| level_of(c)).collect();
        // Each region's parent code as given, checked the same in all its rows.
        let mut given: Vec<&str> = Vec::with_capacity(n);
        for m in members {
            let first = m.first().map_or("", |&i| rows[i].parent_code());
            for &i in m.iter() {
                let p = rows[i].parent_code();
                if p != first {
                    return Err(ModelError::ParentConflict {
                        row: i + 1,
                        region: rows[i].region_key().to_string(),
                        parent: p.to_string(),
                        other: first.to_string(),
                    });
                }
            }
            given.push(first);
        }
        let mut index: foldhash::HashMap<String, u32> = foldhash::HashMap::default();
        for (r, c) in codes.iter().enumerate() {
            if !c.is_empty() {
                index.entry(key(c)).or_insert(r as u32);
            }
        }
        let first_row = |r: usize| members[r].first().map_or(0, |&i| i + 1);
        let mut parent: Vec<Option<u32>> = vec![None; n];
        let mut nested = false;
        for r in 0..n {
            if !given[r].is_empty() {
                match index.get(&key(given[r])) {
                    Some(&p) => parent[r] = Some(p),
                    None => {
                        return Err(ModelError::ParentNotInData {
                            row: first_row(r),
                            region: codes[r].clone(),
                            parent: given[r].to_string(),
                        });
                    }
                }
            } else if let Some(p) = implied_parent(&codes[r]).and_then(|k| index.get(&k)) {
                parent[r] = Some(*p);
            }
            nested |= parent[r].is_some();
        }
        if nested {
            // Every region needs a place: a parent, a Kemendagri code, or
            // regions under it (a puskesmas file with its villages).
            let mut has_children = vec![false; n];
            for p in parent.iter().flatten() {
                has_children[*p as usize] = true;
            }
            for r in 0..n {
                if parent[r].is_none() && !has_children[r] && kemendagri_depth(&codes[r]).is_none()
                {
                    return Err(ModelError::UnknownCode {
                        row: first_row(r),
                        code: codes[r].clone(),
                    });
                }
            }
            // A walk up from any region reaches the total within n steps.
            let mut state = vec![0u8; n]; // 0 unseen, 1 on the walk, 2 done
            for start in 0..n {
                let mut walk = Vec::new();
                let mut r = start;
                loop {
                    match state[r] {
                        2 => break,
                        1 => {
                            return Err(ModelError::ParentLoop {
                                row: first_row(r),
                                region: codes[r].clone(),
                            });
                        }
                        _ => {}
                    }
                    state[r] = 1;
                    walk.push(r);
                    match parent[r] {
                        Some(p) => r = p as usize,
                        None => break,
                    }
                }
                for w in walk {
                    state[w] = 2;
                }
            }
        }
        Ok(RegionTree::from_parents(parent, level, nested))
    }

    /// The tree of regions with the given parents (which form no loop).
    fn from_parents(parent: Vec<Option<u32>>, level: Vec<Option<Level>>, nested: bool) -> Self {
        let n = parent.len();
        let mut count = vec![0u32; n + 1];
        for p in parent.iter().flatten() {
            count[*p as usize] += 1;
        }
        let mut child_start = Vec::with_capacity(n + 1);
        let mut at = 0u32;
        for c in &count[..n] {
            child_start.push(at);
            at += c;
        }
        child_start.push(at);
        let mut fill = child_start.clone();
        let mut child_list = vec![0u32; at as usize];
        let mut roots = Vec::new();
        for (r, p) in parent.iter().enumerate() {
            match p {
                Some(p) => {
                    let p = *p as usize;
                    child_list[fill[p] as usize] = r as u32;
                    fill[p] += 1;
                }
                None => roots.push(r as u32),
            }
        }
        let mut tree = RegionTree {
            nested,
            parent,
            roots,
            preorder: Vec::with_capacity(n),
            position: vec![0; n],
            size: vec![1; n],
            depth: vec![0; n],
            level,
            leaf_count: 0,
            child_start,
            child_list,
        };
        let mut stack: Vec<(u32, u16)> = tree.roots.iter().rev().map(|&r| (r, 0)).collect();
        while let Some((r, d)) = stack.pop() {
            tree.position[r as usize] = tree.preorder.len() as u32;
            tree.preorder.push(r);
            tree.depth[r as usize] = d;
            for &c in tree.children(r as usize).iter().rev() {
                stack.push((c, d.saturating_add(1)));
            }
        }
        for &r in tree.preorder.iter().rev() {
            if let Some(p) = tree.parent[r as usize] {
                tree.size[p as usize] += tree.size[r as usize];
            }
        }
        tree.leaf_count = (0..n).filter(|&r| tree.is_leaf(r)).count();
        tree
    }

    /// A flat tree of `n` regions (every one under the total).
    pub fn flat(codes: &[String]) -> Self {
        let level = codes.iter().map(|c| level_of(c)).collect();
        RegionTree::from_parents(vec![None; codes.len()], level, false)
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The regions directly under region `r`.
    pub fn children(&self, r: usize) -> &[u32] {
        match (self.child_start.get(r), self.child_start.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.child_list[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Whether region `r` has no region under it (its figures are counted
    /// in the sums).
    pub fn is_leaf(&self, r: usize) -> bool {
        self.children(r).is_empty()
    }

    /// The regions directly under `node`, or under the total for `None`.
    pub fn children_of(&self, node: Option<usize>) -> &[u32] {
        match node {
            Some(r) => self.children(r),
            None => &self.roots,
        }
    }

    /// Region `r` and every region under it, depth first.
    pub fn subtree(&self, r: usize) -> &[u32] {
        let a = self.position[r] as usize;
        &self.preorder[a..a + self.size[r] as usize]
    }

    /// The regions without regions under them, in `node`'s subtree (the
    /// whole data for `None`).
    pub fn leaves_under(&self, node: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        let all = match node {
            Some(r) => self.subtree(r),
            None => &self.preorder[..],
        };
        all.iter().map(|&r| r as usize).filter(|&r| self.is_leaf(r))
    }

    /// The regions of `level`, in tree order.
    pub fn at_level(&self, level: Level) -> Vec<usize> {
        self.preorder
            .iter()
            .map(|&r| r as usize)
            .filter(|&r| self.level[r] == Some(level))
            .collect()
    }

    /// The regions from the top down to `r` (both ends included).
    pub fn path(&self, r: usize) -> Vec<usize> {
        let mut out = vec![r];
        let mut at = r;
        while let Some(p) = self.parent.get(at).copied().flatten() {
            at = p as usize;
            out.push(at);
            if out.len() > self.len() {
                break;
            }
        }
        out.reverse();
        out
    }
}

/// Whether rows may form a tree: some name a parent, or their Kemendagri
/// codes are of more than one depth. A quick look, one code per run of
/// rows.
fn may_nest(rows: &[DataRow]) -> bool {
    let mut depths = 0u8;
    let mut last: Option<&DataRow> = None;
    for r in rows {
        if !r.parent_code().is_empty() {
            return true;
        }
        if last.is_some_and(|l| l.region_code.shares_text(&r.region_code)) {
            continue;
        }
        last = Some(r);
        if let Some(d) = kemendagri_depth(&r.region_code) {
            depths |= 1 << d;
            if depths.count_ones() > 1 {
                return true;
            }
        }
    }
    false
}

/// Checks the tree that data rows form, without the rest of
/// [`PreparedData`](super::PreparedData)'s checks: errors name the row
/// (1-based) as [`RegionTree::build`] does.
pub fn check_rows(rows: &[DataRow]) -> Result<(), ModelError> {
    if !may_nest(rows) {
        return Ok(());
    }
    let groups = super::region_groups::RegionGroups::new(rows);
    let members: Vec<&[usize]> = groups.iter().collect();
    let codes: Vec<String> = members
        .iter()
        .map(|m| {
            m.first()
                .map_or(String::new(), |&i| rows[i].region_code.trim().to_string())
        })
        .collect();
    RegionTree::build(rows, &codes, &members).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PreparedData;

    fn row(code: &str, parent: &str, year: i32) -> DataRow {
        let mut r = DataRow {
            region_code: code.into(),
            year,
            births: 1000.0.into(),
            ..DataRow::default()
        };
        r.set_parent_code(parent);
        r
    }

    fn data(list: &[(&str, &str)]) -> Result<PreparedData, ModelError> {
        let rows: Vec<DataRow> = list
            .iter()
            .flat_map(|&(c, p)| [row(c, p, 2020), row(c, p, 2021)])
            .collect();
        PreparedData::new(&rows)
    }

    #[test]
    fn kemendagri_codes_dotted_or_not() {
        assert_eq!(kemendagri_depth("32"), Some(1));
        assert_eq!(kemendagri_depth("32.01"), Some(2));
        assert_eq!(kemendagri_depth(" 32.01.05 "), Some(3));
        assert_eq!(kemendagri_depth("32.01.05.2001"), Some(4));
        assert_eq!(kemendagri_depth("3201052001"), Some(4));
        assert_eq!(kemendagri_depth("320105"), Some(3));
        assert_eq!(kemendagri_depth("32.1"), None);
        assert_eq!(kemendagri_depth("P3201"), None);
        assert_eq!(kemendagri_depth("12345"), None);
        assert_eq!(kemendagri_depth("32.01.05.2001.1"), None);
        assert_eq!(implied_parent("32.01.05.2001").as_deref(), Some("320105"));
        assert_eq!(implied_parent("3201").as_deref(), Some("32"));
        assert_eq!(implied_parent("32"), None);
        assert_eq!(level_of("32.01"), Some(Level::Regency));
        assert_eq!(level_of("P001"), Some(Level::Puskesmas));
        assert_eq!(level_of("3201052001"), Some(Level::Village));
        assert_eq!(Level::parse("Kabupaten/Kota"), Some(Level::Regency));
        assert_eq!(Level::parse("kelurahan"), Some(Level::Village));
        assert_eq!(Level::parse("pulau"), None);
    }

    #[test]
    fn dotted_codes_and_parent_codes_make_one_tree() {
        // 32 > 32.01 > 32.01.05 > P1 (puskesmas) > 3201052001; 32.02 beside.
        let d = data(&[
            ("32", ""),
            ("32.01", ""),
            ("3201052001", "P1"),
            ("32.01.05", ""),
            ("P1", "32.01.05"),
            ("3202", ""),
        ])
        .unwrap();
        let t = &d.tree;
        assert!(t.nested);
        assert_eq!(t.roots, vec![0]);
        assert_eq!(t.children(0), &[1, 5]);
        assert_eq!(t.children(1), &[3]);
        assert_eq!(t.children(3), &[4]);
        assert_eq!(t.children(4), &[2]);
        assert_eq!(t.path(2), vec![0, 1, 3, 4, 2]);
        assert_eq!(t.depth[2], 4);
        assert_eq!(t.preorder, vec![0, 1, 3, 4, 2, 5]);
        assert_eq!(t.leaves_under(None).collect::<Vec<_>>(), vec![2, 5]);
        assert_eq!((t.leaf_count, d.counted_regions()), (2, 2));
        assert_eq!(t.leaves_under(Some(1)).collect::<Vec<_>>(), vec![2]);
        assert_eq!(t.level[4], Some(Level::Puskesmas));
        assert_eq!(t.at_level(Level::Regency), vec![1, 5]);
    }

    #[test]
    fn a_puskesmas_with_its_villages_stands_at_the_top() {
        let d = data(&[("P1", ""), ("3201052001", "P1"), ("3201052002", "P1")]).unwrap();
        assert!(d.tree.nested);
        assert_eq!(d.tree.roots, vec![0]);
        assert_eq!(d.tree.children(0), &[1, 2]);
    }

    #[test]
    fn one_level_alone_is_flat() {
        // Kabupaten of one province without the province's row.
        let d = data(&[("32.01", ""), ("32.02", ""), ("32.03", "")]).unwrap();
        assert!(!d.tree.nested);
        assert_eq!(d.tree.roots, vec![0, 1, 2]);
        // Codes of any kind, no parents: flat as always.
        let d = data(&[("A", ""), ("B", "")]).unwrap();
        assert!(!d.tree.nested);
        assert!(d.tree.is_leaf(0) && d.tree.is_leaf(1));
    }

    #[test]
    fn each_fault_names_its_row_and_column() {
        // Rows: 1–2 region 32, 3–4 P1, ...
        let e = data(&[("32", ""), ("P1", "32.09")]).unwrap_err();
        assert_eq!(
            e,
            ModelError::ParentNotInData {
                row: 3,
                region: "P1".into(),
                parent: "32.09".into()
            }
        );
        assert_eq!(e.location(), Some((3, "parent_code")));
        assert!(
            e.message(Lang::Id).contains("baris 3"),
            "{}",
            e.message(Lang::Id)
        );

        let e = data(&[("A", "B"), ("B", "C"), ("C", "A")]).unwrap_err();
        assert_eq!(
            e,
            ModelError::ParentLoop {
                row: 1,
                region: "A".into()
            }
        );

        let e = data(&[("32", ""), ("32.01", ""), ("X9", "")]).unwrap_err();
        assert_eq!(
            e,
            ModelError::UnknownCode {
                row: 5,
                code: "X9".into()
            }
        );
        assert_eq!(e.location(), Some((5, "region_code")));

        let mut rows = vec![row("32", "", 2020), row("32", "", 2021)];
        rows.extend([row("P1", "32", 2020), row("P1", "33", 2021)]);
        rows.extend([row("33", "", 2020), row("33", "", 2021)]);
        let e = PreparedData::new(&rows).unwrap_err();
        assert_eq!(
            e,
            ModelError::ParentConflict {
                row: 4,
                region: "P1".into(),
                parent: "33".into(),
                other: "32".into()
            }
        );
        assert!(e.message(Lang::En).contains("listed twice"));
    }

    #[test]
    fn a_parent_code_survives_the_scenario_file() {
        let r = row("P1", "32.01.05", 2020);
        let text = ron::to_string(&r).unwrap();
        assert!(text.contains("parent_code:\"32.01.05\""), "{text}");
        let back: DataRow = ron::from_str(&text).unwrap();
        assert_eq!(back.parent_code(), "32.01.05");
        assert_eq!(back, r);
        // Without a parent the field is left out, as before.
        let flat = ron::to_string(&row("P1", "", 2020)).unwrap();
        assert!(!flat.contains("parent_code"), "{flat}");
    }
}

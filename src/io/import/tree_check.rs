//! The region tree of an imported file checked before it is handed over:
//! a parent not in the file, a region under two parents, a loop, or a code
//! that has no place in the tree, each named at its row and column.

use crate::i18n::T;
use crate::model::{DataRow, ModelError, region_tree};

use super::problems::{Msg, quote};

/// Checks the tree the rows form (nothing to do for flat files).
pub(super) fn check_tree(rows: &[DataRow]) -> Result<(), ModelError> {
    region_tree::check_rows(rows)
}

/// The import's message for a tree fault.
pub(super) fn tree_message(e: &ModelError) -> Msg {
    match e {
        ModelError::ParentNotInData { region, parent, .. } => {
            Msg::new(T::import_parent_not_in_file)
                .text("region", quote(region))
                .text("parent", quote(parent))
        }
        ModelError::ParentConflict {
            region,
            parent,
            other,
            ..
        } => Msg::new(T::import_parent_twice)
            .text("region", quote(region))
            .text("parent", quote(parent))
            .text("other", quote(other)),
        ModelError::ParentLoop { region, .. } => {
            Msg::new(T::import_parent_loop).text("region", quote(region))
        }
        ModelError::UnknownCode { code, .. } => {
            Msg::new(T::import_code_unknown).text("code", quote(code))
        }
        other => {
            Msg::new(T::import_code_unknown).text("code", other.message(crate::model::Lang::En))
        }
    }
}

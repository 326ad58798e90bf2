//! The values of a data row that need care: a region's shared code or name
//! ([`Label`]) and a number that may be missing in eight bytes
//! ([`MaybeNumber`]).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A region's code or name. Every year of a region shares one copy of the
/// text, so a table of 84.000 villages × 20 years holds each name once and
/// copying a row allocates nothing. Reads as a `str`; the empty text takes no
/// memory. One pointer wide (the text's length lives with the text), so that
/// a row stays small.
///
/// A region's code may carry the code of the region it belongs to (its
/// parent in the region tree), kept with the shared text so that a row stays
/// one cache line.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(Option<Arc<LabelText>>);

#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct LabelText {
    text: String,
    parent: Label,
}

impl Label {
    pub fn new(text: &str) -> Self {
        Label::from(text.to_owned())
    }

    /// A code with the code of its parent region (empty for none).
    pub fn with_parent(text: &str, parent: &str) -> Self {
        if parent.is_empty() {
            return Label::new(text);
        }
        Label(Some(Arc::new(LabelText {
            text: text.to_owned(),
            parent: Label::new(parent),
        })))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", |t| t.text.as_str())
    }

    /// The parent region's code carried with this code, empty when none.
    pub fn parent(&self) -> &str {
        self.0.as_deref().map_or("", |t| t.parent.as_str())
    }

    /// Whether both hold the very same copy of a text (rows of one region
    /// read from a file share it).
    pub fn shares_text(&self, other: &Label) -> bool {
        matches!((&self.0, &other.0), (Some(a), Some(b)) if Arc::ptr_eq(a, b))
    }
}

impl std::ops::Deref for Label {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Label {
    fn from(s: &str) -> Self {
        Label::new(s)
    }
}

impl From<String> for Label {
    fn from(s: String) -> Self {
        if s.is_empty() {
            Label(None)
        } else {
            Label(Some(Arc::new(LabelText {
                text: s,
                parent: Label(None),
            })))
        }
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Label {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Label::from)
    }
}

/// A number that may be missing, in the space of one `f64` (an
/// `Option<f64>` takes twice that): a row of the data table stays small, so
/// that a national table of 1,7 million rows loads and fits quickly. Missing
/// is one particular NaN that no arithmetic gives; any other value, a NaN
/// included, is kept as given. Reads and compares as an `Option<f64>`.
#[derive(Clone, Copy)]
pub struct MaybeNumber(f64);

/// The bits that mean "missing": a quiet NaN with a payload of its own.
pub(crate) const MISSING_BITS: u64 = 0x7FFC_0000_0000_0D1E;

impl MaybeNumber {
    /// No number.
    pub const NONE: MaybeNumber = MaybeNumber(f64::from_bits(MISSING_BITS));

    pub fn new(value: Option<f64>) -> Self {
        match value {
            Some(v) if v.to_bits() == MISSING_BITS => MaybeNumber(f64::NAN),
            Some(v) => MaybeNumber(v),
            None => Self::NONE,
        }
    }

    /// The number, as an `Option`.
    pub fn get(self) -> Option<f64> {
        (self.0.to_bits() != MISSING_BITS).then_some(self.0)
    }

    pub fn is_some(self) -> bool {
        self.get().is_some()
    }

    pub fn is_none(self) -> bool {
        self.get().is_none()
    }

    pub fn unwrap_or(self, default: f64) -> f64 {
        self.get().unwrap_or(default)
    }

    pub fn map<U>(self, f: impl FnOnce(f64) -> U) -> Option<U> {
        self.get().map(f)
    }

    /// The number; panics when it is missing (for tests and invariants).
    #[track_caller]
    pub fn unwrap(self) -> f64 {
        match self.get() {
            Some(v) => v,
            None => panic!("called `MaybeNumber::unwrap()` on a missing number"),
        }
    }
}

impl Default for MaybeNumber {
    fn default() -> Self {
        Self::NONE
    }
}

impl From<Option<f64>> for MaybeNumber {
    fn from(value: Option<f64>) -> Self {
        MaybeNumber::new(value)
    }
}

impl From<f64> for MaybeNumber {
    fn from(value: f64) -> Self {
        MaybeNumber::new(Some(value))
    }
}

impl From<MaybeNumber> for Option<f64> {
    fn from(value: MaybeNumber) -> Self {
        value.get()
    }
}

impl PartialEq for MaybeNumber {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl PartialEq<Option<f64>> for MaybeNumber {
    fn eq(&self, other: &Option<f64>) -> bool {
        self.get() == *other
    }
}

impl fmt::Debug for MaybeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}

impl Serialize for MaybeNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

impl<'de> Deserialize<'de> for MaybeNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<f64>::deserialize(d).map(MaybeNumber::new)
    }
}

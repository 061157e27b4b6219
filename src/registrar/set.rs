//! [`DomainSet`]: a caller's domains, one entry per canonical key.

use alloc::collections::BTreeSet;
use alloc::string::{String, ToString};

use crate::reason::Reason;
use crate::verdict::Verdict;

/// A caller's domains, keyed by the canonical key
/// ([`Verdict::key`]): `例子.中国`, `xn--fsqu00a.xn--fiqs8s` and
/// `例子。中国.` are one entry. Taking verdicts rather than strings makes
/// every key canonical by construction.
///
/// # Example
///
/// ```
/// use dncheck::registrar::DomainSet;
/// use dncheck::{Checker, Reason};
///
/// let checker = Checker::default();
/// let mut mine = DomainSet::new();
/// mine.insert(&checker.check("例子.中国").unwrap()).unwrap();
/// let again = checker.check("XN--FSQU00A。中国.").unwrap();
/// assert_eq!(mine.insert(&again), Err(Reason::Duplicate));
/// assert_eq!(mine.len(), 1);
/// assert!(mine.contains_key("xn--fsqu00a.xn--fiqs8s"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DomainSet {
    keys: BTreeSet<String>,
}

impl DomainSet {
    /// An empty set.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::registrar::DomainSet::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> DomainSet {
        DomainSet {
            keys: BTreeSet::new(),
        }
    }

    /// Adds the verdict's name.
    ///
    /// # Errors
    ///
    /// [`Reason::Duplicate`] if the name is already in the set in any
    /// spelling; the set is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::DomainSet, Checker, Reason};
    ///
    /// let checker = Checker::default();
    /// let mut set = DomainSet::new();
    /// assert_eq!(set.insert(&checker.check("Example.CN").unwrap()), Ok(()));
    /// assert_eq!(set.insert(&checker.check("example.cn.").unwrap()), Err(Reason::Duplicate));
    /// ```
    pub fn insert(&mut self, verdict: &Verdict<'_>) -> Result<(), Reason> {
        if self.keys.contains(verdict.key()) {
            return Err(Reason::Duplicate);
        }
        self.keys.insert(verdict.key().to_string());
        Ok(())
    }

    /// `true` if the verdict's name is in the set, in any spelling.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::DomainSet, Checker};
    ///
    /// let checker = Checker::default();
    /// let mut set = DomainSet::new();
    /// set.insert(&checker.check("例子.公司.cn").unwrap()).unwrap();
    /// assert!(set.contains(&checker.check("xn--fsqu00a.xn--55qx5d.CN").unwrap()));
    /// ```
    #[must_use]
    pub fn contains(&self, verdict: &Verdict<'_>) -> bool {
        self.keys.contains(verdict.key())
    }

    /// `true` if the canonical key is in the set. The key must be a
    /// [`Verdict::key`]: other spellings are not found.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::DomainSet, Checker};
    ///
    /// let mut set = DomainSet::new();
    /// set.insert(&Checker::default().check("例子.中国").unwrap()).unwrap();
    /// assert!(set.contains_key("xn--fsqu00a.xn--fiqs8s"));
    /// assert!(!set.contains_key("例子.中国")); // not a key
    /// ```
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// Removes the verdict's name; `true` if it was there.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::DomainSet, Checker};
    ///
    /// let checker = Checker::default();
    /// let mut set = DomainSet::new();
    /// set.insert(&checker.check("example.cn").unwrap()).unwrap();
    /// assert!(set.remove(&checker.check("EXAMPLE.cn").unwrap()));
    /// assert!(set.is_empty());
    /// ```
    pub fn remove(&mut self, verdict: &Verdict<'_>) -> bool {
        self.keys.remove(verdict.key())
    }

    /// The number of names.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::DomainSet::new().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// `true` if the set has no names.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::registrar::DomainSet::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys, in byte order.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::DomainSet, Checker};
    ///
    /// let checker = Checker::default();
    /// let mut set = DomainSet::new();
    /// for name in ["b.cn", "例子.中国", "a.cn"] {
    ///     set.insert(&checker.check(name).unwrap()).unwrap();
    /// }
    /// let keys: Vec<&str> = set.keys().collect();
    /// assert_eq!(keys, ["a.cn", "b.cn", "xn--fsqu00a.xn--fiqs8s"]);
    /// ```
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.keys.iter().map(String::as_str)
    }
}

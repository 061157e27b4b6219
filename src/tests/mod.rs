//! Named case tables, one file a stage, run through the public
//! [`Checker`](crate::checker::Checker): what each stage accepts and refuses,
//! and where.

mod normalize;
mod policy;
mod words;

use crate::checker::Checker;
use crate::reason::{Reason, Rejection};
use crate::verdict::Verdict;

#[test]
fn send_sync_unwind_safe() {
    fn assert_all<T: Send + Sync + core::panic::UnwindSafe + core::panic::RefUnwindSafe>() {}
    assert_all::<Checker>();
    assert_all::<Verdict>();
    assert_all::<Rejection>();
    assert_all::<Reason>();
}

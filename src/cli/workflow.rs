//! The registrar workflow on the command line: `--registered`, `--hosted`
//! and `--owner` answer `unregistered`, `not_in_dns` and `duplicate` from
//! files, in the order of Alibaba Cloud DNS `ApplyForRetrievalDomainName`
//! (`dncheck::registrar::check_lookups`); and the vendors' own response
//! bodies as output formats (`--output tencent|aliyun`).

use std::path::Path;

use dncheck::registrar::{
    check_lookups, request_id, AlibabaResponse, Lookup, LookupChecks, MemoryLookup, TencentResponse,
};
use dncheck::{Checker, Rejection, Verdict};

use super::args::{file_error, read_text};
use super::json::Record;
use super::Input;

/// Alibaba's `HostId` in its error bodies.
const ALIYUN_HOST: &str = "alidns.aliyuncs.com";

/// The lookups the command line gave files for.
#[derive(Debug)]
pub struct Workflow {
    lookup: MemoryLookup,
    checks: LookupChecks,
    owner: Option<String>,
}

impl Workflow {
    /// The workflow of `--registered FILE`, `--hosted FILE` and `--owner
    /// ID`; `None` where none is given. The error is one line, worded as the
    /// other option files' errors.
    pub fn load(
        checker: &Checker,
        registered: Option<&Path>,
        hosted: Option<&Path>,
        owner: Option<&str>,
    ) -> Result<Option<Workflow>, String> {
        if registered.is_none() && hosted.is_none() && owner.is_none() {
            return Ok(None);
        }
        let mut lookup = MemoryLookup::new();
        if let Some(path) = registered {
            const OPTION: &str = "--registered";
            let text = read_text(OPTION, path)?;
            lookup
                .add_registered(checker, &text)
                .map_err(|err| file_error(OPTION, path, err))?;
        }
        if let Some(path) = hosted {
            const OPTION: &str = "--hosted";
            let text = read_text(OPTION, path)?;
            lookup
                .add_hosted(checker, &text)
                .map_err(|err| file_error(OPTION, path, err))?;
        }
        let checks = LookupChecks {
            registered: registered.is_some(),
            in_dns: hosted.is_some(),
            ..LookupChecks::NONE
        };
        Ok(Some(Workflow {
            lookup,
            checks,
            owner: owner.map(str::to_owned),
        }))
    }

    /// The workflow's refusal of an accepted name (its canonical `key`):
    /// not in `--registered`, not in `--hosted`, or hosted by `--owner`.
    pub fn refusal(&self, key: &str, input_len: usize) -> Option<Rejection> {
        check_lookups(
            &self.lookup,
            self.checks,
            self.owner.as_deref(),
            key,
            input_len,
        )
        .err()
    }
}

/// Appends `input`'s answer as Tencent's `CheckIntlDomainNew` would give it
/// (`{"Response": {...}}`, a name in `--registered` not `Available`, a
/// restricted word `BlackWord`) from the check's result `checked` (if
/// `None`, `checker` checks the input as printed), and returns `Available`.
pub fn write_tencent(
    out: &mut Vec<u8>,
    checker: &Checker,
    checked: Option<Result<&Verdict<'_>, &Rejection>>,
    workflow: Option<&Workflow>,
    input: &Input<'_>,
) -> bool {
    let domain = input.printed();
    let lookup = workflow.map(|w| &w.lookup as &dyn Lookup);
    let id = request_id(false);
    let response = match checked {
        Some(result) => TencentResponse::of_result(result, lookup, None, &domain, None, &id),
        None => TencentResponse::check(checker, lookup, None, &domain, None, &id),
    };
    serde_json::to_writer(&mut *out, &response).expect("writing to memory");
    out.push(b'\n');
    response.available()
}

/// Appends `record`'s answer as Alibaba Cloud DNS
/// `ApplyForRetrievalDomainName` would give it: `{"RequestId",
/// "DomainName"}`, or `{"RequestId", "HostId", "Code", "Message"}`.
pub fn write_aliyun(out: &mut Vec<u8>, record: &Record<'_>) {
    let id = request_id(true);
    let response = match record.reason {
        None => AlibabaResponse::Ok {
            request_id: id,
            domain_name: record.input.printed().into_owned(),
        },
        Some(reason) => AlibabaResponse::error(
            400,
            reason.alibaba_code(),
            reason.message(),
            &id,
            ALIYUN_HOST,
        ),
    };
    serde_json::to_writer(&mut *out, &response).expect("writing to memory");
    out.push(b'\n');
}

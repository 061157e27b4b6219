//! The generated tables under `src/generated/` are exactly what the codegen
//! step makes from `data/` and the pinned crates: regenerate and compare.

use std::process::Command;

#[test]
fn generated_tables_are_fresh() {
    let out = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "dncheck-codegen",
            "--",
            "--check",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "codegen check failed (run `cargo run -p dncheck-codegen`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

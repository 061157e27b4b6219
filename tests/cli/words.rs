//! Restricted words through the binary: the default list, every hit placed in the input, `--words`.

use super::*;

#[test]
fn restricted_words_default_list() {
    // The embedded example list: `casino` and `登录` are in it.
    let (status, values) = json(&["casino.cn", "登录.中国", "dncheck.cn"], b"");
    assert_eq!(status, 1);
    assert_eq!(
        reasons(&values),
        ["restricted_word", "restricted_word", "OK"]
    );
    let v = &values[0];
    assert_eq!(v["ok"], false);
    assert_eq!(v["code"], "DomainForbidden");
    assert_eq!(v["tencent_code"], Value::Null);
    assert_eq!(v["message_zh"], "域名包含受限词语");
    assert_eq!(
        v["restricted"],
        serde_json::json!([{"word": "casino", "label": 0, "span": [0, 6]}])
    );
    assert_eq!(v["flags"], serde_json::json!(["restricted"]));
    // The forms are filled; `label` and `span` are the first hit's.
    assert_eq!(v["registrable"], "casino.cn");
    assert_eq!(
        (&v["label"], &v["span"]),
        (&serde_json::json!(0), &serde_json::json!([0, 6]))
    );
    assert_eq!(
        values[1]["restricted"],
        serde_json::json!([{"word": "登录", "label": 0, "span": [0, 6]}])
    );
    assert_eq!(values[2]["restricted"], serde_json::json!([]));
    // The table names the words.
    let output = run(&["casino.cn"], b"");
    assert_eq!(code(&output), 1);
    let row = stdout(&output);
    assert!(row.starts_with("no  casino.cn"), "{row}");
    assert!(
        row.contains("restricted_word")
            && row.trim_end().ends_with(": casino (label 0, bytes 0..6)"),
        "{row}"
    );
}

#[test]
fn restricted_hits_every_one_placed_in_the_input() {
    let (_, values) = json(
        &["--profile", "hostname"],
        "casino.WWW.betting-casino.cn\nxn--w2t382c6hg.cn\nｃａｓｉｎｏ。cn\n".as_bytes(),
    );
    let hits: Vec<Vec<(String, u64, Value)>> = values
        .iter()
        .map(|v| {
            v["restricted"]
                .as_array()
                .expect("an array")
                .iter()
                .map(|h| {
                    (
                        h["word"].as_str().unwrap_or_default().to_owned(),
                        h["label"].as_u64().unwrap_or(99),
                        h["span"].clone(),
                    )
                })
                .collect()
        })
        .collect();
    let w = |word: &str, label: u64, s: u64, e: u64| {
        (word.to_owned(), label, serde_json::json!([s, e]))
    };
    assert_eq!(
        hits,
        [
            // Every hit, in the order of their ends, in every label.
            vec![
                w("casino", 0, 0, 6),
                w("betting", 2, 11, 18),
                w("casino", 2, 19, 25)
            ],
            // An A-label (登录网): the whole label.
            vec![w("登录", 0, 0, 14)],
            // Fullwidth: the whole label, in the input's bytes.
            vec![w("casino", 0, 0, 18)],
        ]
    );
    assert_eq!(values[0]["label"], 0);
    assert_eq!(values[0]["span"], serde_json::json!([0, 6]));
}

#[test]
fn table_escapes_spaces_at_the_ends() {
    let output = run(&[" a.cn ", "a b.cn"], b"");
    let text = stdout(&output);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("no  \\u{20}a.cn\\u{20}  "), "{text}");
    assert!(rows[1].starts_with("no  a b.cn  "), "{text}");
}

#[test]
fn words_file() {
    let words = temp_file(
        "words.txt",
        "# a list of our own\nshop\tcommerce\n賭博\ngood-bye\n".as_bytes(),
    );
    let args = [
        OsStr::new("--profile"),
        OsStr::new("hostname"),
        OsStr::new("--json"),
        OsStr::new("--words"),
        words.as_os_str(),
    ];
    let output = run(
        &args,
        "MyShop.cn\nwww.赌博.cn\ngoodbye.cn\ncasino.cn\nshop.cn.\ngood.bye.cn\n".as_bytes(),
    );
    assert_eq!(code(&output), 1);
    let values = json_lines(&output);
    let restricted: Vec<&Value> = values.iter().map(|v| &v["restricted"]).collect();
    let hit = |word: &str, label: usize, start: usize, end: usize| serde_json::json!([{"word": word, "label": label, "span": [start, end]}]);
    assert_eq!(
        restricted,
        [
            // Upper case in the input: the hit's own bytes.
            &hit("shop", 0, 2, 6),
            // Traditional in the list, simplified in the name.
            &hit("賭博", 1, 4, 10),
            // Hyphens are ignored: the word as the list writes it.
            &hit("good-bye", 0, 0, 7),
            // The embedded list is replaced, not extended.
            &serde_json::json!([]),
            &hit("shop", 0, 0, 4),
            // Not across labels.
            &serde_json::json!([]),
        ]
    );
    // A word that folds to nothing is a build error naming its line.
    let bad = temp_file("words_bad.txt", b"ok\n-\n");
    file_error(&[OsStr::new("--words"), bad.as_os_str()], &bad, &["line 2"]);
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/no-such-words.txt");
    file_error(
        &[OsStr::new("--words"), missing.as_os_str()],
        &missing,
        &["--words", "cannot read"],
    );
}

// ---------------------------------------------------------------------------
// The command line (clap): help, spellings, repeats, raw names, file errors.

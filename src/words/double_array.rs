//! The double-array placement: the trie of `builder.rs` laid out as the
//! `slots` and `links` of a [`WordList`] (see the layout in `mod.rs`), each state's
//! children at the first base where they all fit, found through a
//! [`FreeList`] of the free slots; then the failure links and the output
//! lists, breadth first.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use super::{
    too_large, WordList, WordListError, BASE, CHECK, FAIL, HAS_OUT, LAST, NONE, NO_OUT, NO_PARENT,
    OUT, PARENT,
};

/// The free slots of a double array being filled, as a doubly linked list
/// in slot order, so that a placement finds the next free slot at once.
struct FreeList {
    next: Vec<u32>,
    prev: Vec<u32>,
    used: Vec<bool>,
    /// The first and the last free slot (`NIL` if none).
    head: u32,
    tail: u32,
}

/// The end of a [`FreeList`] link.
const NIL: u32 = u32::MAX;

impl FreeList {
    /// `n` slots, all free but slot 0 (the root).
    fn new(n: usize) -> Self {
        let mut f = FreeList {
            next: Vec::new(),
            prev: Vec::new(),
            used: Vec::new(),
            head: NIL,
            tail: NIL,
        };
        f.grow(n.max(1));
        f.take(0);
        f
    }

    fn len(&self) -> usize {
        self.used.len()
    }

    /// Adds free slots at the end, up to `n` in all.
    fn grow(&mut self, n: usize) {
        for i in self.len()..n {
            let i = i as u32;
            self.used.push(false);
            self.prev.push(self.tail);
            self.next.push(NIL);
            match self.tail {
                NIL => self.head = i,
                t => self.next[t as usize] = i,
            }
            self.tail = i;
        }
    }

    /// `true` if slot `i` is free (slots past the end are).
    fn is_free(&self, i: usize) -> bool {
        i >= self.len() || !self.used[i]
    }

    /// Marks the free slot `i` used.
    fn take(&mut self, i: usize) {
        self.grow(i + 1);
        debug_assert!(!self.used[i]);
        self.used[i] = true;
        let (p, n) = (self.prev[i], self.next[i]);
        match p {
            NIL => self.head = n,
            p => self.next[p as usize] = n,
        }
        match n {
            NIL => self.tail = p,
            n => self.prev[n as usize] = p,
        }
    }
}

/// A trie node as the builder hands it to [`place`]: its children by code (ascending), and the
/// words that end at it.
#[derive(Default)]
pub(super) struct Node {
    pub(super) children: Vec<(u16, u32)>,
    pub(super) words: Vec<u32>,
}

/// Lays the trie out as a double array and adds failure links and output
/// lists: everything of a [`WordList`] but its code map and words.
pub(super) fn place(nodes: &[Node]) -> Result<WordList, WordListError> {
    let mut free = FreeList::new(nodes.len() + 256);
    let mut slot_of = alloc::vec![0u32; nodes.len()];
    let mut bases = alloc::vec![0u32; nodes.len()];
    let mut parent_slot = alloc::vec![NO_PARENT; nodes.len()];
    // Breadth first, so that failure links can be set in the same order.
    let mut queue: Vec<u32> = Vec::with_capacity(nodes.len());
    queue.push(0);
    let mut qi = 0;
    while qi < queue.len() {
        let n = queue[qi] as usize;
        qi += 1;
        let children = &nodes[n].children;
        if children.is_empty() {
            continue;
        }
        let first = u32::from(children[0].0);
        // The first free slot at which the first child fits and all the
        // others too.
        let mut p = free.head;
        let base = loop {
            if p == NIL {
                p = free.len() as u32;
                free.grow(p as usize + 1);
            }
            let base = p.wrapping_sub(first);
            let fits = children[1..]
                .iter()
                .all(|&(c, _)| free.is_free(base.wrapping_add(u32::from(c)) as usize));
            if fits {
                break base;
            }
            p = free.next[p as usize];
        };
        bases[n] = base;
        for &(c, child) in children {
            let t = base.wrapping_add(u32::from(c));
            // A slot's number must fit `check` without its flag, and stay
            // below the parent of a free slot.
            if t >= PARENT {
                return Err(too_large());
            }
            free.take(t as usize);
            slot_of[child as usize] = t;
            parent_slot[child as usize] = slot_of[n];
            queue.push(child);
        }
    }
    let len = free
        .used
        .iter()
        .rposition(|&u| u)
        .map_or(1, |last| last + 1);
    let mut slots = alloc::vec![[0, NO_PARENT]; len];
    for (n, &s) in slot_of.iter().enumerate() {
        let slot = &mut slots[s as usize];
        slot[BASE] = bases[n];
        slot[CHECK] = parent_slot[n];
    }
    slots[0][CHECK] = NO_PARENT;

    // Which slots hold a state with children (the root counts as one).
    let mut inner = alloc::vec![false; len];
    inner[0] = true;
    for (n, node) in nodes.iter().enumerate() {
        if !node.children.is_empty() {
            inner[slot_of[n] as usize] = true;
        }
    }

    // Failure links and outputs, breadth first: a state's failure target
    // is shallower, so it is done before the state.
    let mut outputs: Vec<u32> = Vec::new();
    let mut list = WordList {
        ascii: [NONE; 128],
        index: Cow::Borrowed(&[]),
        pages: Cow::Borrowed(&[]),
        expansions: Cow::Borrowed(&[]),
        slots: Cow::Owned(slots),
        links: Cow::Owned(alloc::vec![[0, NO_OUT]; len]),
        outputs: Cow::Borrowed(&[]),
        words: Cow::Borrowed(&[]),
        categories: Cow::Borrowed(&[]),
        text: Cow::Borrowed(""),
        digits: false,
    };
    for &n in &queue {
        let n = n as usize;
        let s = slot_of[n];
        for &(code, child) in &nodes[n].children {
            let t = slot_of[child as usize] as usize;
            let fail = if n == 0 {
                0
            } else {
                let f = list.links[s as usize][FAIL];
                list.step(f, code)
            };
            let inherited = list.links[fail as usize][OUT];
            let own = &nodes[child as usize].words;
            let out = if own.is_empty() {
                inherited
            } else {
                let start = u32::try_from(outputs.len()).map_err(|_| too_large())?;
                let mut own = own.clone();
                own.sort_unstable();
                outputs.extend_from_slice(&own);
                if inherited != NO_OUT {
                    let mut i = inherited as usize;
                    loop {
                        let e = outputs[i];
                        outputs.push(e & !LAST);
                        if e & LAST != 0 {
                            break;
                        }
                        i += 1;
                    }
                }
                if let Some(last) = outputs.last_mut() {
                    *last |= LAST;
                }
                start
            };
            // The failure link skips states without children: no step can
            // succeed from them, and the outputs are already flattened.
            let fail = if inner[fail as usize] {
                fail
            } else {
                list.links[fail as usize][FAIL]
            };
            list.links.to_mut()[t] = [fail, out];
            if out != NO_OUT {
                list.slots.to_mut()[t][CHECK] |= HAS_OUT;
            }
        }
    }
    list.outputs = Cow::Owned(outputs);
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_list_grows_and_links() {
        let mut f = FreeList::new(4);
        assert_eq!((f.head, f.tail), (1, 3));
        f.take(1);
        f.take(3);
        assert_eq!((f.head, f.tail), (2, 2));
        f.take(2);
        assert_eq!((f.head, f.tail), (NIL, NIL));
        f.take(10);
        assert!(f.is_free(4) && f.is_free(9) && !f.is_free(10) && f.is_free(11));
        assert_eq!((f.head, f.tail), (4, 9));
        assert_eq!(f.next[9], NIL);
        assert_eq!(f.prev[4], NIL);
    }
}

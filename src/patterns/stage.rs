//! The patterns as a stage of the tagger ([`crate::rules::Stage`]): it runs in the
//! document phase, after the gazetteers and the built-in rules, over the tokens the tagger
//! already made and the entities found so far, as spaCy's EntityRuler runs after the
//! components before it.

use super::{EntityTokens, PatternMatch, PatternScratch, PatternSet};
use crate::entries::EntryData;
use crate::resolve::SpanCands;
use crate::rules::{collapse_space, Context, Phase, Stage};
use std::cell::RefCell;
use std::sync::Arc;

/// The name of the patterns' stage, as `--disable-rule` and
/// [`crate::TaggerBuilder::disable_stage`] take it.
pub const STAGE_NAME: &str = "patterns";

/// A tagger's patterns, with the `source` each pattern's entities report.
#[derive(Clone, Debug)]
pub(crate) struct PatternStage {
    set: PatternSet,
    /// Per pattern: its file name, plus `#id` when it has an id.
    sources: Vec<Arc<str>>,
    /// spaCy's `overwrite_ents`: pattern matches replace the entities they overlap (on),
    /// or a match that touches an entity is dropped (off, spaCy's default).
    overwrite: bool,
}

/// Buffers of the pattern stage, one per thread (a stage keeps no state of its own).
#[derive(Default)]
struct StageScratch {
    matches: Vec<PatternMatch>,
    inner: PatternScratch,
}

thread_local! {
    static SCRATCH: RefCell<StageScratch> = RefCell::new(StageScratch::default());
}

impl PatternStage {
    pub(crate) fn new(set: PatternSet, overwrite: bool) -> PatternStage {
        let sources = set
            .patterns()
            .iter()
            .map(|p| match p.id() {
                Some(id) => Arc::from(format!("{}#{id}", p.source())),
                None => Arc::from(p.source()),
            })
            .collect();
        PatternStage { set, sources, overwrite }
    }

    /// Adds the matches of the document to its spans.
    fn apply(&self, cx: &mut Context<'_>, s: &mut StageScratch) {
        let (text, tokens) = (cx.text, cx.tokens);
        s.matches.clear();
        {
            // The entities found so far, as token ranges, for `ENT_TYPE`.
            let ents: Vec<EntityTokens<'_>> = cx
                .spans
                .iter()
                .map(|sp| EntityTokens {
                    start: sp.start_tok as usize,
                    end: sp.end_tok as usize,
                    label: cx.entry(sp.cands[0]).label.as_str(),
                })
                .collect();
            self.set.find_with(text, tokens, &ents, !self.overwrite, &mut s.inner, &mut s.matches);
        }
        if s.matches.is_empty() {
            return;
        }
        if self.overwrite {
            let found = &s.matches;
            cx.spans.retain(|sp| {
                let (a, b) = (sp.start_tok as usize, sp.end_tok as usize);
                !found.iter().any(|m| m.start < b && a < m.end)
            });
        }
        for m in &s.matches {
            let (start, end) = (tokens[m.start].start, tokens[m.end - 1].end);
            let c = cx.push_reading(EntryData {
                name: collapse_space(&text[start..end]).into(),
                label: m.label.clone(),
                id: m.id.clone(),
                priority: m.priority,
                source: self.sources[m.pattern].clone(),
            });
            cx.spans.push(SpanCands {
                start_tok: m.start as u32,
                end_tok: m.end as u32,
                start,
                end,
                best_priority: m.priority,
                cands: vec![c],
            });
        }
        cx.spans.sort_by_key(|sp| (sp.start, sp.end));
    }
}

impl Stage for PatternStage {
    fn name(&self) -> &str {
        STAGE_NAME
    }

    fn phase(&self) -> Phase {
        Phase::Document
    }

    fn run(&self, cx: &mut Context<'_>) {
        if self.set.is_empty() {
            return;
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.apply(cx, &mut s),
            Err(_) => self.apply(cx, &mut StageScratch::default()),
        });
    }
}

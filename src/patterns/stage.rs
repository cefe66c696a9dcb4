//! The patterns as a step of the tagger: run after the gazetteers and rules, over their
//! entities, as spaCy's EntityRuler runs after the components before it.

use super::{EntityTokens, PatternMatch, PatternScratch, PatternSet};
use crate::entity::Entity;
use crate::tokenize::{tokenize_into, Token};
use std::sync::Arc;

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

/// Buffers of the pattern step; one per thread, inside the tagger's `Scratch`.
#[derive(Default)]
pub(crate) struct StageScratch {
    tokens: Vec<Token>,
    matches: Vec<PatternMatch>,
    inner: PatternScratch,
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

    /// Adds the pattern matches of `text` to `ents` (the document's entities, in text
    /// order, from `from` on), keeping text order.
    pub(crate) fn apply(&self, text: &str, s: &mut StageScratch, ents: &mut Vec<Entity>, from: usize) {
        if self.set.is_empty() {
            return;
        }
        s.tokens.clear();
        tokenize_into(text, &mut s.tokens);
        let tokens = &s.tokens;
        // Entities as token ranges (their ends sit on token boundaries).
        let spans: Vec<EntityTokens<'_>> = ents[from..]
            .iter()
            .map(|e| EntityTokens {
                start: tokens.partition_point(|t| t.start < e.start),
                end: tokens.partition_point(|t| t.start < e.end),
                label: e.label.as_str(),
            })
            .collect();
        s.matches.clear();
        self.set.find_with(text, tokens, &spans, !self.overwrite, &mut s.inner, &mut s.matches);
        drop(spans);
        if s.matches.is_empty() {
            return;
        }
        let found: Vec<Entity> = s
            .matches
            .iter()
            .map(|m| {
                let (start, end) = (tokens[m.start].start, tokens[m.end - 1].end);
                Entity {
                    start,
                    end,
                    label: m.label.clone(),
                    name: crate::tagger::collapse_space(&text[start..end]).into(),
                    id: m.id.clone(),
                    source: self.sources[m.pattern].clone(),
                    alternatives: Vec::new(),
                }
            })
            .collect();
        if self.overwrite {
            let mut i = 0;
            ents.retain(|e| {
                let keep = i < from || !found.iter().any(|f| f.start < e.end && e.start < f.end);
                i += 1;
                keep
            });
        }
        ents.extend(found);
        ents[from..].sort_by_key(|e| (e.start, e.end));
    }
}

"""Aggregate SQL for class reports: a facilitator session is its own group; solo sessions group per scenario."""

from __future__ import annotations

# A report "group" is one facilitator session (session_id = its id) or every solo session of one scenario
# (session_id NULL). All three queries share this key, so the report can join their rows in Python.
_GROUP = "CASE WHEN s.mode = 'facilitator' THEN s.id END"

GROUPS_SQL = f"""
SELECT {_GROUP} AS session_id, s.mode AS mode, s.scenario_id AS scenario_id,
       MAX(s.class_label) AS class_label,
       COUNT(*) AS sessions,
       MIN(s.started_at) AS first_started,
       MAX(s.started_at) AS last_started,
       SUM(s.finished_at IS NOT NULL) AS finished,
       SUM(COALESCE(s.ending_tone = 'safe', 0)) AS ended_safe,
       SUM(COALESCE(s.ending_tone = 'help_sought', 0)) AS ended_help_sought,
       SUM(COALESCE(s.ending_tone = 'risky', 0)) AS ended_risky,
       MAX(s.ending_id) AS ending_id,
       MAX(s.ending_tone) AS ending_tone,
       MAX(COALESCE(s.questions_reached, 0)) AS questions_reached_max,
       SUM(COALESCE(s.questions_reached, 0)) AS questions_reached_sum
FROM sessions AS s
GROUP BY 1, s.mode, s.scenario_id
ORDER BY s.mode = 'solo', MIN(s.id)
"""
"""One row per group: session counts, endings by tone and discussion questions reached."""

DECISIONS_SQL = f"""
SELECT {_GROUP} AS session_id, s.mode AS mode, s.scenario_id AS scenario_id, d.node_id AS node_id, d.kind AS kind,
       COUNT(*) AS decisions,
       COUNT(DISTINCT d.session_id) AS sessions,
       MIN(d.seq) AS first_seq,
       AVG(d.seq) AS mean_seq,
       SUM(d.votes_json IS NOT NULL) AS voted,
       SUM(COALESCE(d.chosen = d.safer, 0)) AS chose_safer,
       SUM(COALESCE(d.hits, 0)) AS hits,
       SUM(COALESCE(d.misses, 0)) AS misses,
       SUM(COALESCE(d.false_alarms, 0)) AS false_alarms
FROM decisions AS d JOIN sessions AS s ON s.id = d.session_id
GROUP BY 1, s.mode, s.scenario_id, d.node_id, d.kind
ORDER BY 1, s.scenario_id, MIN(d.seq), AVG(d.seq), d.node_id, d.kind
"""
"""One row per group and decision node: how often it was decided, spot-the-flags hits, misses and false alarms."""

OPTIONS_SQL = f"""
SELECT {_GROUP} AS session_id, s.mode AS mode, s.scenario_id AS scenario_id, d.node_id AS node_id, d.kind AS kind,
       o.value AS text,
       MIN(o.key) AS position,
       COUNT(*) AS offered,
       SUM(CASE
             WHEN d.kind = 'spot'
               THEN EXISTS (SELECT 1 FROM json_each(d.selected_json) AS m WHERE m.value = o.key)
             WHEN d.votes_json IS NOT NULL
               THEN COALESCE(json_extract(d.votes_json, '$[' || o.key || ']'), 0)
             ELSE COALESCE(d.chosen = o.key, 0)
           END) AS count,
       SUM(COALESCE(d.safer = o.key, 0)) AS safer,
       SUM(COALESCE(d.chosen = o.key, 0)) AS followed
FROM decisions AS d JOIN sessions AS s ON s.id = d.session_id, json_each(d.options_json) AS o
GROUP BY 1, s.mode, s.scenario_id, d.node_id, d.kind, o.value
ORDER BY 1, s.scenario_id, d.node_id, d.kind, MIN(o.key), o.value
"""
"""One row per group, decision node and option text.

``count`` is the votes (facilitator), the number of times it was chosen (solo) or, for a spot task, the number of
times that part was marked. ``safer`` counts the decisions where it was the safer choice; ``followed`` those where
the story went that way. Options are matched by their text, so choices offered only under a condition still line up.
"""

REPORT_QUERIES: tuple[str, ...] = (GROUPS_SQL, DECISIONS_SQL, OPTIONS_SQL)
"""Every query a class report runs, in order (the benchmark times them bare)."""

"""Every id written inside text is known to the renumbering of a file that joins a district
(docs/district.md, "Ids inside other columns"): the writers are read as text, so a new audit entity
or a new id in a timeline's data fails here until the list says what it is."""
from __future__ import annotations

import re
from pathlib import Path

from app.store import transfer

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"
# entities whose entity_id is no row's id (a day, a year, a file's name, "office", "export" …)
NOT_IDS = {"calendar", "database", "settings", "ledger", "annual_report", "year"}


def _sources() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in SERVICES.glob("*.py")}


def test_every_audited_entity_is_an_id_of_a_table_or_no_id():
    entities = set()
    for text in _sources().values():
        constants = dict(re.findall(r'^(\w+) = "(\w+)"', text, re.M))
        for literal, name in re.findall(r'audit\.record\(\s*(?:"(\w+)"|(\w+))', text):
            entities.add(literal or constants[name])
    assert entities, "no audit.record found: the pattern is out of date"
    assert entities <= set(transfer.AUDIT_ENTITY_IDS) | NOT_IDS, entities - set(transfer.AUDIT_ENTITY_IDS) - NOT_IDS
    assert set(transfer.AUDIT_ENTITY_IDS.values()) <= {m._meta.table_name for m in transfer._models()}


def test_every_id_in_a_timeline_s_data_is_known():
    keys = set()
    for text in _sources().values():
        if "add_event(" in text:
            keys |= set(re.findall(r'"(ref|\w+_id)":', text))
    assert keys == set(transfer.EVENT_DATA_IDS)

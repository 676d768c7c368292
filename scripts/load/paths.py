#!/usr/bin/env python3
"""The URLs each route of scripts/load-test is loaded with, drawn from the hub's own data.

A route loaded with one URL flatters a cache; real visitors spread over thousands of
organisations, initiatives, pages, filters and search words. This writes, for each route, a file
of paths (one a line, shuffled with a fixed seed, so runs compare) that wrk's cycle.lua walks
through.

    scripts/load/paths.py DATABASE_URL OUT_DIR [--sample N]

DATABASE_URL is sqlite://path (read with Python's sqlite3) or postgres://... (read with psql).
It also writes OUT_DIR/facts.json: the convener of the largest locality (to sign in as) and an
organisation's owner, for the signed-in routes.
"""

import json
import os
import random
import subprocess
import sys
import urllib.parse


def rows(url, sql):
    """The rows of a query, as tuples of strings."""
    if url.startswith("sqlite://"):
        import sqlite3

        path = url[len("sqlite://"):].split("?")[0]
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return [tuple("" if v is None else str(v) for v in row) for row in connection.execute(sql)]
        finally:
            connection.close()
    out = subprocess.run(
        ["psql", url, "-X", "-A", "-t", "-F", "\t", "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    url, out = args[0], args[1]
    sample = int(args[args.index("--sample") + 1]) if "--sample" in args else 3000
    random.seed(42)
    os.makedirs(out, exist_ok=True)

    def draw(values, n=sample):
        values = list(values)
        random.shuffle(values)
        return values[:n]

    def ids(sql, n=sample):
        # Drawn in SQL: a country's tables are too large to read whole.
        return [r[0] for r in rows(url, f"{sql} ORDER BY RANDOM() LIMIT {n}")]

    localities = [r[0] for r in rows(url, "SELECT id FROM localities ORDER BY id")]
    # An OCDS package needs a release: only localities that published a call have one.
    publishing = [
        r[0]
        for r in rows(url, "SELECT DISTINCT locality_id FROM calls WHERE status <> 'draft' ORDER BY locality_id")
    ]
    # The largest locality by initiatives: its pages are the heaviest.
    largest = rows(
        url,
        "SELECT locality_id FROM initiatives GROUP BY locality_id ORDER BY COUNT(*) DESC LIMIT 1",
    )[0][0]
    organisations = ids("SELECT id FROM organisations")
    initiatives = ids("SELECT id FROM initiatives")
    in_largest = ids(f"SELECT id FROM initiatives WHERE locality_id = {largest}", sample // 3)
    log_size = int(rows(url, "SELECT COUNT(*) FROM decision_log")[0][0])

    # Search words: the first word of Hebrew, Arabic and English names.
    words = set()
    for (name_he, name_ar, name_en) in rows(
        url, f"SELECT name_he, name_ar, name_en FROM organisations ORDER BY RANDOM() LIMIT {sample}"
    ):
        for name in (name_he, name_ar, name_en):
            parts = name.split()
            if parts and len(parts[0]) > 1:
                words.add(parts[0])
    words = draw(sorted(words))
    quoted = [urllib.parse.quote(w) for w in words]

    # Deep pages are reached by their cursors (keyset pagination), as a reader following
    # "next" links would: the name order's key of the last organisation of a page of 20 (the
    # Hebrew order, the default language), and the last id of a page of the largest locality's
    # initiatives (50 a page) and of its record (50 a page).
    ordered = rows(url, "SELECT id, sort_he FROM organisations ORDER BY sort_he, id")
    directory_cursors = [
        (p, urllib.parse.quote(f"a{ordered[p * 20 - 1][0]}-{ordered[p * 20 - 1][1]}"))
        for p in draw(range(1, max(2, len(ordered) // 20)))
    ]
    newest_first = [r[0] for r in rows(url, f"SELECT id FROM initiatives WHERE locality_id = {largest} ORDER BY id DESC")]
    dashboard_cursors = [newest_first[p * 50 - 1] for p in draw(range(1, max(2, len(newest_first) // 50)))]
    record_of_largest = [r[0] for r in rows(url, f"SELECT idx FROM decision_log WHERE locality_id = {largest} ORDER BY idx DESC")]
    record_cursors = [record_of_largest[p * 50 - 1] for p in draw(range(1, max(2, len(record_of_largest) // 50)))]
    sectors = ["public", "third", "business"]
    contributions = [
        "knowledge",
        "budget",
        "local-networks",
        "community-trust",
        "rapid-execution",
        "project-experience",
    ]
    stages = ["idea", "convened", "scoping", "building", "agreed", "implementing"]

    routes = {
        "home": ["/"],
        "directory": [f"/organisations?cursor={c}&page={p + 1}" for p, c in directory_cursors],
        "directory-filtered": draw(
            f"/organisations?sector={s}&locality={l}&contribution={c}"
            for s in sectors
            for l in localities
            for c in contributions
        ),
        "directory-search": [f"/organisations?q={q}" for q in quoted],
        "organisation": [f"/organisations/{i}" for i in organisations],
        "locality": [f"/localities/{i}" for i in localities],
        "locality-largest": [f"/localities/{largest}"],
        "initiative": [f"/initiatives/{i}" for i in initiatives],
        "suggestions": [f"/initiatives/{i}/suggestions" for i in initiatives[: sample // 3]],
        "suggestions-largest": [f"/initiatives/{i}/suggestions" for i in in_largest],
        "record": [f"/localities/{i}/record" for i in localities],
        "record-atom": [f"/localities/{i}/record.atom" for i in localities],
        "portal": [f"/localities/{i}/portal" for i in localities],
        "portal-csv": [f"/localities/{i}/portal/initiatives.csv" for i in localities],
        "portal-json": [f"/localities/{i}/portal/initiatives.json" for i in localities],
        "portal-ocds": [f"/localities/{i}/portal/calls.ocds.json" for i in publishing],
        "calls-largest": [f"/localities/{largest}/calls"],
        "calls": [f"/localities/{i}/calls" for i in localities],
        "auditors": ["/auditors"],
        "record-deep": [f"/localities/{largest}/record?before={i}" for i in record_cursors],
        "dashboard": [f"/localities/{largest}/initiatives?before={i}" for i in dashboard_cursors]
        + [f"/localities/{largest}/initiatives?stage={s}" for s in stages],
        "api-dashboard": [f"/api/v1/localities/{largest}/initiatives?before={i}" for i in dashboard_cursors],
        "api-directory-search": [f"/api/v1/organisations?q={q}" for q in quoted],
        "api-directory-filtered": draw(
            f"/api/v1/organisations?sector={s}&locality={l}&contribution={c}"
            for s in sectors
            for l in localities
            for c in contributions
        ),
        "api-organisation": [f"/api/v1/organisations/{i}" for i in organisations],
        "api-locality": [f"/api/v1/localities/{i}" for i in localities],
        "api-initiatives-of-locality": [f"/api/v1/localities/{i}/initiatives" for i in localities],
        "api-initiative": [f"/api/v1/initiatives/{i}" for i in initiatives],
        "api-suggestions": [f"/api/v1/initiatives/{i}/suggestions" for i in initiatives[: sample // 3]],
        "api-calls": [f"/api/v1/localities/{i}/calls" for i in localities],
        "api-log-entries": [
            f"/api/v1/log/entries?start={s}&end={s + 100}"
            for s in draw(range(0, max(1, log_size - 100), 97))
        ],
        "api-log-head": ["/api/v1/log/head"],
        "api-inclusion-proof": [
            f"/api/v1/log/proof/inclusion?index={i}&size={log_size}"
            for i in draw(range(0, max(1, log_size), 331))
        ],
        "api-consistency-proof": [
            f"/api/v1/log/proof/consistency?first={f}&second={log_size}"
            for f in draw(range(1, max(2, log_size), 331))
        ],
    }
    for name, paths in routes.items():
        with open(os.path.join(out, f"{name}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(paths) + "\n")

    # Who signs in for the signed-in routes: a member of the largest locality's convener, and
    # a member of an organisation (for its own pages).
    convener = rows(
        url,
        "SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id "
        f"JOIN localities l ON l.convener_organisation_id = m.organisation_id WHERE l.id = {largest} "
        "ORDER BY u.id LIMIT 1",
    )
    member = rows(
        url,
        "SELECT u.email, m.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id "
        "ORDER BY m.organisation_id DESC LIMIT 1",
    )
    facts = {
        "largest_locality": int(largest),
        "convener_email": convener[0][0] if convener else None,
        "member_email": member[0][0] if member else None,
        "member_organisation": int(member[0][1]) if member else None,
        "log_size": log_size,
    }
    with open(os.path.join(out, "facts.json"), "w", encoding="utf-8") as f:
        json.dump(facts, f)
    print(json.dumps({"routes": len(routes), **facts}))


if __name__ == "__main__":
    main()

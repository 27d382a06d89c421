import json, re, glob
txt = open(glob.glob("/work/heldout142/corpus/*")[0], encoding="utf-8").read()
norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()
T = norm(txt)
lines = open("/work/heldout142/questions.jsonl", encoding="utf-8").read().splitlines()
rows = [json.loads(l) for l in lines]
print("lines:", len(rows))
print("answerable:", sum(r["answerable"] for r in rows), "unanswerable:", sum(not r["answerable"] for r in rows))
print("en:", sum(r["lang"]=="en" for r in rows), "en unanswerable:", sum(r["lang"]=="en" and not r["answerable"] for r in rows), "sv:", sum(r["lang"]=="sv" for r in rows))
bad = 0
for i, r in enumerate(rows, 1):
    assert set(r) == {"question","evidence","answerable","lang"}
    if r["answerable"]:
        assert 1 <= len(r["evidence"]) <= 2, i
        for e in r["evidence"]:
            n = len(e.split())
            ok = norm(e) in T
            if not ok or not (5 <= n <= 40):
                bad += 1; print("BAD", i, n, ok, e)
    else:
        assert r["evidence"] == [], i
print("evidence failures:", bad)

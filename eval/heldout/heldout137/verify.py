import json, re, sys
corpus = open('/work/heldout137/corpus/msb-skydd-ics-scada-faq-vanliga-fragor.md', encoding='utf-8').read()
norm = lambda s: re.sub(r'\s+', ' ', s).strip().lower()
C = norm(corpus)
lines = open('/work/heldout137/questions.jsonl', encoding='utf-8').read().splitlines()
ok = True
rows = []
for i, l in enumerate(lines, 1):
    d = json.loads(l)
    assert set(d) == {"question", "evidence", "answerable", "lang"}, d
    rows.append(d)
    if d["answerable"]:
        if not (1 <= len(d["evidence"]) <= 2):
            ok = False; print("bad evidence count", i)
        for e in d["evidence"]:
            n = len(e.split())
            found = norm(e) in C
            if not found or not (5 <= n <= 40):
                ok = False
            print(f"{i:2d} {d['lang']} words={n:2d} found={found}")
    else:
        if d["evidence"] != []:
            ok = False; print("unanswerable with evidence", i)
        print(f"{i:2d} {d['lang']} unanswerable")
print("lines:", len(rows))
print("answerable:", sum(r["answerable"] for r in rows), "unanswerable:", sum(not r["answerable"] for r in rows))
print("en:", sum(r["lang"] == "en" for r in rows), "en unanswerable:", sum(r["lang"] == "en" and not r["answerable"] for r in rows), "sv:", sum(r["lang"] == "sv" for r in rows))
ok = ok and len(rows) == 30 and sum(r["answerable"] for r in rows) == 21 and sum(r["lang"] == "en" for r in rows) == 7 and sum(r["lang"] == "en" and not r["answerable"] for r in rows) >= 2
print("ALL CHECKS PASSED" if ok else "CHECKS FAILED")

import json, re, glob
corpus = open(glob.glob('/work/heldout136/corpus/*.txt')[0], encoding='utf-8').read()
norm = lambda t: re.sub(r'\s+', ' ', t).strip().lower()
C = norm(corpus)
lines = open('/work/heldout136/questions.jsonl', encoding='utf-8').read().splitlines()
print('lines:', len(lines))
rows = [json.loads(l) for l in lines]
print('valid JSON: all', len(rows))
print('answerable:', sum(r['answerable'] for r in rows), 'unanswerable:', sum(not r['answerable'] for r in rows))
print('lang en:', sum(r['lang']=='en' for r in rows), 'sv:', sum(r['lang']=='sv' for r in rows),
      'en unanswerable:', sum(r['lang']=='en' and not r['answerable'] for r in rows))
bad = 0
for i, r in enumerate(rows, 1):
    assert set(r) == {'question','evidence','answerable','lang'}
    if r['answerable']:
        assert 1 <= len(r['evidence']) <= 2, i
        for e in r['evidence']:
            n = len(e.split())
            ok = norm(e) in C
            if not ok or not (5 <= n <= 40):
                bad += 1; print('PROBLEM', i, n, ok, e)
    else:
        assert r['evidence'] == [], i
print('evidence problems:', bad)

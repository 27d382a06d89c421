import json,re,glob
doc=open(glob.glob('/work/heldout145/corpus/*')[0],encoding='utf-8').read()
norm=lambda s: re.sub(r'\s+',' ',s).strip().lower()
D=norm(doc)
rows=[json.loads(l) for l in open('/work/heldout145/questions.jsonl',encoding='utf-8')]
print('lines:',len(rows))
print('answerable:',sum(r['answerable'] for r in rows),'unanswerable:',sum(not r['answerable'] for r in rows))
print('en:',sum(r['lang']=='en' for r in rows),'en unanswerable:',sum(r['lang']=='en' and not r['answerable'] for r in rows),'sv:',sum(r['lang']=='sv' for r in rows))
bad=0
for i,r in enumerate(rows,1):
    assert set(r)=={'question','evidence','answerable','lang'}
    if r['answerable']:
        assert 1<=len(r['evidence'])<=2, i
        for e in r['evidence']:
            n=len(e.split())
            ok= norm(e) in D and 5<=n<=40
            if not ok: bad+=1; print('BAD',i,n,e)
    else:
        assert r['evidence']==[], i
print('evidence problems:',bad)
print('ALL OK' if bad==0 and len(rows)==30 and sum(r['answerable'] for r in rows)==21 and sum(r['lang']=='en' for r in rows)==7 else 'FAIL')

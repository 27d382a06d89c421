import json,re,glob
txt=open(glob.glob("/work/heldout146/corpus/*.txt")[0],encoding="utf-8").read()
norm=lambda s: re.sub(r"\s+"," ",s).strip().lower()
T=norm(txt)
lines=open("/work/heldout146/questions.jsonl",encoding="utf-8").read().splitlines()
print("lines:",len(lines))
Q=[json.loads(l) for l in lines]
print("answerable:",sum(q["answerable"] for q in Q),"unanswerable:",sum(not q["answerable"] for q in Q))
print("en:",sum(q["lang"]=="en" for q in Q),"en unanswerable:",sum(q["lang"]=="en" and not q["answerable"] for q in Q),"sv:",sum(q["lang"]=="sv" for q in Q))
bad=0
for i,q in enumerate(Q,1):
    assert set(q)=={"question","evidence","answerable","lang"}
    if q["answerable"]:
        assert 1<=len(q["evidence"])<=2, i
        for e in q["evidence"]:
            n=len(e.split()); ok=norm(e) in T
            if not ok or not (5<=n<=40): bad+=1; print("BAD",i,n,ok,e)
    else:
        assert q["evidence"]==[], i
print("evidence problems:",bad)

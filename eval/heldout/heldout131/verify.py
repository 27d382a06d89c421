import json,re,glob
txt=open(glob.glob("/work/heldout131/corpus/*.txt")[0],encoding="utf-8").read()
norm=lambda s:re.sub(r"\s+"," ",s).strip().lower()
T=norm(txt)
L=[json.loads(l) for l in open("/work/heldout131/questions.jsonl",encoding="utf-8")]
print("lines",len(L))
print("answerable",sum(q["answerable"] for q in L),"unanswerable",sum(not q["answerable"] for q in L))
print("en",sum(q["lang"]=="en" for q in L),"en unanswerable",sum(q["lang"]=="en" and not q["answerable"] for q in L),"sv",sum(q["lang"]=="sv" for q in L))
bad=0
for i,q in enumerate(L,1):
    assert set(q)=={"question","evidence","answerable","lang"}
    if q["answerable"]:
        assert 1<=len(q["evidence"])<=2
        for e in q["evidence"]:
            n=len(e.split())
            if norm(e) not in T or not(5<=n<=40): bad+=1; print("BAD",i,n,e)
    else: assert q["evidence"]==[]
print("evidence failures",bad)

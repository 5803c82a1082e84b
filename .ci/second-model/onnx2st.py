"""Convert a sentence-transformers/HF BERT ONNX export to HF BertModel safetensors.
Named initializers keep their names (prefix stripped); anonymous MatMul weights (onnx::MatMul_N)
are named from the MatMul node's module path and the bias added right after, and transposed
(ONNX MatMul B is [in, out]; HF Linear weight is [out, in])."""
import sys, re, onnx, numpy as np
from onnx import numpy_helper
from safetensors.numpy import save_file

src, dst = sys.argv[1], sys.argv[2]
m = onnx.load(src); g = m.graph
inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
consumers = {}
for n in g.node:
    for x in n.input: consumers.setdefault(x, []).append(n)
PREFIXES = ["model.0.auto_model.", "0.auto_model.", "auto_model.", "bert.", ""]
def strip(name):
    for p in PREFIXES:
        if name.startswith(p): return name[len(p):]
out, used = {}, set()
for name, a in inits.items():
    if name.startswith("embeddings.") or ".embeddings." in name or ".encoder." in name or name.startswith("encoder.") or "pooler" in name:
        out[strip(name)] = a; used.add(name)
for n in g.node:
    if n.op_type != "MatMul": continue
    ws = [x for x in n.input if x in inits]
    if not ws: continue
    wname = ws[0]
    assert n.input[1] == wname, (n.name, n.input)
    adds = [c for c in consumers.get(n.output[0], []) if c.op_type == "Add"]
    assert len(adds) == 1, n.name
    bias = [x for x in adds[0].input if x in inits]
    assert len(bias) == 1 and bias[0].endswith(".bias"), (n.name, adds[0].input)
    target = strip(bias[0][:-len(".bias")] + ".weight")
    # cross-check with the node's module path
    path = n.name.replace("/", ".")
    mod = target[:-len(".weight")]
    assert mod in path, (n.name, target)
    assert target not in out, target
    out[target] = np.ascontiguousarray(inits[wname].T); used.add(wname)
left = [k for k in inits if k not in used and inits[k].size > 16]
print("unused large initializers:", left)
out = {k: v.astype(np.float32) for k, v in sorted(out.items())}
for k, v in out.items(): print(k, v.shape)
save_file(out, dst, metadata={"format": "pt"})
print("tensors:", len(out), "params:", sum(v.size for v in out.values()))

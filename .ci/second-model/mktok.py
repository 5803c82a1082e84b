"""Builds a BERT WordPiece tokenizer.json (with [CLS]/[SEP] post-processing) from a vocab.txt.
usage: mktok.py VOCAB_TXT OUT_JSON lower|cased MAX_LEN"""
import sys, json
from tokenizers import BertWordPieceTokenizer, Tokenizer
vocab, out, lower, maxlen = sys.argv[1], sys.argv[2], sys.argv[3] == "lower", int(sys.argv[4])
t = BertWordPieceTokenizer(vocab, lowercase=lower, strip_accents=None, clean_text=True, handle_chinese_chars=True)
t.enable_truncation(maxlen)
t.save(out)
tk = Tokenizer.from_file(out)
j = json.load(open(out)); print("post_processor:", j["post_processor"]["type"], "lowercase:", j["normalizer"]["lowercase"], "trunc:", j["truncation"])
e = tk.encode("QuickBooks shows 502 Bad Gateway"); print(e.tokens, e.ids)

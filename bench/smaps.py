#!/usr/bin/env python3
"""Resident set of a process by mapping group: python3 smaps.py PID [top-N files]"""
import sys, re, collections
pid = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
groups = collections.defaultdict(lambda: collections.Counter())
files = collections.defaultdict(lambda: collections.Counter())
cur = None
def group(path):
    if not path: return 'anonymous (GC heap, JIT code, stacks, native malloc)'
    if path.startswith('['): return path
    if '/Microsoft.NETCore.App/' in path:
        return 'runtime native .so (coreclr, clrjit, ...)' if path.endswith('.so') else 'NETCore.App managed dlls (R2R)'
    if '/Microsoft.AspNetCore.App/' in path: return 'AspNetCore.App managed dlls (R2R)'
    if path.startswith('/memfd:') or 'doublemapper' in path: return 'memfd doublemapper (JIT code, W^X)'
    if path.endswith('.dll'): return 'app dlls'
    if '.so' in path: return 'other native .so (libc, icu, ssl, sqlite)'
    return 'other files'
for line in open(f'/proc/{pid}/smaps'):
    m = re.match(r'^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$', line)
    if m:
        cur = m.group(1).strip(); continue
    k, _, v = line.partition(':')
    if k in ('Rss', 'Private_Dirty', 'Private_Clean', 'Shared_Clean', 'Shared_Dirty', 'Anonymous'):
        kb = int(v.split()[0]); g = group(cur)
        groups[g][k] += kb; files[cur or '(anon)'][k] += kb
tot = collections.Counter()
for c in groups.values(): tot.update(c)
print(f"{'group':55} {'Rss':>8} {'PrivDirty':>9} {'PrivClean':>9} {'Shared':>8}  (MiB)")
for g, c in sorted(groups.items(), key=lambda x: -x[1]['Rss']):
    print(f"{g:55} {c['Rss']/1024:8.1f} {c['Private_Dirty']/1024:9.1f} {c['Private_Clean']/1024:9.1f} {(c['Shared_Clean']+c['Shared_Dirty'])/1024:8.1f}")
print(f"{'TOTAL':55} {tot['Rss']/1024:8.1f} {tot['Private_Dirty']/1024:9.1f} {tot['Private_Clean']/1024:9.1f} {(tot['Shared_Clean']+tot['Shared_Dirty'])/1024:8.1f}")
print(f"\ntop {top} files by Rss:")
for f, c in sorted(files.items(), key=lambda x: -x[1]['Rss'])[:top]:
    print(f"  {c['Rss']/1024:7.1f} MiB (dirty {c['Private_Dirty']/1024:5.1f})  {f}")

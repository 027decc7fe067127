"""Benchmark: the median time to produce one notice over 200 notices is at most 50 ms.

Not part of the test run. Usage: ``python bench/bench_notices.py [count]``. Exits 1 if over budget.

One notice = its context built from a demo-data case (office settings, case, the clock's dates,
the clerk's inputs) and the kind's template rendered by docxtpl in the sandbox and saved. Kinds and
cases rotate, so every template is measured. The baseline, timed on the same templates in the
same run, is python-docx opening the template and saving it unchanged: the least any .docx
output can cost. The ratio (budget 3×) says what filling it in costs beside that. Issuing
(文号 + Document row + timeline event in one transaction, file renamed into place) is reported
on its own line: it adds a database commit, which depends on the disk more than on this code.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402

from app.services.demo import demo_settings  # noqa: E402
from app.domain import notices as nd  # noqa: E402
from app.domain.request import CaseQuery  # noqa: E402
from app.services import deadlines, demo, notices, register, settings, templates  # noqa: E402
from app.services.workspace import close_workspace, open_workspace  # noqa: E402

BUDGET_MS = 50.0
RATIO_BUDGET = 3.0
EXTRA = {
    "补正事项": "所需政府信息的名称、文号或者便于查询的其他特征性描述\n申请人身份证件复印件",
    "第三方名称": "台州市黄岩东海建材有限公司", "被征求意见机关": "台州市黄岩区自然资源和规划局",
    "被征求意见方": "相关第三方", "收费方式": "按量计收", "页数": "45",  # 国办函〔2020〕109号: pages 31–45 at 10 元
    "公开部分": "补偿安置方案全文", "不予公开部分": "个人银行账号",
    "不予公开情形": nd.REFUSAL_CHOICES[3], "查询途径": "不动产登记机构", "负责机关": "台州市黄岩区自然资源和规划局",
    "负责机关联系方式": "0576-84123456",
    "前次答复": "本机关已于2026年2月10日作出答复", "出版物获取途径": "黄岩区图书馆", "送达文书名称": "答复告知书",
    "送达方式": "邮寄送达", "批准人": "陈建国",
}
ON = dt.date(2026, 11, 20)


def _ms(seconds: float) -> float:
    return seconds * 1000


def main(count: int = 200) -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-notices-"))
    open_workspace(folder / "bench.sqlite")
    settings.save(demo_settings())
    demo.generate(2026, 100, seed=7, today=ON)
    # Cases whose answer clock runs: a notice that states the answer limit cannot be made for a case
    # waiting for a correction, an opinion or a fee (notices.build_context refuses it).
    ids = [r.id for r in register.list_rows(CaseQuery(year=2026), 0, 100)
           if deadlines.case_limits(r.id, ON).answer.due is not None]
    kinds = [k for k in nd.KINDS if k.needs_case]

    render_times, baseline_times = [], []
    for i in range(count):
        kind, case_id = kinds[i % len(kinds)], ids[i % len(ids)]
        template = templates.template_path(kind.name)
        start = time.perf_counter()
        context = notices.build_context(kind.name, case_id, EXTRA, ON, None)
        templates.render(template, context, io.BytesIO())
        render_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        docx.Document(str(template)).save(io.BytesIO())
        baseline_times.append(time.perf_counter() - start)

    issue_times = []
    for case_id in ids[:20]:
        start = time.perf_counter()
        notices.issue("申请接收回执", case_id, {}, max(register.get_case(case_id).received_on, ON))
        issue_times.append(time.perf_counter() - start)
    close_workspace()

    median = _ms(statistics.median(render_times))
    baseline = _ms(statistics.median(baseline_times))
    ratio = median / baseline
    print(f"notices: {count} over {len(kinds)} kinds, {len(ids)} demo cases")
    print(f"notice (context + docxtpl render + save): median {median:6.1f} ms   budget {BUDGET_MS:.0f} ms   "
          f"(worst {_ms(max(render_times)):6.1f} ms; load {os.getloadavg()[0]:.1f})")
    print(f"baseline (python-docx open + save):      median {baseline:6.1f} ms")
    print(f"ratio: {ratio:.2f}x   budget {RATIO_BUDGET:.0f}x")
    print(f"issue (文号 + file + records, 20 receipts): median {_ms(statistics.median(issue_times)):6.1f} ms")
    ok = median <= BUDGET_MS and ratio <= RATIO_BUDGET
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))

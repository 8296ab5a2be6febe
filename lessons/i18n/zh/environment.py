"""Chinese messages of :mod:`lessons.environment` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "missing": "未安装",
    "unpinned": "未固定",
    "ok": "正常",
    "expected 3.11": "需要 3.11",
    "MISMATCH: run `make lab` (or pip install -r requirements.txt)": (
        "不一致：请运行 `make lab`（或 `pip install -r requirements.txt`）"
    ),
    "package": "软件包",
    "pinned": "固定版本",
    "installed": "已安装",
}

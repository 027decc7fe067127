"""The one place that says an operating-system error in Chinese (standard library only, any layer).

Python's own reasons ("No space left on device", "[WinError 5] Access is denied") are English and
name no file; the clerk reads what happened, to which file, and what to do about it.
"""
from __future__ import annotations

import errno

# errno → what happened, in the clerk's words (Windows error codes map onto these in OSError).
_REASONS: dict[int, str] = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EFBIG: "文件过大或磁盘空间已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EACCES: "没有权限（文件可能被设为只读，或正在被其他程序打开）",
    errno.EPERM: "没有权限（文件可能被设为只读，或正在被其他程序打开）",
    errno.EROFS: "磁盘或U盘是只读的（可能打开了写保护）",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中的某一部分不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.EEXIST: "已有同名的文件或文件夹",
    errno.ENODEV: "设备已移除（U盘可能已拔出）",
    errno.ENXIO: "设备已移除（U盘可能已拔出）",
    errno.EIO: "读写设备时出错（U盘可能已拔出或损坏）",
    errno.EBUSY: "文件正被其他程序使用",
    errno.ETXTBSY: "文件正被其他程序使用",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EINVAL: "文件名中有不允许的字符",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENOMEM: "内存不足",
    errno.EXDEV: "不能跨磁盘移动文件",
}
# Windows reports some cases with its own codes (OSError.winerror) and a generic errno.
_WINDOWS: dict[int, str] = {
    5: _REASONS[errno.EACCES], 32: "文件正被其他程序（如 Word、WPS、Excel）打开，请先关闭",
    33: "文件的一部分被其他程序锁定", 39: _REASONS[errno.ENOSPC], 112: _REASONS[errno.ENOSPC],
    19: _REASONS[errno.EROFS], 21: "设备未就绪（U盘可能已拔出）", 1117: _REASONS[errno.EIO],
    3: "找不到路径（文件夹不存在，或U盘已拔出）", 2: _REASONS[errno.ENOENT], 206: _REASONS[errno.ENAMETOOLONG],
    123: _REASONS[errno.EINVAL], 1224: "文件正被其他程序使用",
}
_FALLBACK = "读写文件时出错"


def reason(exc: BaseException) -> str:
    """Why an OS call failed, in Chinese; the English text only as a last resort, in brackets."""
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if winerror in _WINDOWS:
            return _WINDOWS[winerror]
        if exc.errno in _REASONS:
            return _REASONS[exc.errno]
        detail = exc.strerror or str(exc)
        return f"{_FALLBACK}（{detail}）" if detail else _FALLBACK
    return f"{_FALLBACK}（{exc}）"


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and (exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
                                         or getattr(exc, "winerror", None) in (39, 112))


def describe(exc: BaseException, action: str, path: object) -> str:
    """One sentence: what could not be done, to which path, and why — e.g.
    "无法写入 E:\\台账.xlsx：磁盘或U盘空间已满。" """
    where = f" {path}" if path not in (None, "") else ""
    return f"{action}{where}：{reason(exc)}。"

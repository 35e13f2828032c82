"""The driver's Hadoop FileSystem calls: list the inputs, swap the output in."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from ..errors import OnrecordError
from ..readers import readable
from ..readers.text import base_name

if TYPE_CHECKING:  # pragma: no cover
    from pyspark import SparkContext


class FileSystem:
    """Paths as Spark sees them: local, ``hdfs://``, ``s3a://``, ``gs://``, ``abfss://``."""

    def __init__(self, sc: SparkContext) -> None:
        self._jvm = sc._jvm  # noqa: SLF001 - the documented way to reach Hadoop from PySpark
        self._conf = sc._jsc.hadoopConfiguration()  # noqa: SLF001

    def _path(self, uri: str):
        return self._jvm.org.apache.hadoop.fs.Path(uri)

    def _fs(self, uri: str):
        return self._path(uri).getFileSystem(self._conf)

    def qualify(self, uri: str) -> str:
        path = self._path(uri)
        return str(path.getFileSystem(self._conf).makeQualified(path).toString())

    def exists(self, uri: str) -> bool:
        return bool(self._fs(uri).exists(self._path(uri)))

    def rename(self, source: str, target: str) -> bool:
        return bool(self._fs(source).rename(self._path(source), self._path(target)))

    def delete(self, uri: str) -> None:
        self._fs(uri).delete(self._path(uri), True)

    def files(self, uri: str) -> list[str]:
        """The files a path, directory (recursively) or glob names, sorted; [] when none.

        Inside a directory only the names the readers know are taken
        (``readers.readable``, ``.gz`` forms included), as ``onrecord ingest``
        does; hidden and ``_``-prefixed files (Hadoop's markers) are skipped.
        """
        fs = self._fs(uri)
        statuses = fs.globStatus(self._path(uri)) or []
        found: list[str] = []
        for status in statuses:
            if status.isDirectory():
                iterator = fs.listFiles(status.getPath(), True)
                while iterator.hasNext():
                    child = str(iterator.next().getPath().toString())
                    name = base_name(child)
                    if not name.startswith((".", "_")) and readable(name):
                        found.append(child)
            else:
                found.append(str(status.getPath().toString()))
        return sorted(found)

    def swap(self, staging: str, output: str) -> None:
        """Replace ``output`` by ``staging``; the old output is removed only after the swap."""
        old = None
        if self.exists(output):
            old = f"{output.rstrip('/')}.old-{uuid.uuid4().hex[:8]}"
            if not self.rename(output, old):
                raise OnrecordError(f"cannot move the previous output {output} aside to {old}")
        if not self.rename(staging, output):
            if old is not None:
                self.rename(old, output)
            raise OnrecordError(f"cannot move the new output {staging} to {output}")
        if old is not None:
            self.delete(old)

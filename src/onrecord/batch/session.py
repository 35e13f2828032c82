"""The SparkSession: spark-submit's, a given master, or a quiet local one."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtra

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession

# Partitions per available core when --partitions is not given: enough that a
# slow article (a long one) does not leave the other cores idle at the end.
PARTITIONS_PER_CORE = 4


def require_pyspark() -> Any:
    """The pyspark module; MissingExtra naming the extra when it is not installed."""
    try:
        import pyspark
    except ImportError as error:
        raise MissingExtra("spark", "pyspark") from error
    return pyspark


def _is_local(master: str | None) -> bool:
    return master is None or master.startswith("local")


def _local_cores(master: str | None) -> int:
    inside = (master or "").partition("[")[2].partition("]")[0].partition(",")[0]
    if inside.isdigit():
        return max(1, int(inside))
    return os.cpu_count() or 1


def spark_session(master: str | None = None, *, app_name: str = "onrecord", partitions: int | None = None) -> SparkSession:
    """A SparkSession: the given master, spark-submit's, or ``local[<cores>]``.

    Local sessions bind to 127.0.0.1, run the Python workers on this interpreter
    and have the web UI off.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started us
    if master is None and not under_submit:
        master = f"local[{os.cpu_count() or 1}]"
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if _is_local(master) and not under_submit:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        cores = _local_cores(master)
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(partitions or cores * PARTITIONS_PER_CORE))
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
        )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session

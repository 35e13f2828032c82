"""Batch processing beyond one machine: the Apache Spark job (``onrecord[spark]``).

``onrecord.batch.rows`` turns articles into the flat records every batch output
shares (no Spark needed); ``onrecord.batch.spark`` runs the job.
"""
